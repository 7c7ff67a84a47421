package io.salesops.cli;

import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.file.PlanFormat;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.examples.sample.SampleCompany;
import io.salesops.planning.quota.Bookings;
import io.salesops.planning.quota.CostReport;
import io.salesops.planning.quota.HistoricalAttainment;
import io.salesops.planning.quota.MethodMix;
import io.salesops.planning.quota.PlanCost;
import io.salesops.planning.quota.QuotaLine;
import io.salesops.planning.quota.QuotaMethod;
import io.salesops.planning.quota.QuotaPlan;
import io.salesops.planning.quota.QuotaPlanner;
import io.salesops.planning.quota.RampSchedule;
import io.salesops.planning.quota.TeamQuota;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code salesops demo} section "Quotas for next year": the sample company's next fiscal year target (the
 * last four closed quarters' bookings plus 20%) allocated to its AEs by historical share with a ramp and 10%
 * over-assignment, then what the bundled AE plan would cost on those quotas over simulated years of
 * attainment drawn from the company's own history. Stateless and thread-safe.
 */
final class QuotaDemoSection implements DemoSection {

    @Override
    public String title() {
        return "Quotas for next year";
    }

    @Override
    public void print(DemoContext ctx, PrintWriter out) {
        SampleCompany c = ctx.company();
        Period year = ctx.calendar().periodOf(ctx.asOf(), PeriodKind.YEAR).next();
        List<Rep> sellers = new ArrayList<>();
        for (Rep r : c.org().reps()) {
            if (c.role(r.id()) != SampleCompany.Role.SDR) {
                sellers.add(r);
            }
        }
        Org org = Org.of(sellers);
        Map<String, Map<Period, Long>> won = new HashMap<>();
        List<Bookings> history = new ArrayList<>();
        Money last4 = Money.zero(SampleCompany.CURRENCY);
        List<Period> lastFour = ctx.closedQuarters(4);
        for (Opportunity o : c.opportunities()) {
            if (o.status() == OpportunityStatus.WON && o.closeDate().isBefore(ctx.asOf())) {
                Period month = ctx.calendar().periodOf(o.closeDate(), PeriodKind.MONTH);
                won.computeIfAbsent(o.ownerId(), k -> new HashMap<>()).merge(month, o.amount().minorUnits(), Long::sum);
                if (lastFour.stream().anyMatch(q -> q.contains(o.closeDate()))) {
                    last4 = last4.plus(o.amount());
                }
            }
        }
        won.forEach((rep, byMonth) -> byMonth.forEach((m, v) -> history.add(new Bookings(rep, m, Money.ofMinor(v, SampleCompany.CURRENCY)))));
        history.sort(java.util.Comparator.comparing(Bookings::repId).thenComparing(Bookings::period));
        Money target = last4.times(new BigDecimal("1.2"), RoundingMode.HALF_UP).times(new BigDecimal("0.000001"), RoundingMode.HALF_UP)
                .times(1_000_000);
        QuotaPlan plan = QuotaPlanner.builder(target, year).org(org).method(MethodMix.of(QuotaMethod.HISTORICAL))
                .history(history).overAssign(Percent.of(10)).ramp(RampSchedule.of("25", "50", "75")).build().plan();
        out.printf(Locale.ROOT, "Target for %s: %s (bookings of %s..%s plus 20%%, to the million).%n", year, target,
                lastFour.get(0), lastFour.get(3));
        out.printf(Locale.ROOT, "Over-assigned 10%%, the AEs' quotas by historical share sum to %s.%n", plan.total());
        out.println("  " + plan.notes().get(1) + ".");
        out.println();
        TablePrinter t = TablePrinter.withHeaders("Manager", "AEs", "Team quota (USD)");
        for (TeamQuota q : plan.teams()) {
            t.row(c.org().find(q.managerId()).map(Rep::name).orElse(q.managerId()), q.reps(), q.quota());
        }
        t.indent("  ").print(out);
        out.println();
        plan.lines().stream().filter(l -> l.explanation().contains("ramp ") || l.explanation().contains("fallback")).findFirst()
                .or(() -> plan.lines().stream().findFirst())
                .ifPresent(l -> wrap(out, "One line, " + l.repId() + " " + l.period() + " " + l.quota() + ": " + l.explanation()));
        out.println();

        List<Quota> quotas = new ArrayList<>();
        List<Rep> aes = new ArrayList<>();
        for (String rep : plan.reps()) {
            aes.add(org.rep(rep).withManager(null));
            for (QuotaLine l : plan.lines(rep)) {
                quotas.add(new Quota(rep, l.period(), l.quota()));
            }
        }
        List<HistoricalAttainment.Observation> attainment = new ArrayList<>();
        for (Quota q : c.quotas().all()) {
            if (q.amount().isPositive() && q.period().end().isBefore(ctx.asOf())) {
                long booked = 0;
                for (Map.Entry<Period, Long> e : won.getOrDefault(q.repId(), Map.of()).entrySet()) {
                    booked += q.period().contains(e.getKey()) ? e.getValue() : 0;
                }
                attainment.add(new HistoricalAttainment.Observation(q.repId(), q.period(),
                        BigDecimal.valueOf(booked * 100).divide(BigDecimal.valueOf(q.amount().minorUnits()), 2, RoundingMode.HALF_UP)));
            }
        }
        CompPlan ae = PlanFiles.read(PlanFiles.example("ae-marginal.yaml"), "ae-marginal.yaml", PlanFormat.YAML);
        CostReport cost = PlanCost.builder(CompContext.of(Org.of(aes), Quotas.of(quotas)),
                HistoricalAttainment.of(attainment, 4, 1)).simulations(500, 1).threads(1).build().run(List.of(ae));
        out.printf(Locale.ROOT, "What %s would cost on these quotas (500 years drawn from past attainment):%n",
                ae.name());
        out.printf(Locale.ROOT, "  payout P10 %s, P50 %s, P90 %s;%n", cost.payoutP10(), cost.payoutP50(), cost.payoutP90());
        out.printf(Locale.ROOT, "  cost of sales P50 %s%%; AEs at or above quota %s%% on average.%n", cost.costOfSalesP50(),
                cost.atQuotaMean());
        out.println("  Try: salesops quota plan ... and salesops comp cost ... (docs/quota.md).");
    }

    /** Prints {@code text} indented by two spaces, broken at spaces to fit the demo's width. */
    private static void wrap(PrintWriter out, String text) {
        StringBuilder line = new StringBuilder("  ");
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > DemoContext.WIDTH && line.length() > 2) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder("    ");
            }
            line.append(word).append(' ');
        }
        out.println(line.toString().stripTrailing());
    }
}
