package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.QuotaCsvReader;
import io.salesops.planning.quota.Bookings;
import io.salesops.planning.quota.MethodMix;
import io.salesops.planning.quota.PlanningCsv;
import io.salesops.planning.quota.QuotaLine;
import io.salesops.planning.quota.QuotaPlan;
import io.salesops.planning.quota.QuotaPlanner;
import io.salesops.planning.quota.Seasonality;
import io.salesops.planning.quota.TeamQuota;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops quota} group: allocate a company target to the org's reps ({@code plan}) and size the
 * team that can reach it ({@code capacity}). Not thread-safe (a picocli command object).
 */
@Command(name = "quota", description = "Quotas: allocate the company target to reps, and size the team that reaches it.",
        subcommands = {QuotaCommand.Plan.class, CapacityCommand.class})
public final class QuotaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Always fails with a usage error, since the group does nothing by itself. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), GroupCommands.missingSubcommand(spec));
    }

    /** {@code salesops quota plan ...}. */
    @Command(name = "plan", description = "Allocate a company target to the org's leaf reps, by quarter (or month), with explanations.")
    static final class Plan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        PlanYearOptions planYear;

        @Option(names = "--reps", required = true, paramLabel = "CSV", description = "Org: rep,name,manager,team,territory,start_date,end_date. Leaves get quotas.")
        Path reps;

        @Option(names = "--history", paramLabel = "CSV", description = "Bookings history: rep,period,amount[,currency] (periods as 2026-03 or 2026-Q1).")
        Path history;

        @Option(names = "--territories", paramLabel = "CSV", description = "Potential: territory,potential[,currency] or rep,potential[,currency].")
        Path territories;

        @Option(names = "--forecast", paramLabel = "CSV", description = "Forecast for the plan year: rep,amount[,currency].")
        Path forecast;

        @Option(names = "--method", required = true, paramLabel = "METHOD",
                description = "historical, potential, forecast, equal, or blend:w1,w2[,w3,w4] (weights of those four in that order).")
        String method;

        @Option(names = "--team-method", paramLabel = "METHOD",
                description = "Method that weighs managers' teams against each other (default: --method); the method then splits each team.")
        String teamMethod;

        @Option(names = "--over-assign", defaultValue = "0%", paramLabel = "PCT",
                description = "Over-assignment between the target and the sum of quotas (default: ${DEFAULT-VALUE}); a list 10%%,5%% adds one per org level.")
        String overAssign;

        @Option(names = "--ramp", paramLabel = "CSV", description = "Ramp schedule: month,percent (tenure month 1 = the month of start_date).")
        Path ramp;

        @Option(names = "--seasonality", paramLabel = "W,W,..", description = "4 quarter or 12 month weights (default: learned from --history, else even).")
        String seasonality;

        @Option(names = "--periods", defaultValue = "quarter", paramLabel = "KIND", description = "month, quarter (default), half or year.")
        String periods;

        @Option(names = "--last-year", paramLabel = "CSV", description = "Last year's quotas (rep,period,amount) for --max-increase/--max-decrease.")
        Path lastYear;

        @Option(names = "--max-increase", paramLabel = "PCT", description = "Cap on a rep's year quota vs last year, e.g. 30%%.")
        String maxIncrease;

        @Option(names = "--max-decrease", paramLabel = "PCT", description = "Floor on a rep's year quota vs last year, e.g. 10%%.")
        String maxDecrease;

        @Mixin
        OutputFormatOption format;

        @Override
        public Integer call() {
            if (lastYear == null && (maxIncrease != null || maxDecrease != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--max-increase and --max-decrease need --last-year FILE");
            }
            return CommandSupport.run(spec, this::plan);
        }

        private Integer plan() throws IOException {
            FiscalCalendar calendar = planYear.calendar();
            Money t = planYear.target();
            Period fy = planYear.year();
            Org org = OrgCsvReader.builder().build().readOrg(reps);
            MethodMix mix = UserInputException.fromUser("--method", () -> MethodMix.parse(method));
            List<Percent> over = PlanYearOptions.percents(overAssign, "over-assignment");
            PeriodKind kind = kind(periods);
            QuotaPlanner.Builder b = UserInputException.fromUser("quota plan", () -> QuotaPlanner.builder(t, fy).org(org)
                    .method(mix).overAssign(over).periods(kind));
            if (teamMethod != null) {
                b.teamMethod(UserInputException.fromUser("--team-method", () -> MethodMix.parse(teamMethod)));
            }
            QuotaCsvReader quotaReader = QuotaCsvReader.builder().fiscalCalendar(calendar).defaultCurrency(t.currency().getCurrencyCode()).build();
            if (history != null) {
                List<Bookings> rows = new ArrayList<>();
                for (Quota q : quotaReader.read(history).orThrow()) {
                    rows.add(new Bookings(q.repId(), q.period(), q.amount()));
                }
                b.history(rows);
            }
            if (territories != null) {
                PlanningCsv.Potential pot = PlanningCsv.readPotential(territories, t.currency());
                b.potentialByTerritory(pot.byTerritory()).potentialByRep(pot.byRep());
            }
            if (forecast != null) {
                PlanningCsv.Potential f = PlanningCsv.readPotential(forecast, t.currency());
                if (!f.byTerritory().isEmpty()) {
                    throw new UserInputException(forecast + ": a forecast file has a rep column, not territory");
                }
                b.forecast(f.byRep());
            }
            if (ramp != null) {
                b.ramp(PlanningCsv.readRamp(ramp));
            }
            if (seasonality != null) {
                List<BigDecimal> w = new ArrayList<>();
                for (String s : seasonality.split(",", -1)) {
                    try {
                        w.add(new BigDecimal(s.strip()));
                    } catch (NumberFormatException e) {
                        throw new UserInputException("seasonality weight \"" + s + "\" is not a number");
                    }
                }
                b.seasonality(UserInputException.fromUser("--seasonality", () -> Seasonality.given(w)));
            }
            if (lastYear != null) {
                Quotas last = Quotas.of(quotaReader.read(lastYear).orThrow());
                b.changeLimits(new QuotaPlanner.ChangeLimits(last,
                        maxIncrease == null ? null : PlanYearOptions.percents(maxIncrease, "maximum increase").get(0),
                        maxDecrease == null ? null : PlanYearOptions.percents(maxDecrease, "maximum decrease").get(0)));
            }
            // build() checks the options together (a target too large for the over-assignment, ...).
            QuotaPlan plan = UserInputException.fromUser("quota plan", b::build).plan();
            print(spec.commandLine().getOut(), plan, format.format());
            return ExitCodes.OK;
        }

        private static PeriodKind kind(String s) {
            try {
                return PeriodKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--periods \"" + s + "\" is not one of month, quarter, half, year");
            }
        }
    }

    static void print(PrintWriter out, QuotaPlan plan, OutputFormat format) throws IOException {
        switch (format) {
            case CSV -> {
                TablePrinter t = TablePrinter.withHeaders("rep", "period", "quota", "currency", "method", "explanation");
                for (QuotaLine l : plan.lines()) {
                    t.row(l.repId(), l.period().toString(), l.quota(), l.quota().currency().getCurrencyCode(), l.method(),
                            l.explanation());
                }
                out.print(t.renderCsv());
            }
            case JSON -> out.print(json(plan));
            default -> table(out, plan);
        }
        out.flush();
    }

    private static void table(PrintWriter out, QuotaPlan plan) {
        String cur = plan.target().currency().getCurrencyCode();
        List<String> headers = new ArrayList<>(List.of("Rep"));
        plan.periods().forEach(p -> headers.add(p.toString()));
        headers.add("Year " + cur);
        TablePrinter t = TablePrinter.withHeaders(headers.toArray(new String[0]));
        for (String rep : plan.reps()) {
            List<Object> row = new ArrayList<>(List.of(rep));
            plan.lines(rep).forEach(l -> row.add(l.quota()));
            row.add(plan.yearQuota(rep));
            t.row(row.toArray());
        }
        out.println("Quotas for " + plan.year() + ": target " + plan.target() + ", method " + plan.method()
                + ", total " + plan.total());
        t.print(out);
        if (!plan.teams().isEmpty()) {
            out.println();
            TablePrinter teams = TablePrinter.withHeaders("Manager", "Level", "Reps", "Team quota " + cur, "Assigned " + cur);
            for (TeamQuota q : plan.teams()) {
                teams.row(q.managerId(), q.depth(), q.reps(), q.quota(), q.assigned());
            }
            teams.print(out);
        }
        out.println();
        plan.notes().forEach(n -> out.println("note: " + n));
        out.println("Each line's derivation: --format csv (explanation column).");
    }

    private static String json(QuotaPlan plan) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fiscal_year", plan.year().toString());
        root.put("target", plan.target().amount());
        root.put("currency", plan.target().currency().getCurrencyCode());
        root.put("method", plan.method());
        root.put("over_assign", plan.overAssign().stream().map(p -> p.value()).toList());
        root.put("total", plan.total().amount());
        root.put("notes", plan.notes());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (QuotaLine l : plan.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rep", l.repId());
            m.put("period", l.period().toString());
            m.put("quota", l.quota().amount());
            m.put("explanation", l.explanation());
            lines.add(m);
        }
        root.put("lines", lines);
        List<Map<String, Object>> teams = new ArrayList<>();
        for (TeamQuota q : plan.teams()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("manager", q.managerId());
            m.put("level", q.depth());
            m.put("reps", q.reps());
            m.put("quota", q.quota().amount());
            m.put("assigned", q.assigned().amount());
            teams.add(m);
        }
        root.put("teams", teams);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }
}
