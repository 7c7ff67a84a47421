/**
 * Commission plans as data, the engine that evaluates them exact to the cent, and statements that explain
 * every line. Implementation classes live in {@code io.salesops.comp.internal}, which is not exported.
 */
module io.salesops.comp {
    requires transitive io.salesops.core;
    requires transitive io.salesops.io;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports io.salesops.comp;
    exports io.salesops.comp.input;
    exports io.salesops.comp.plan;
    exports io.salesops.comp.engine;
    exports io.salesops.comp.statement;
    exports io.salesops.comp.file;
}
