package io.salesops.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Percent;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.io.ImportProblem;
import io.salesops.io.ImportResult;
import io.salesops.io.OpportunityCsvReader;
import io.salesops.io.TableImportResult;
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

    @Option(names = "--skip-invalid",
            description = "Leave out rows with problems (a blank or malformed amount, a bad date, ...) instead of"
                    + " stopping; how many and the first one are said on standard error.")
    boolean skipInvalid;

    @Option(names = "--fiscal-year-start", paramLabel = "MONTH",
            description = "First month of the fiscal year: a name (february, feb) or number (2); default: january.")
    String fiscalYearStart;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** Says on standard error what was assumed about the file, keeping standard output for the result. */
    void note(String text) {
        if (mixee != null) {
            mixee.commandLine().getErr().println("salesops: note: " + text);
            mixee.commandLine().getErr().flush();
        }
    }

    /** @return the fiscal calendar of {@code --fiscal-year-start}, else the calendar year */
    FiscalCalendar calendar() {
        if (fiscalYearStart == null) {
            return FiscalCalendar.calendarYear();
        }
        String v = fiscalYearStart.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.matches("[0-9]{1,2}")) {
            int m = Integer.parseInt(v);
            if (m >= 1 && m <= 12) {
                return FiscalCalendar.startingIn(java.time.Month.of(m));
            }
        } else {
            for (java.time.Month m : java.time.Month.values()) {
                if (v.length() >= 3 && m.name().startsWith(v)) {
                    return FiscalCalendar.startingIn(m);
                }
            }
        }
        throw new UserInputException("--fiscal-year-start " + fiscalYearStart + " is not a month: give a name"
                + " (february, feb) or a number from 1 to 12");
    }

    /**
     * Checks that each {@code --by} dimension is a field some opportunity has (team and territory may come from
     * the org instead): a misspelt attribute would otherwise put every deal in one "(none)" group.
     *
     * @throws IllegalArgumentException naming the dimension and the fields the file has
     */
    void checkDimensions(List<Opportunity> opps, boolean withOrg, String... dimensions) {
        for (String d : dimensions) {
            unknownDimension(opps, withOrg, d).ifPresent(fields -> refuse(d, fields));
        }
    }

    /** As {@link #checkDimensions(List, boolean, String...)}, over the rows of a table. */
    void checkDimensions(OpportunityTable table, boolean withOrg, String... dimensions) {
        for (String d : dimensions) {
            unknownDimension(table, withOrg, d).ifPresent(fields -> refuse(d, fields));
        }
    }

    private void refuse(String d, java.util.Set<String> fields) {
        throw new UserInputException("--by " + d + ": no opportunity in " + opportunities + " has a value for it"
                + (fromOrg(d) ? " (give --org to take it from the reps)" : "") + "; fields in the file include " + fields);
    }

    /**
     * Whether no opportunity has a value for a grouping dimension (team and territory may come from the org
     * instead), which would put every deal in one "(none)" group. The CLI's {@code --by} and the server's
     * {@code "by"} both refuse such a dimension.
     *
     * @param opps      the opportunities; not null
     * @param withOrg   whether an org gives team and territory
     * @param dimension the dimension as the user wrote it; not null
     * @return empty when some opportunity has a value for it (or there are none), else the fields the opportunities
     *         do have (the standard ones and up to about 40 attribute names), sorted
     */
    public static java.util.Optional<java.util.Set<String>> unknownDimension(List<Opportunity> opps, boolean withOrg,
                                                                             String dimension) {
        return unknownDimension(opps.size(), withOrg, dimension, i -> opps.get(i).field(dimension).orElse(null),
                i -> opps.get(i).attributes().keySet());
    }

    /**
     * As {@link #unknownDimension(List, boolean, String)}, over the rows of a table.
     *
     * @param table     the opportunities; not null
     * @param withOrg   whether an org gives team and territory
     * @param dimension the dimension as the user wrote it; not null
     * @return empty when some row has a value for it (or there are none), else the fields the rows do have
     */
    public static java.util.Optional<java.util.Set<String>> unknownDimension(OpportunityTable table, boolean withOrg,
                                                                             String dimension) {
        return unknownDimension(table.size(), withOrg, dimension, r -> table.field(r, dimension),
                r -> table.attributeNames().stream().filter(a -> table.attribute(r, a) != null).toList());
    }

    /** The rule of both: {@code value} and {@code attributes} give row {@code i}'s value and attribute names. */
    private static java.util.Optional<java.util.Set<String>> unknownDimension(
            int rows, boolean withOrg, String dimension, java.util.function.IntFunction<String> value,
            java.util.function.IntFunction<java.util.Collection<String>> attributes) {
        if (rows == 0 || (withOrg && fromOrg(dimension))) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> fields = new java.util.TreeSet<>(List.of("owner", "product", "type", "account", "stage"));
        for (int i = 0; i < rows; i++) {
            String v = value.apply(i);
            if (v != null && !v.isBlank()) {
                return java.util.Optional.empty();
            }
            if (fields.size() < 40) {
                fields.addAll(attributes.apply(i));
            }
        }
        return java.util.Optional.of(fields);
    }

    /**
     * @param dimension a grouping dimension as the user wrote it; not null
     * @return whether an org can give it (team, territory)
     */
    public static boolean fromOrg(String dimension) {
        String d = dimension.strip().toLowerCase(java.util.Locale.ROOT);
        return d.equals("team") || d.equals("territory");
    }

    /** @return true if a stage model file was given */
    boolean hasStages() {
        return stages != null;
    }

    /** @return the stage model from {@code --stages}, else the default */
    StageModel stageModel() throws IOException {
        return stages == null ? StageModel.defaultModel() : readStages(stages);
    }

    /**
     * @return the opportunities; every row with a problem is an error naming file, line and column (all of them are
     *         listed, not only the first), unless {@code --skip-invalid} leaves those rows out and says so
     */
    List<Opportunity> read(StageModel model) throws IOException {
        OpportunityCsvReader r = reader(model);
        ImportResult<Opportunity> result = history == null ? r.read(opportunities) : r.read(opportunities, history);
        return accepted(result.problems(), result.rejectedRows()) ? result.records() : result.orThrow();
    }

    /**
     * @return the opportunities read straight into a table, with the problems {@link #read(StageModel)} finds and
     *         the same {@code --skip-invalid} rule
     */
    OpportunityTable readTable(StageModel model) throws IOException {
        OpportunityCsvReader r = reader(model);
        TableImportResult result = history == null ? r.readTable(opportunities) : r.readTable(opportunities, history);
        return accepted(result.problems(), result.rejectedRows()) ? result.table() : result.orThrow();
    }

    /** @return true to go on without the rejected rows; else the caller throws the problems, after a hint */
    private boolean accepted(List<ImportProblem> problems, int rejectedRows) {
        if (problems.isEmpty()) {
            return true;
        }
        if (skipInvalid) {
            note("left out " + rejectedRows + " row" + (rejectedRows == 1 ? "" : "s") + " of " + opportunities.getFileName()
                    + " with " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " (--skip-invalid), the"
                    + " first: " + problems.get(0) + "; salesops import check lists them all");
            return true;
        }
        note(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the input; fix "
                + (problems.size() == 1 ? "it" : "them") + ", or give --skip-invalid to leave the rows out");
        return false;
    }

    private OpportunityCsvReader reader(StageModel model) {
        // lenient: every problem of the file is found and listed, not only the first one
        OpportunityCsvReader.Builder b = OpportunityCsvReader.builder().stageModel(model).charset(encoding).lenient();
        if (columns != null) {
            UserInputException.fromUser("--columns", () -> b.columns(columns));
        } else {
            ExportShape.configure(b, opportunities, encoding, true, this::note);
        }
        return b.build();
    }

    /**
     * Reads a stage model CSV with header {@code stage,probability,forecast_category,outcome}; probability in
     * percent ({@code 50} or {@code 50%}); category and outcome may be blank (Pipeline, open). A probability
     * column whose values are all at most 1 without a percent sign is an error: it reads as fractions (1 = 100%)
     * as plausibly as percentages (1 = 1%), and a silent guess would be wrong half the time.
     *
     * @throws IllegalArgumentException naming the file, line and column of a bad value, or both readings of an
     *                                  ambiguous probability column
     */
    static StageModel readStages(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        checkPercentages(file, probabilities(file));
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            boolean checked = false;
            for (NamedCsvRecord r : csv) {
                if (!checked) {
                    for (String col : List.of("stage", "probability")) {
                        if (!r.getHeader().contains(col)) {
                            throw new UserInputException(file + ": header has no column \"" + col
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
                    throw new UserInputException(where + ", column " + col + ": " + e.getMessage(), e);
                }
            }
        }
        try {
            return StageModel.of(stages);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** The probability column's values, or none if a value is not a plain number (the full read reports it). */
    private static List<String> probabilities(Path file) throws IOException {
        List<String> raw = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                String v = r.findField("probability").orElse("").strip();
                if (!v.matches("[0-9]+(\\.[0-9]+)?%?")) {
                    return List.of();
                }
                raw.add(v);
            }
        }
        return raw;
    }

    /** Rejects a probability column that reads as fractions as well as it reads as percentages. */
    private static void checkPercentages(Path file, List<String> raw) {
        boolean ambiguous = !raw.isEmpty();
        boolean positive = false;
        for (String v : raw) {
            if (v.endsWith("%")) {
                return;
            }
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            ambiguous &= d.compareTo(java.math.BigDecimal.ONE) <= 0;
            positive |= d.signum() > 0;
        }
        if (ambiguous && positive) {
            List<String> asPercent = new ArrayList<>();
            List<String> asFraction = new ArrayList<>();
            for (String v : raw.subList(0, Math.min(3, raw.size()))) {
                java.math.BigDecimal d = new java.math.BigDecimal(v);
                asPercent.add(d.stripTrailingZeros().toPlainString() + "%");
                asFraction.add(d.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
            }
            throw new UserInputException(file + ", column probability: every value is at most 1 (" + String.join(", ",
                    raw.subList(0, Math.min(3, raw.size()))) + (raw.size() > 3 ? ", ..." : "") + "), which reads as percentages "
                    + asPercent + " or as fractions " + asFraction + "; write percentages (100, 50) or with a percent sign (50%)");
        }
    }
}
