package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.core.org.Org;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.kpi.KpiReport;
import io.salesops.forecast.kpi.SalesKpis;
import io.salesops.forecast.kpi.StageConversion;
import io.salesops.io.OrgCsvReader;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code salesops kpi}: win rates, deal size, cycle length, slippage, stage conversion, pipeline velocity,
 * bookings per period, stage durations, win rate by creation cohort and bookings consistency, in total and per
 * group. Not thread-safe (a picocli command object).
 */
@Command(name = "kpi", mixinStandardHelpOptions = true, description = "Sales KPIs over a window of periods.")
public final class KpiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OpportunityFiles files;

    @Option(names = "--from", paramLabel = "PERIOD", description = "First period of the window, e.g. 2017-Q1 (required without --hygiene).")
    String from;

    @Option(names = "--to", paramLabel = "PERIOD", description = "Last period of the window, e.g. 2017-Q4 (required without --hygiene).")
    String to;

    @Option(names = "--hygiene", description = "Instead of KPIs, the pipeline upkeep report: deals past their close date,"
            + " stale in their stage, missing fields, likely duplicates, stage regressions; one line per flag.")
    boolean hygiene;

    @Option(names = "--as-of", paramLabel = "DATE", description = "With --hygiene: the CRM as it stood at the end of this day"
            + " (default: the latest date in the file).")
    java.time.LocalDate asOf;

    @Option(names = "--stale-after", paramLabel = "X", defaultValue = "3",
            description = "With --hygiene: stale after X times the stage's usual stay (default: ${DEFAULT-VALUE}).")
    double staleAfter;

    @Option(names = "--by", paramLabel = "DIMENSION", description = "Also per owner, team, territory, product, type or attribute.")
    String by;

    @Option(names = "--org", paramLabel = "FILE", description = "Org chart CSV, for --by team or territory.")
    Path org;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CommandSupport.Format format;

    /** Computes and prints the KPIs. @return the exit code */
    @Override
    public Integer call() {
        if (!hygiene && (from == null || to == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "kpi needs --from and --to (or --hygiene)");
        }
        return CommandSupport.run(spec, this::kpis);
    }

    private int kpis() throws Exception {
        FiscalCalendar cal = files.calendar();
        StageModel model = files.stageModel();
        if (hygiene) {
            return hygiene(files.readTable(model), model);
        }
        OpportunityTable opps = files.readTable(model);
        Period first = UserInputException.fromUser("--from", () -> cal.parse(from));
        Period last = UserInputException.fromUser("--to", () -> cal.parse(to));
        // Without --stages, SalesKpis reads the export's own stages as the forecast does, and says so below.
        SalesKpis k = UserInputException.fromUser("--from/--to", () -> SalesKpis.of(opps).window(first, last));
        if (files.hasStages()) {
            k = k.stages(model);
        }
        if (org != null) {
            Org o = OrgCsvReader.builder().build().readOrg(org);
            k = k.org(o);
        }
        if (by != null) {
            files.checkDimensions(opps, org != null, by);
            k = k.by(by);
        }
        KpiReport r = k.run();
        r.assumptions().forEach(files::note);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = JsonViews.kpi(r);
        switch (format) {
            case JSON -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            case CSV -> {
                List<String> keys = rows.get(0).keySet().stream().filter(x -> !(rows.get(0).get(x) instanceof java.util.Collection<?>)
                        && !(rows.get(0).get(x) instanceof Map<?, ?>)).toList();
                out.println(String.join(",", keys));
                for (Map<String, Object> m : rows) {
                    out.println(String.join(",", keys.stream().map(x -> CommandSupport.csv(m.get(x))).toList()));
                }
            }
            default -> {
                String fmt = "%-14s %6s %6s %8s %8s %14s %8s %8s %7s %6s %16s %12s%n";
                out.printf(Locale.ROOT, fmt, "group", "won", "lost", "win#", "win$", "avg deal", "cycle W", "cycle L",
                        "slip", "open", "open pipeline", "velocity/d");
                for (Map<String, Object> m : rows) {
                    out.printf(Locale.ROOT, fmt, m.get("group"), m.get("won"), m.get("lost"), pct(m.get("winRateByCount")),
                            pct(m.get("winRateByValue")), dash(m.get("averageDealSize")), days(m.get("medianCycleWon")),
                            days(m.get("medianCycleLost")), pct(m.get("slippageRate")), m.get("openDeals"),
                            m.get("openPipeline"), dash(m.get("pipelineVelocityPerDay")));
                }
                out.println();
                out.println("bookings per period (" + r.total().group() + "): " + rows.get(0).get("bookings"));
                for (StageConversion c : r.total().conversions()) {
                    out.printf(Locale.ROOT, "conversion %s -> %s: %d of %d (%s)%n", c.from(), c.to(), c.converted(), c.reached(),
                            Double.isNaN(c.rate()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * c.rate()));
                }
                tables(out, r);
            }
        }
        out.flush();
        return CommandSupport.OK;
    }

    /** The tables of the total, and the consistency of each group, after the KPI table. */
    private static void tables(PrintWriter out, KpiReport r) {
        io.salesops.forecast.kpi.KpiDetail total = r.details().get(0);
        out.println();
        if (!r.hasStageHistory()) {
            out.println("stage durations: no stage history in the file (give --history), so none");
        } else if (total.stageDurations().isEmpty()) {
            out.println("stage durations: no deal left an open stage inside the window");
        }
        for (io.salesops.forecast.kpi.StageDuration d : total.stageDurations()) {
            out.printf(Locale.ROOT, "stage duration %s: median %.1fd, mean %.1fd over %d stays%n", d.stage(), d.medianDays(),
                    d.meanDays(), d.stays());
        }
        if (!total.funnel().isEmpty()) {
            out.println();
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-20s", "funnel: entered"));
            r.periods().forEach(p -> head.append(String.format(Locale.ROOT, " %9s", p)));
            out.println(head);
            for (io.salesops.forecast.kpi.StageEntries e : total.funnel()) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", e.stage()));
                e.entered().forEach(n -> line.append(String.format(Locale.ROOT, " %9d", n)));
                out.println(line);
            }
        }
        out.println();
        String fmt = "%-10s %8s %6s %6s %6s %8s %8s%n";
        out.printf(Locale.ROOT, fmt, "cohort", "created", "won", "lost", "open", "win#", "win$");
        for (io.salesops.forecast.kpi.CohortWinRate c : total.cohorts()) {
            out.printf(Locale.ROOT, fmt, c.cohort(), c.created(), c.won(), c.lost(), c.open(),
                    pct(opt(c.winRateByCount())), pct(opt(c.winRateByValue())));
        }
        out.println();
        out.println("bookings consistency (coefficient of variation per active period; lower is more consistent):");
        for (io.salesops.forecast.kpi.KpiDetail d : r.details()) {
            io.salesops.forecast.kpi.BookingsConsistency c = d.consistency();
            out.printf(Locale.ROOT, "%-14s %s over %d periods%n", d.group(), c.coefficientOfVariation().isPresent()
                    ? String.format(Locale.ROOT, "%.3f", c.coefficientOfVariation().getAsDouble()) : "- (" + c.note() + ")",
                    c.activePeriods());
        }
    }

    private static Object opt(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    private int hygiene(OpportunityTable opps, StageModel model) throws Exception {
        io.salesops.forecast.kpi.PipelineHygiene h = io.salesops.forecast.kpi.PipelineHygiene.of(opps).staleAfter(staleAfter);
        if (files.hasStages()) {
            h = h.stages(model);
        }
        if (asOf != null) {
            h = h.asOf(asOf);
        }
        List<io.salesops.forecast.kpi.HygieneFlag> flags = h.run();
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (io.salesops.forecast.kpi.HygieneFlag f : flags) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("deal", f.dealId());
            m.put("owner", f.owner());
            m.put("rule", f.rule().name().toLowerCase(Locale.ROOT));
            m.put("detail", f.detail());
            rows.add(m);
        }
        switch (format) {
            case JSON -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            case CSV -> {
                out.println("deal,owner,rule,detail");
                for (Map<String, Object> m : rows) {
                    out.println(String.join(",", m.values().stream().map(CommandSupport::csv).toList()));
                }
            }
            default -> {
                // Columns as wide as their longest cell (at least the widths short sample ids and user names fit):
                // CRM ids run to 18 characters and owners are often full names.
                int dealWidth = 14;
                int ownerWidth = 12;
                for (Map<String, Object> m : rows) {
                    dealWidth = Math.max(dealWidth, String.valueOf(m.get("deal")).length());
                    ownerWidth = Math.max(ownerWidth, String.valueOf(m.get("owner")).length());
                }
                String line = "%-" + dealWidth + "s %-" + ownerWidth + "s %-17s %s%n";
                for (Map<String, Object> m : rows) {
                    out.printf(Locale.ROOT, line, m.get("deal"), m.get("owner"), m.get("rule"), m.get("detail"));
                }
                out.println(rows.size() + " flags");
            }
        }
        out.flush();
        return CommandSupport.OK;
    }

    private static String pct(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * (Double) v);
    }

    private static String days(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0fd", (Double) v);
    }

    private static Object dash(Object v) {
        return v == null ? "-" : v;
    }
}
