package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Rep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class QuotaPlannerProperties {

    private static QuotaPlanner.Builder planner(OrgFixtures f, long targetCents, QuotaMethod method) {
        return QuotaPlanner.builder(Money.ofMinor(targetCents, "USD"), OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.of(method)).history(f.history).ramp(RampSchedule.of("20", "40", "60", "80"));
    }

    @Property(tries = 60)
    void allocation_isExact_atEveryLevel(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long targetCents,
                                         @ForAll @IntRange(min = 0, max = 30) int overAssign,
                                         @ForAll @IntRange(min = 0, max = 4) int method,
                                         @ForAll long seed) {
        OrgFixtures f = OrgFixtures.generate(seed, 3, 3, 7);
        QuotaMethod m = method == 4 ? QuotaMethod.EQUAL : QuotaMethod.values()[method == 1 || method == 2 ? 3 : method];
        QuotaPlan plan = planner(f, targetCents, m).overAssign(Percent.of(overAssign)).build().plan();
        Money expected = Money.ofMinor(targetCents, "USD").times(BigDecimal.ONE.add(Percent.of(overAssign).fraction()),
                java.math.RoundingMode.HALF_UP);
        assertThat(plan.total()).isEqualTo(expected);
        // every manager's team quota is the sum of the quotas of their direct reports (reps or teams)
        for (TeamQuota t : plan.teams()) {
            long sum = 0;
            for (Rep r : f.org.directReports(t.managerId())) {
                sum += f.org.isLeaf(r.id()) ? plan.yearQuota(r.id()).minorUnits() : plan.team(r.id()).orElseThrow().quota().minorUnits();
            }
            assertThat(sum).isEqualTo(t.quota().minorUnits());
            assertThat(t.assigned()).isEqualTo(t.quota());
        }
        for (String rep : plan.reps()) {
            assertThat(plan.lines(rep)).hasSize(4).allSatisfy(l -> assertThat(l.quota().isNegative()).isFalse());
        }
    }

    @Property(tries = 40)
    void raisingOneRepsHistory_neverLowersTheirQuota_norRaisesAnyOtherRepWithHistory(@ForAll long seed,
                                                                          @ForAll @IntRange(min = 1, max = 400) int raisePercent) {
        OrgFixtures f = OrgFixtures.generate(seed, 2, 3, 6);
        long target = 5_000_000_000L;
        QuotaPlan before = planner(f, target, QuotaMethod.HISTORICAL).build().plan();
        String rep = f.history.get((int) Math.floorMod(seed, f.history.size())).repId();
        List<Bookings> raised = new ArrayList<>();
        for (Bookings b : f.history) {
            raised.add(b.repId().equals(rep) ? new Bookings(rep, b.period(),
                    b.amount().times(BigDecimal.valueOf(100 + raisePercent, 2), java.math.RoundingMode.HALF_UP)) : b);
        }
        QuotaPlan after = QuotaPlanner.builder(Money.ofMinor(target, "USD"), OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.of(QuotaMethod.HISTORICAL)).history(raised).ramp(RampSchedule.of("20", "40", "60", "80"))
                .seasonality(Seasonality.learn(f.history, OrgFixtures.CAL)).build().plan();
        // Largest remainder moves at most one cent per split (company -> VP -> region -> team -> rep).
        int splits = 5;
        assertThat(after.yearQuota(rep).minorUnits()).isGreaterThanOrEqualTo(before.yearQuota(rep).minorUnits() - splits);
        for (String other : before.reps()) {
            // reps without history of their own take their team's median, which the raise may move
            boolean ownHistory = !before.lines(other).get(0).explanation().contains("fallback");
            if (!other.equals(rep) && ownHistory) {
                assertThat(after.yearQuota(other).minorUnits()).isLessThanOrEqualTo(before.yearQuota(other).minorUnits() + splits);
            }
        }
    }

    @Property(tries = 40)
    void withTeamsWeighedByHeadcount_oneRepsHistory_changesNoOtherTeamsTotal(@ForAll long seed,
                                                                             @ForAll @IntRange(min = 0, max = 500) int newPercent) {
        OrgFixtures f = OrgFixtures.generate(seed, 2, 3, 6);
        String rep = f.history.get((int) Math.floorMod(seed, f.history.size())).repId();
        List<Bookings> changed = new ArrayList<>();
        for (Bookings b : f.history) {
            changed.add(b.repId().equals(rep) ? new Bookings(rep, b.period(),
                    b.amount().times(BigDecimal.valueOf(newPercent, 2), java.math.RoundingMode.HALF_UP)) : b);
        }
        Seasonality season = Seasonality.learn(f.history, OrgFixtures.CAL);
        Map<String, Money> before = teamTotals(f, f.history, season);
        Map<String, Money> after = teamTotals(f, changed, season);
        String team = f.org.rep(rep).managerId();
        for (Map.Entry<String, Money> e : before.entrySet()) {
            // the rep's own team keeps its total too: history only moves money among the team's reps
            assertThat(after.get(e.getKey())).as("team %s (changed rep %s in %s)", e.getKey(), rep, team).isEqualTo(e.getValue());
        }
    }

    private static Map<String, Money> teamTotals(OrgFixtures f, List<Bookings> history, Seasonality season) {
        QuotaPlan plan = QuotaPlanner.builder(Money.of("80000000.00", "USD"), OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.of(QuotaMethod.HISTORICAL)).teamMethod(MethodMix.of(QuotaMethod.EQUAL))
                .history(history).seasonality(season).build().plan();
        Map<String, Money> out = new HashMap<>();
        plan.teams().forEach(t -> out.put(t.managerId(), t.quota()));
        return out;
    }

    @Property(tries = 20)
    void sameInputs_giveIdenticalLines(@ForAll long seed) {
        OrgFixtures f = OrgFixtures.generate(seed, 2, 2, 5);
        MethodMix blend = MethodMix.parse("blend:1,0,0,1");
        QuotaPlan a = planner(f, 123_456_789_01L, QuotaMethod.HISTORICAL).method(blend).overAssign(Percent.of(15)).build().plan();
        QuotaPlan b = planner(f, 123_456_789_01L, QuotaMethod.HISTORICAL).method(blend).overAssign(Percent.of(15)).build().plan();
        assertThat(a.lines()).isEqualTo(b.lines());
    }
}
