/**
 * Sales planning: territories and account assignment ({@code io.salesops.planning.territory}), quotas from the
 * company target, capacity and plan cost ({@code io.salesops.planning.quota}).
 *
 * <p>An explicit module rather than an automatic one, so that on the module path its own dependencies
 * (FastCSV, Jackson, Timefold) are resolved with it: an automatic module cannot require them, and a user's
 * {@code requires io.salesops.planning} then failed with {@code NoClassDefFoundError} on the first file read.
 */
module io.salesops.planning {
    // Transitive: the API takes and returns core and comp types (Org, Quotas, Period, Money, CompPlan).
    requires transitive io.salesops.core;
    requires transitive io.salesops.comp;
    // Transitive: plan cost from the pipeline takes a PipelineForecast (ForecastAttainment.of).
    requires transitive io.salesops.forecast;
    requires io.salesops.io;
    requires de.siegmar.fastcsv;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    // Timefold is an automatic module: it cannot require its own explicit-module dependencies, so they are
    // named here to be resolved on the module path.
    requires ai.timefold.solver.core;
    requires org.slf4j;

    exports io.salesops.planning.quota;
    exports io.salesops.planning.territory;
    // Timefold reads and writes the planning entities and the solution by reflection.
    opens io.salesops.planning.territory to ai.timefold.solver.core;
}
