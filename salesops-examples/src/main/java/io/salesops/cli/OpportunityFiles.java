package io.salesops.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Percent;
import io.salesops.io.OpportunityCsvReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The input options shared by the pipeline, backtest and KPI commands: the opportunity export, its stage
 * history, a column mapping and a stage model. Not thread-safe (a picocli mixin).
 */
public final class OpportunityFiles {

    @Option(names = "--opportunities", required = true, paramLabel = "FILE", description = "Opportunity CSV export.")
    Path opportunities;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Stage history CSV (opportunity_id,date,stage[,amount,close_date]).")
    Path history;

    @Option(names = "--columns", paramLabel = "SPEC",
            description = "Column mapping: salesforce, hubspot, or field=header pairs, e.g. amount=close_value,owner=sales_agent.")
    String columns;

    @Option(names = "--stages", paramLabel = "FILE",
            description = "Stage model CSV: stage,probability,forecast_category,outcome (default: the built-in B2B model).")
    Path stages;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Encoding of the CSV files, e.g. windows-1252 or ISO-8859-1 (default: ${DEFAULT-VALUE}).")
    Charset encoding = StandardCharsets.UTF_8;

    /** @return the stage model from {@code --stages}, else the default */
    StageModel stageModel() throws IOException {
        return stages == null ? StageModel.defaultModel() : readStages(stages);
    }

    /** @return the opportunities, strictly read (the first bad row is an error naming file, line and column) */
    List<Opportunity> read(StageModel model) throws IOException {
        OpportunityCsvReader.Builder b = OpportunityCsvReader.builder().stageModel(model).charset(encoding);
        if (columns != null) {
            b.columns(columns);
        }
        OpportunityCsvReader r = b.build();
        return (history == null ? r.read(opportunities) : r.read(opportunities, history)).orThrow();
    }

    /**
     * Reads a stage model CSV with header {@code stage,probability,forecast_category,outcome}; probability in
     * percent ({@code 50} or {@code 50%}); category and outcome may be blank (Pipeline, open).
     *
     * @throws IllegalArgumentException naming the file, line and column of a bad value
     */
    static StageModel readStages(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            boolean checked = false;
            for (NamedCsvRecord r : csv) {
                if (!checked) {
                    for (String col : List.of("stage", "probability")) {
                        if (!r.getHeader().contains(col)) {
                            throw new IllegalArgumentException(file + ": header has no column \"" + col
                                    + "\"; expected stage,probability,forecast_category,outcome");
                        }
                    }
                    checked = true;
                }
                String where = file + ":" + r.getStartingLineNumber();
                String col = "stage";
                try {
                    String name = r.getField("stage");
                    col = "probability";
                    Percent p = Percent.of(r.getField("probability"));
                    col = "outcome";
                    String o = r.findField("outcome").orElse("").strip();
                    OpportunityStatus outcome = o.isEmpty() ? OpportunityStatus.OPEN : OpportunityStatus.parse(o);
                    col = "forecast_category";
                    String c = r.findField("forecast_category").orElse("").strip();
                    ForecastCategory cat = !c.isEmpty() ? ForecastCategory.parse(c)
                            : outcome == OpportunityStatus.WON ? ForecastCategory.CLOSED
                            : outcome == OpportunityStatus.LOST ? ForecastCategory.OMITTED : ForecastCategory.PIPELINE;
                    stages.add(new Stage(name, p, cat, outcome));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ", column " + col + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            return StageModel.of(stages);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }
}
