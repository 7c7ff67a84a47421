package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * What a held-out org and target must give through {@code quota plan}: the lines sum to the target times one plus
 * an over-assignment with decimals (12.5%) to the cent, by quarter or month; every leaf rep has a line per period;
 * ramped, joining and leaving reps get what the ramp and their days in role say, recomputed here from the org
 * alone; and raising one rep's weight never lowers their quota nor raises anyone else's.
 */
class QuotaShapeProperties {

    @Property(tries = 60)
    void linesSumToTargetTimesOnePlusOverAssign_toTheCent_withDecimalPercents_byQuarterOrMonth(
            @ForAll @LongRange(min = 1, max = 100_000_000_000_00L) long targetCents,
            @ForAll @IntRange(min = 0, max = 500_000) int overAssignTenThousandths, @ForAll boolean months,
            @ForAll long seed) {
        OrgFixtures f = OrgFixtures.generate(seed, 3, 3, 7);
        Percent over = Percent.of(BigDecimal.valueOf(overAssignTenThousandths, 4)); // 0.0000% .. 50.0000%, e.g. 12.5%
        QuotaPlan plan = QuotaPlanner.builder(Money.ofMinor(targetCents, "USD"), OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.parse("blend:1,0,0,1")).history(f.history).ramp(RampSchedule.of("25", "50", "75"))
                .overAssign(over).periods(months ? PeriodKind.MONTH : PeriodKind.QUARTER).build().plan();
        BigDecimal expected = BigDecimal.valueOf(targetCents, 2).multiply(BigDecimal.ONE.add(over.fraction()))
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal sum = plan.lines().stream().map(l -> l.quota().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(expected);
        for (Rep r : f.org.reps()) {
            assertThat(plan.lines(r.id())).as(r.id()).hasSize(f.org.isLeaf(r.id()) ? (months ? 12 : 4) : 0);
        }
    }

    @Property(tries = 40)
    void eachRepsQuota_isTheirShareOfRampedDaysInRole_recomputedFromTheOrgAlone(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 100) int firstMonth, @ForAll @IntRange(min = 1, max = 100) int secondMonth) {
        OrgFixtures f = OrgFixtures.generate(seed, 2, 3, 6);
        long target = 7_654_321_00L;
        // equal shares and even months: a rep-month weighs ramp(tenure month) x fraction of the month in role
        QuotaPlan plan = QuotaPlanner.builder(Money.ofMinor(target, "USD"), OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.of(QuotaMethod.EQUAL)).ramp(RampSchedule.of("" + firstMonth, "" + secondMonth))
                .build().plan();
        List<Period> monthsOfYear = OrgFixtures.FY2027.split(PeriodKind.MONTH);
        Map<String, double[]> weight = new HashMap<>();
        double all = 0;
        for (String rep : plan.reps()) {
            Rep r = f.org.rep(rep);
            double[] w = new double[12];
            for (int m = 0; m < 12; m++) {
                Period month = monthsOfYear.get(m);
                LocalDate from = r.startDate() != null && r.startDate().isAfter(month.start()) ? r.startDate() : month.start();
                LocalDate to = r.endDate() != null && r.endDate().isBefore(month.end()) ? r.endDate() : month.end();
                double days = Math.max(0, ChronoUnit.DAYS.between(from, to) + 1);
                double ramp = 1;
                if (r.startDate() != null) {
                    long tenure = ChronoUnit.MONTHS.between(r.startDate().withDayOfMonth(1), month.start()) + 1;
                    ramp = tenure < 1 ? 0 : tenure == 1 ? firstMonth / 100.0 : tenure == 2 ? secondMonth / 100.0 : 1;
                }
                w[m] = ramp * days / month.start().lengthOfMonth();
                all += w[m];
            }
            weight.put(rep, w);
        }
        for (QuotaLine l : plan.lines()) {
            int q = (l.period().index() - 1) * 3;
            double[] w = weight.get(l.repId());
            double expected = target * (w[q] + w[q + 1] + w[q + 2]) / all;
            // a cent per split (company, VP, region, team, rep's year into quarters), plus float noise
            assertThat(Math.abs(l.quota().minorUnits() - expected)).as("%s %s", l.repId(), l.period()).isLessThanOrEqualTo(5.01);
        }
    }

    @Property(tries = 40)
    void raisingOneRepsForecast_neverLowersTheirQuota_norRaisesAnyOthers(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 1000) int raisePercent) {
        OrgFixtures f = OrgFixtures.generate(seed, 2, 3, 6);
        Map<String, Money> forecast = new HashMap<>();
        java.util.Random rnd = new java.util.Random(seed);
        for (Rep r : f.org.reps()) {
            if (f.org.isLeaf(r.id())) {
                forecast.put(r.id(), Money.ofMinor(1_000_000 + rnd.nextInt(90_000_000), "USD"));
            }
        }
        List<String> leaves = List.copyOf(forecast.keySet()).stream().sorted().toList();
        String rep = leaves.get(Math.floorMod(seed, leaves.size()));
        Map<String, Money> raised = new HashMap<>(forecast);
        raised.put(rep, forecast.get(rep).times(BigDecimal.valueOf(100 + raisePercent, 2), RoundingMode.HALF_UP));
        QuotaPlan before = forecastPlan(f, forecast);
        QuotaPlan after = forecastPlan(f, raised);
        int splits = 5; // largest remainder moves a cent per split at most
        assertThat(after.yearQuota(rep).minorUnits()).isGreaterThanOrEqualTo(before.yearQuota(rep).minorUnits() - splits);
        for (String other : leaves) {
            if (!other.equals(rep)) {
                assertThat(after.yearQuota(other).minorUnits()).as(other)
                        .isLessThanOrEqualTo(before.yearQuota(other).minorUnits() + splits);
            }
        }
    }

    private static QuotaPlan forecastPlan(OrgFixtures f, Map<String, Money> forecast) {
        return QuotaPlanner.builder(Money.of("50000000.00", "USD"), OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.of(QuotaMethod.FORECAST)).forecast(forecast).ramp(RampSchedule.of("30", "60"))
                .build().plan();
    }
}
