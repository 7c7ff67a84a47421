package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesops.comp.file.PlanFileException;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.QuotaCsvReader;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageModel;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.PipelineMethod;
import io.salesops.io.OpportunityCsvReader;
import io.salesops.planning.quota.AttainmentModel;
import io.salesops.planning.quota.CostReport;
import io.salesops.planning.quota.ForecastAttainment;
import io.salesops.planning.quota.HistoricalAttainment;
import io.salesops.planning.quota.PlanCost;
import io.salesops.planning.quota.PlanningCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops comp cost}: what a plan will cost over simulated years of attainment (from the history of
 * attainment or from the pipeline forecast's simulations), paid by the real engine, optionally side by side with a
 * second plan on the same simulated years. Not thread-safe (a picocli
 * command object).
 */
@Command(name = "cost", description = "Simulate years of attainment per rep, pay them with the plan, and report the cost distribution.")
final class CompCostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "PLAN", description = "Plan file (.yaml, .yml or .json).")
    Path plan;

    @Option(names = "--compare", paramLabel = "PLAN", description = "A second plan, paid on the same simulated years.")
    Path compare;

    @Option(names = "--quotas", required = true, paramLabel = "CSV", description = "Quotas: rep,period,amount[,currency], or the csv of quota plan (rep,period,quota,currency,...).")
    Path quotas;

    @Option(names = "--org", paramLabel = "CSV", description = "Org: start and end dates of the reps with a quota (the payees). Default: the reps of the quotas.")
    Path org;

    @Option(names = "--attainment-history", paramLabel = "CSV",
            description = "Simulate from past attainment: rep,period,attainment (percent) or rep,period,bookings,quota.")
    Path history;

    @Option(names = "--opportunities", paramLabel = "CSV",
            description = "Simulate from the pipeline forecast of this opportunity export (with --as-of): each rep's"
                    + " bookings per period from the forecast's simulations.")
    Path opportunities;

    @Option(names = "--as-of", paramLabel = "DATE", description = "With --opportunities: forecast as of the end of this day (yyyy-mm-dd).")
    LocalDate asOf;

    @Option(names = "--stages", paramLabel = "CSV",
            description = "With --opportunities: stage model stage,probability,forecast_category,outcome (default: built in, or inferred).")
    Path stages;

    @Option(names = "--simulations", defaultValue = "1000", paramLabel = "N", description = "Simulated years (default: ${DEFAULT-VALUE}).")
    int simulations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--grid-step", defaultValue = "1", paramLabel = "PCT",
            description = "Attainment is drawn on a grid of this many percent of quota (default: ${DEFAULT-VALUE}).")
    int gridStep;

    @Option(names = "--credit-type", defaultValue = "new", paramLabel = "TYPE", description = "Type of the simulated credits (default: ${DEFAULT-VALUE}).")
    String creditType;

    @Mixin
    FiscalYearStartOption yearStart;

    @Option(names = "--write-credits", paramLabel = "CSV", description = "Write the credits of one simulated year (--simulation) for comp calculate.")
    Path writeCredits;

    @Option(names = "--simulation", defaultValue = "0", paramLabel = "K", description = "The simulated year --write-credits writes (default: ${DEFAULT-VALUE}).")
    int simulation;

    @Mixin
    OutputFormatOption format;

    @Override
    public Integer call() {
        if ((history == null) == (opportunities == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give exactly one of --attainment-history FILE and --opportunities FILE --as-of DATE");
        }
        if (history != null && (asOf != null || stages != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--as-of and --stages go with --opportunities, not --attainment-history");
        }
        if (opportunities != null && asOf == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--opportunities needs --as-of DATE: the day whose end the forecast stands at");
        }
        PrintWriter err = spec.commandLine().getErr();
        return CommandSupport.run(spec, () -> {
            try {
                return cost();
            } catch (PlanFileException | PlanValidationException e) {
                return CompCommand.problems(e, err);
            }
        });
    }

    private int cost() throws IOException {
        if (format.format() == OutputFormat.CSV) {
            throw new UserInputException("comp cost prints table or json, not csv");
        }
        FiscalCalendar calendar = yearStart.calendar();
        List<CompPlan> a = List.of(PlanFiles.read(plan));
        List<CompPlan> b = compare == null ? null : List.of(PlanFiles.read(compare));
        QuotaCsvReader.Builder qb = QuotaCsvReader.builder().fiscalCalendar(calendar)
                .defaultCurrency(a.get(0).currency().getCurrencyCode());
        if (isQuotaPlanOutput(quotas)) {
            qb.columns("amount=quota");
        }
        Quotas q = Quotas.of(qb.build().read(quotas).orThrow());
        Org o;
        Org full = org == null ? null : OrgCsvReader.builder().build().readOrg(org);
        if (full != null) {
            for (String rep : q.reps()) {
                if (!full.contains(rep)) {
                    throw new UserInputException(quotas + ": rep " + rep + " has a quota but is not in the org " + org);
                }
            }
            // The plan's payees are the reps with a quota (quota plan gives managers none); a manager link is
            // kept where the manager has a quota too.
            List<Rep> kept = new ArrayList<>();
            for (Rep r : full.reps()) {
                if (q.reps().contains(r.id())) {
                    kept.add(r.managerId() != null && q.reps().contains(r.managerId()) ? r : r.withManager(null));
                }
            }
            o = Org.of(kept);
        } else {
            List<Rep> reps = new ArrayList<>();
            q.reps().stream().sorted().forEach(id -> reps.add(Rep.of(id, null)));
            o = Org.of(reps);
        }
        CompContext context = CompContext.of(o, q);
        int perYear = 12 / q.all().get(0).period().kind().months();
        checkOnePeriodsPerYear(q, perYear);
        AttainmentModel model = attainment(full, o, perYear, calendar);
        PlanCost cost = UserInputException.fromUser("comp cost", () -> PlanCost.builder(context, model)
                .simulations(simulations, seed).creditType(creditType).build());
        CostReport ra = cost.run(a);
        CostReport rb = b == null ? null : cost.run(b);
        PrintWriter out = spec.commandLine().getOut();
        if (format.format() == OutputFormat.JSON) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("simulations", simulations);
            root.put("seed", seed);
            root.put("reps", cost.reps().size());
            root.put("periods", cost.periods().stream().map(Object::toString).toList());
            List<Object> plans = new ArrayList<>(List.of(json(ra)));
            if (rb != null) {
                plans.add(json(rb));
            }
            root.put("plans", plans);
            out.print(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n");
        } else {
            table(out, cost, ra, rb);
        }
        if (writeCredits != null) {
            List<Credit> credits = cost.credits(simulation);
            StringBuilder sb = new StringBuilder("id,payee,date,amount,currency,type,deal_id,status\n");
            for (Credit c : credits) {
                sb.append(c.id()).append(',').append(c.payeeId()).append(',').append(c.date()).append(',')
                        .append(c.amount().amount().toPlainString()).append(',').append(c.amount().currency().getCurrencyCode())
                        .append(',').append(c.type()).append(',').append(c.dealId()).append(",booked\n");
            }
            Files.writeString(writeCredits, sb.toString(), StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("salesops: wrote the " + credits.size() + " credits of simulated year "
                    + simulation + " to " + writeCredits + "; " + ra.planName() + " pays them " + ra.total(simulation)
                    + (rb == null ? "" : ", " + rb.planName() + " " + rb.total(simulation)));
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }

    /** The quotas cover one fiscal year: as many periods as a year has, of one kind (plan cost simulates years). */
    private void checkOnePeriodsPerYear(Quotas q, int perYear) {
        java.util.SortedSet<io.salesops.core.period.Period> periods = new java.util.TreeSet<>();
        q.all().forEach(x -> periods.add(x.period()));
        if (periods.size() != perYear) {
            throw new UserInputException(quotas + ": the quotas cover " + periods.size() + " periods ("
                    + periods.first() + ".." + periods.last() + "); plan cost simulates one fiscal year of " + perYear);
        }
    }

    /** Attainment from history or from the pipeline forecast, whichever the options name (exactly one). */
    private AttainmentModel attainment(Org full, Org payees, int perYear, FiscalCalendar calendar) throws IOException {
        if (history != null) {
            List<HistoricalAttainment.Observation> rows = PlanningCsv.readAttainment(history, calendar);
            // Both the history's rows and --grid-step are checked here; each message names its own value.
            return UserInputException.fromUser("comp cost", () -> HistoricalAttainment.of(rows, perYear, gridStep));
        }
        StageModel model = stages == null ? StageModel.defaultModel() : OpportunityFiles.readStages(stages);
        List<Opportunity> deals = OpportunityCsvReader.builder().stageModel(model).build().read(opportunities).orThrow();
        // The forecast rolls up by owner: the whole org when given (managers' own deals count as theirs), else the
        // payees and every other owner of a deal, each on their own.
        Org forecastOrg = full != null ? full : payeesAndOwners(payees, deals);
        PipelineForecast f = PipelineForecast.of(deals).method(PipelineMethod.STAGE_WEIGHTED).asOf(asOf).byOwner(forecastOrg)
                .learnedProbabilities();
        if (stages != null) {
            f = f.stages(model);
        }
        PipelineForecast forecast = f;
        return UserInputException.fromUser("--grid-step", () -> ForecastAttainment.of(forecast, gridStep));
    }

    private static Org payeesAndOwners(Org payees, List<Opportunity> deals) {
        Map<String, Rep> reps = new LinkedHashMap<>();
        payees.reps().forEach(r -> reps.put(r.id(), r.withManager(null)));
        deals.forEach(d -> reps.putIfAbsent(d.ownerId(), Rep.of(d.ownerId(), null)));
        return Org.of(List.copyOf(reps.values()));
    }

    /** True if the file is {@code quota plan --format csv} output: a {@code quota} column and no {@code amount}. */
    private static boolean isQuotaPlanOutput(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> header = lines.findFirst().map(h -> List.of(h.strip().toLowerCase(java.util.Locale.ROOT).split(",")))
                    .orElse(List.of());
            return header.contains("quota") && !header.contains("amount");
        } catch (java.io.UncheckedIOException e) {
            return false; // not UTF-8: the CSV reader reports it
        }
    }

    private static void table(PrintWriter out, PlanCost cost, CostReport a, CostReport b) {
        String cur = a.payoutP50().currency().getCurrencyCode();
        out.println("Plan cost over " + a.simulations() + " simulated years (seed " + a.seed() + "), " + cost.reps().size()
                + " reps, " + cost.periods().get(0) + ".." + cost.periods().get(cost.periods().size() - 1));
        TablePrinter t = b == null ? TablePrinter.withHeaders("", a.planName())
                : TablePrinter.withHeaders("", a.planName(), b.planName());
        row(t, "Total payout P10 " + cur, a.payoutP10(), b == null ? null : b.payoutP10());
        row(t, "Total payout P50 " + cur, a.payoutP50(), b == null ? null : b.payoutP50());
        row(t, "Total payout P90 " + cur, a.payoutP90(), b == null ? null : b.payoutP90());
        row(t, "Mean payout " + cur, a.payoutMean(), b == null ? null : b.payoutMean());
        row(t, "Bookings P50 " + cur, a.bookingsP50(), b == null ? null : b.bookingsP50());
        row(t, "Cost of sales P10", a.costOfSalesP10() + "%", b == null ? null : b.costOfSalesP10() + "%");
        row(t, "Cost of sales P50", a.costOfSalesP50() + "%", b == null ? null : b.costOfSalesP50() + "%");
        row(t, "Cost of sales P90", a.costOfSalesP90() + "%", b == null ? null : b.costOfSalesP90() + "%");
        row(t, "Reps at/above quota P10", a.atQuotaP10() + "%", b == null ? null : b.atQuotaP10() + "%");
        row(t, "Reps at/above quota mean", a.atQuotaMean() + "%", b == null ? null : b.atQuotaMean() + "%");
        row(t, "Reps at/above quota P90", a.atQuotaP90() + "%", b == null ? null : b.atQuotaP90() + "%");
        t.print(out);
        for (CostReport r : b == null ? List.of(a) : List.of(a, b)) {
            out.println();
            out.println(r.planName() + ": steepest steps of the median-quota rep's payout curve (same attainment every period):");
            r.steepest().forEach(s -> out.println("  " + s.fromPercent() + "% -> " + s.toPercent() + "% of quota: pay "
                    + s.payFrom() + " -> " + s.payTo() + " (+" + s.rise().formatAmount() + ")"));
            r.notes().forEach(n -> out.println("  note: " + n));
        }
    }

    private static void row(TablePrinter t, String label, Object a, Object b) {
        if (b == null) {
            t.row(label, a);
        } else {
            t.row(label, a, b);
        }
    }

    private static Map<String, Object> json(CostReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", r.planName());
        m.put("currency", r.payoutP50().currency().getCurrencyCode());
        m.put("payout_p10", r.payoutP10().amount());
        m.put("payout_p50", r.payoutP50().amount());
        m.put("payout_p90", r.payoutP90().amount());
        m.put("payout_mean", r.payoutMean().amount());
        m.put("bookings_p50", r.bookingsP50().amount());
        m.put("cost_of_sales_pct_p10", r.costOfSalesP10());
        m.put("cost_of_sales_pct_p50", r.costOfSalesP50());
        m.put("cost_of_sales_pct_p90", r.costOfSalesP90());
        m.put("at_quota_pct_p10", r.atQuotaP10());
        m.put("at_quota_pct_mean", r.atQuotaMean());
        m.put("at_quota_pct_p90", r.atQuotaP90());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (CostReport.CurveStep s : r.steepest()) {
            steps.add(Map.of("from_pct", s.fromPercent(), "to_pct", s.toPercent(), "pay_from", s.payFrom().amount(),
                    "pay_to", s.payTo().amount()));
        }
        m.put("steepest", steps);
        m.put("notes", r.notes());
        return m;
    }
}
