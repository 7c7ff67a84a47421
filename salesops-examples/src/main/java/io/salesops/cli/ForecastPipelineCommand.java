package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageModel;
import io.salesops.core.org.Org;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.Adjustment;
import io.salesops.forecast.pipeline.DealForecast;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.PipelineMethod;
import io.salesops.forecast.pipeline.TimingSource;
import io.salesops.io.AdjustmentCsvReader;
import io.salesops.io.AdjustmentRow;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.QuotaCsvReader;
import io.salesops.server.ServerLimits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops forecast pipeline}: expected bookings for a period from the pipeline as of a date, rolled up
 * by owner through the org or by any dimension, with categories, quota attainment, coverage and simulated
 * P10/P50/P90. Not thread-safe (a picocli command object).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Forecast a period's bookings from the pipeline as it stood on a date.")
public final class ForecastPipelineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OpportunityFiles files;

    @Option(names = "--org", paramLabel = "FILE", description = "Org chart CSV (rep,name,manager,team,territory,...).")
    Path org;

    @Option(names = "--quotas", paramLabel = "FILE", description = "Quotas CSV (rep,period,amount[,currency]).")
    Path quotas;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", description = "Forecast as of the end of this day (yyyy-mm-dd).")
    LocalDate asOf;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "The period: 2026-Q3, 2026-07, 2026-H2, FY2026.")
    String period;

    @Option(names = "--by", paramLabel = "DIMENSION",
            description = "Roll up by owner (through the org when --org is given), team, territory, product, type or any attribute.")
    String by;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "auto (backtest the candidates on the file's own past periods and combine the best; the default),"
                    + " time_to_event, or stage_weighted (the default with --learned or --timing).")
    String method;

    @Option(names = "--learned", description = "Learn win probabilities from deals closed before the as-of date.")
    boolean learned;

    @Option(names = "--segment", paramLabel = "FIELD", description = "With --learned: also learn per value of this field (e.g. owner, product).")
    String segment;

    @Option(names = "--timing", paramLabel = "SOURCE",
            description = "P(closes in the period | wins): close_date (1 if the close date is in the period) or learned "
                    + "(from days to close and slips); default: learned when the file has won deals.")
    TimingSource timing;

    @Option(names = "--no-new-business", negatable = false,
            description = "Leave out bookings from opportunities not yet created.")
    boolean noNewBusiness;

    @Option(names = "--simulations", paramLabel = "N", description = "Monte Carlo simulations for P10/P50/P90 (0: none).")
    int simulations;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the deal pass and the simulation (default: available processors); results do not depend on it.")
    Integer threads;

    @Option(names = "--adjustments", paramLabel = "FILE",
            description = "Managers' adjustments CSV (group,amount,who,when[,why,currency]): the group's expected bookings"
                    + " set to amount; the output keeps the model's number, the adjusted one and who, when and why.")
    Path adjustments;

    @Option(names = "--explain", description = "Also list every open deal with why it contributes what it does (table format).")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CommandSupport.Format format;

    /** Runs the forecast and prints it. @return the exit code */
    @Override
    public Integer call() {
        return CommandSupport.run(spec, this::forecast);
    }

    private int forecast() throws Exception {
        FiscalCalendar cal = files.calendar();
        Period p = UserInputException.fromUser("--period", () -> cal.parse(period));
        StageModel model = files.stageModel();
        OpportunityTable opps = files.readTable(model);
        PipelineForecast f = PipelineForecast.of(opps).asOf(asOf).period(p);
        if (files.hasStages()) {
            f = f.stages(model); // without a stages file the forecast infers one when the built-in model does not fit
        }
        f = f.method(method(spec, method, learned || timing != null));
        if (learned) {
            f = f.learnedProbabilities();
            if (segment != null) {
                f = f.segmentBy(segment);
            }
        }
        Org o = org == null ? null : OrgCsvReader.builder().build().readOrg(org);
        if (by != null && !(by.equalsIgnoreCase("owner") && o != null)) {
            files.checkDimensions(opps, o != null, by);
        }
        if (by != null && (by.equalsIgnoreCase("owner") && o != null)) {
            f = f.byOwner(o);
        } else if (by != null) {
            if (o != null) {
                f = f.org(o);
            }
            f = f.by(by);
        }
        if (quotas != null) {
            Quotas q = QuotaCsvReader.builder().fiscalCalendar(cal).build().readQuotas(quotas);
            f = f.quotas(q);
        }
        if (timing != null) {
            f = f.timing(timing);
        }
        if (adjustments != null) {
            f = f.adjustments(readAdjustments(adjustments, opps));
        }
        if (threads != null) {
            if (threads < 1) {
                throw new UserInputException("--threads " + threads + " must be at least 1");
            }
            f = f.threads(threads);
        }
        if (noNewBusiness) {
            f = f.notYetCreated(false, 1);
        }
        Progress progress = null;
        if (simulations < 0 || simulations > ServerLimits.DEFAULT_MAX_SIMULATIONS) {
            throw new UserInputException("--simulations " + simulations + " must be from 0 to "
                    + String.format(Locale.ROOT, "%,d", ServerLimits.DEFAULT_MAX_SIMULATIONS) + " (the server's cap too)");
        }
        if (simulations > 0) {
            f = f.simulations(simulations, seed);
            if (System.console() != null) {
                progress = new Progress(spec.commandLine().getErr());
                f = f.onProgress(progress);
            }
        }
        ForecastReport r;
        try {
            r = f.run();
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows(r)));
            case CSV -> printCsv(out, r);
            default -> printTable(out, r);
        }
        out.flush();
        return CommandSupport.OK;
    }

    /**
     * The adjustments of the file, amounts in the opportunities' currency unless a row names its own.
     *
     * @throws io.salesops.io.CsvImportException naming file, line and column of every bad row
     * @throws java.io.IOException              if the file cannot be read
     */
    static List<Adjustment> readAdjustments(Path file, OpportunityTable opps) throws java.io.IOException {
        // lenient, then orThrow: every bad row is reported at once, and none is dropped
        AdjustmentCsvReader.Builder b = AdjustmentCsvReader.builder().lenient();
        if (opps.size() > 0) {
            b = b.defaultCurrency(opps.currency(0).getCurrencyCode());
        }
        List<Adjustment> out = new ArrayList<>();
        for (AdjustmentRow a : b.build().read(file).orThrow()) {
            out.add(new Adjustment(a.group(), a.amount(), a.why(), a.who(), a.when()));
        }
        return out;
    }

    /**
     * The method named by {@code --method}; without it, auto unless a stage-weighted option was given. A name that
     * is no method is a usage error of {@code spec}'s command, so picocli prints it on that command's error stream.
     */
    static PipelineMethod method(CommandSpec spec, String name, boolean stageWeightedOptions) {
        if (name == null) {
            return stageWeightedOptions ? PipelineMethod.STAGE_WEIGHTED : PipelineMethod.AUTO;
        }
        try {
            return PipelineMethod.parse(name);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--method " + name + " is not one of auto, time_to_event, stage_weighted");
        }
    }

    /** One map per node, parents before children, with the fields of the JSON and CSV output. */
    static List<Map<String, Object>> rows(ForecastReport r) {
        return JsonViews.pipeline(r);
    }

    private static void printCsv(PrintWriter out, ForecastReport r) {
        List<Map<String, Object>> rows = rows(r);
        // the adjustments list stays in JSON; CSV has adjustedExpected for each node
        List<String> keys = rows.get(0).keySet().stream().filter(k -> !k.equals("adjustments")).toList();
        out.println(String.join(",", keys));
        for (Map<String, Object> m : rows) {
            List<String> cells = new ArrayList<>();
            for (String k : keys) {
                cells.add(CommandSupport.csv(m.get(k)));
            }
            out.println(String.join(",", cells));
        }
    }

    private void printTable(PrintWriter out, ForecastReport r) {
        out.printf(Locale.ROOT, "Pipeline forecast %s as of %s (%s)%n", r.period(), r.asOf(), r.currency().getCurrencyCode());
        String fmt = "%-24s %14s %14s %14s %14s %14s %14s %14s %14s %14s %7s %6s%n";
        out.printf(Locale.ROOT, fmt, "group", "closed", "open pipeline", "new business", "expected", "commit fcst",
                "best case fcst", "P10", "P50", "P90", "attain", "cover");
        for (Map<String, Object> m : rows(r)) {
            String g = "  ".repeat((Integer) m.get("depth")) + m.get("group");
            out.printf(Locale.ROOT, fmt, g.length() > 24 ? g.substring(0, 23) + "~" : g, m.get("closed"), m.get("openPipeline"),
                    m.get("notYetCreated"), m.get("expected"), m.get("commitForecast"), m.get("bestCaseForecast"),
                    dash(m.get("p10")), dash(m.get("p50")), dash(m.get("p90")),
                    m.get("attainment") == null ? "-" : m.get("attainment") + "%", m.get("coverage") == null ? "-" : m.get("coverage") + "x");
        }
        for (String a : r.assumptions()) {
            out.println("# " + a);
        }
        printAdjustments(out, r.root());
        if (explain) {
            out.println();
            for (DealForecast d : r.deals()) {
                out.println(d.explain());
            }
        }
    }

    /** One line per manager's adjustment, node by node, parents first. */
    private static void printAdjustments(PrintWriter out, io.salesops.forecast.pipeline.ForecastNode n) {
        for (Adjustment a : n.adjustments()) {
            out.printf(Locale.ROOT, "# adjusted %s from %s to %s by %s at %s%s%n", n.group(), CommandSupport.decimal(n.expected()),
                    CommandSupport.decimal(a.value()), a.by(),
                    a.at(), a.note().isEmpty() ? "" : ": " + a.note());
        }
        for (io.salesops.forecast.pipeline.ForecastNode c : n.children()) {
            printAdjustments(out, c);
        }
    }

    private static Object dash(Object v) {
        return v == null ? "-" : v;
    }

    /** Simulation progress on standard error, for an interactive terminal. Thread-safe. */
    static final class Progress implements java.util.function.DoubleConsumer {
        private final PrintWriter err;
        private int shown = -1;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void accept(double fraction) {
            int pct = (int) Math.floor(fraction * 100);
            if (pct != shown) {
                shown = pct;
                err.print("\rsimulating: " + pct + "%");
                err.flush();
            }
        }

        synchronized void done() {
            if (shown >= 0) {
                err.print("\r");
                err.flush();
            }
        }
    }
}
