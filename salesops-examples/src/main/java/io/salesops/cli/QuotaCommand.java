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
import java.time.Month;
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

    /** Parses {@code 10000000}, {@code 10,000,000.00} or {@code "USD 10000000"}; a bare number is in {@code currency}. */
    static Money amount(String text, String currency, String what) {
        String s = text.strip();
        try {
            if (s.chars().anyMatch(Character::isLetter)) {
                return UserInputException.fromUser(what, () -> Money.parse(s));
            }
            BigDecimal d = new BigDecimal(s.replace(",", ""));
            if (d.precision() - d.scale() > 15) {
                throw new UserInputException(what + " \"" + text + "\" has more than 15 integer digits");
            }
            return Money.of(d, UserInputException.fromUser("--currency", () -> Money.currency(currency)));
        } catch (NumberFormatException e) {
            throw new UserInputException(what + " \"" + text + "\" is not an amount such as 10000000 or \"USD 10000000\"");
        } catch (ArithmeticException e) {
            throw new UserInputException(what + " \"" + text + "\": " + e.getMessage());
        }
    }

    /** Parses {@code FY2027} or {@code 2027} in the calendar. */
    static Period fiscalYear(FiscalCalendar calendar, String text) {
        Period p;
        try {
            p = calendar.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("fiscal year \"" + text + "\" is not a year such as FY2027");
        }
        if (p.kind() != PeriodKind.YEAR) {
            throw new UserInputException("fiscal year \"" + text + "\" is a " + p.kind().name().toLowerCase(Locale.ROOT)
                    + "; give a year such as FY2027");
        }
        return p;
    }

    /** Parses a month name ({@code february}, {@code feb}) or number ({@code 2}). */
    static FiscalCalendar calendar(String startMonth) {
        String s = startMonth.strip().toUpperCase(Locale.ROOT);
        try {
            return FiscalCalendar.startingIn(Month.of(Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            for (Month m : Month.values()) {
                if (m.name().equals(s) || (s.length() >= 3 && m.name().startsWith(s))) {
                    return FiscalCalendar.startingIn(m);
                }
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the message below
        }
        throw new UserInputException("fiscal year start \"" + startMonth + "\" is not a month such as february or 2");
    }

    /** Parses {@code 10%}, {@code 10} or a list per level {@code 10%,5%}. */
    static List<Percent> percents(String text, String what) {
        List<Percent> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                Percent p = Percent.of(part);
                if (p.value().signum() < 0) {
                    throw new UserInputException(what + " " + p + " is negative");
                }
                out.add(p);
            } catch (UserInputException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new UserInputException(what + " \"" + text + "\" is not a percentage such as 10% (or one per level: 10%,5%)");
            }
        }
        return out;
    }

    /** {@code salesops quota plan ...}. */
    @Command(name = "plan", description = "Allocate a company target to the org's leaf reps, by quarter (or month), with explanations.")
    static final class Plan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--target", required = true, paramLabel = "AMOUNT", description = "Company target for the year, e.g. 10000000 or \"USD 10000000\".")
        String target;

        @Option(names = "--currency", defaultValue = "USD", paramLabel = "CODE", description = "Currency of a bare --target (default: ${DEFAULT-VALUE}).")
        String currency;

        @Option(names = "--fiscal-year", required = true, paramLabel = "FY", description = "The plan year, e.g. FY2027.")
        String year;

        @Option(names = "--fiscal-year-start", defaultValue = "january", paramLabel = "MONTH",
                description = "First month of the fiscal year (default: ${DEFAULT-VALUE}); FY2027 ends in 2027.")
        String yearStart;

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
            FiscalCalendar calendar = calendar(yearStart);
            Money t = amount(target, currency, "target");
            Period fy = fiscalYear(calendar, year);
            Org org = OrgCsvReader.builder().build().readOrg(reps);
            MethodMix mix = UserInputException.fromUser("--method", () -> MethodMix.parse(method));
            List<Percent> over = percents(overAssign, "over-assignment");
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
                        maxIncrease == null ? null : percents(maxIncrease, "maximum increase").get(0),
                        maxDecrease == null ? null : percents(maxDecrease, "maximum decrease").get(0)));
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
