package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaPlannerTest {

    private static final Money TARGET = Money.of("10000000.00", "USD");

    private static Org smallOrg() {
        return Org.of(List.of(
                new Rep("vp", null, null, null, null, LocalDate.of(2020, 1, 1), null),
                new Rep("a", null, "vp", null, "EAST", LocalDate.of(2021, 1, 1), null),
                new Rep("b", null, "vp", null, "EAST", LocalDate.of(2021, 1, 1), null),
                new Rep("new", null, "vp", null, "WEST", LocalDate.of(2026, 2, 1), null)));
    }

    @Test
    void equal_overAssignedTenPercent_sumsToTargetTimesOnePointOne() {
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(smallOrg())
                .overAssign(Percent.of(10)).build().plan();
        assertThat(plan.total()).isEqualTo(Money.of("11000000.00", "USD"));
        assertThat(plan.lines()).hasSize(12);
        assertThat(plan.team("vp").orElseThrow().quota()).isEqualTo(plan.total());
        assertThat(plan.yearQuota("a")).isEqualTo(Money.of("3666666.67", "USD"));
    }

    @Test
    void ramp_newHireGetsRampTimesAFullyRampedRepsQuota() {
        // "new" starts on the first day of the fiscal year: tenure months 1..3 are Q1.
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(smallOrg())
                .ramp(RampSchedule.of("25", "50", "75")).build().plan();
        Money full = plan.lines("a").get(0).quota();
        Money ramped = plan.lines("new").get(0).quota();
        // Q1 at 25%, 50%, 75% of even months = 50% of a full quarter, to the cent of rounding.
        assertThat(Math.abs(ramped.minorUnits() * 2 - full.minorUnits())).isLessThanOrEqualTo(2);
        assertThat(plan.lines("new").get(1).quota()).isEqualTo(plan.lines("a").get(1).quota());
        assertThat(plan.lines("new").get(0).explanation()).contains("ramp 50.00% from start 2026-02-01");
    }

    @Test
    void leaverMidYear_isProratedToTheDaysInRole() {
        Org org = Org.of(List.of(Rep.of("vp", null),
                new Rep("stays", null, "vp", null, null, LocalDate.of(2020, 1, 1), null),
                new Rep("leaves", null, "vp", null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 7, 31))));
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(org).periods(PeriodKind.MONTH).build().plan();
        // leaves after 6 of 12 fiscal months (Feb..Jul): half a year against a full one (2:1 of USD 10M).
        assertThat(plan.yearQuota("leaves")).isEqualTo(Money.of("3333333.33", "USD"));
        assertThat(plan.yearQuota("stays")).isEqualTo(Money.of("6666666.67", "USD"));
        assertThat(plan.lines("leaves").get(6).quota().isZero()).isTrue();
        assertThat(plan.lines("leaves").get(6).explanation()).contains("in role 0.00%");
    }

    @Test
    void historical_repWithoutHistory_getsTheTeamMedianAndSaysSo() {
        OrgFixtures f = OrgFixtures.generate(7, 2, 2, 6);
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(f.org)
                .method(MethodMix.of(QuotaMethod.HISTORICAL)).history(f.history).build().plan();
        assertThat(plan.total()).isEqualTo(TARGET);
        assertThat(plan.lines()).anySatisfy(l -> assertThat(l.explanation()).contains("fallback: median of the team"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("seasonality learned from bookings in FY2025..FY2026"));
    }

    @Test
    void historical_withNoHistoryAtAll_failsNamingTheMethodAndTheYear() {
        assertThatThrownBy(() -> QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(smallOrg())
                .method(MethodMix.of(QuotaMethod.HISTORICAL)).build().plan())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("method historical has no usable figure for any of the 3 reps")
                .hasMessageContaining("FY2026");
    }

    @Test
    void potential_territorySharedByTwoReps_isSplitEqually() {
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(smallOrg())
                .method(MethodMix.of(QuotaMethod.POTENTIAL))
                .potentialByTerritory(java.util.Map.of("EAST", Money.of("6000000", "USD"), "WEST", Money.of("2000000", "USD")))
                .build().plan();
        assertThat(plan.yearQuota("a")).isEqualTo(plan.yearQuota("b"));
        // new hire in WEST: 2M potential against 3M for each EAST rep, and in role from the first day.
        assertThat(plan.yearQuota("new")).isEqualTo(Money.of("2500000.00", "USD"));
    }

    @Test
    void blend_parsesWeightsInMethodOrder() {
        MethodMix mix = MethodMix.parse("blend:0.6,0,0,0.4");
        assertThat(mix.weights()).containsOnlyKeys(QuotaMethod.HISTORICAL, QuotaMethod.EQUAL);
        assertThat(mix.toString()).isEqualTo("blend(historical 0.6, equal 0.4)");
        assertThatThrownBy(() -> MethodMix.parse("blend:1,x")).hasMessageContaining("\"x\" of potential");
        assertThatThrownBy(() -> MethodMix.parse("topdown")).hasMessageContaining("not one of historical");
    }

    @Test
    void blendAndSeasonality_weightsBeyondTheDecimalBounds_areRefusedNotPrintedInFull() {
        // "blend:1e999999999,1" is 20 characters of --method; its weight printed in the plan's method line would
        // be a billion digits.
        assertThatThrownBy(() -> MethodMix.parse("blend:1e999999999,1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("blend weight of historical ").hasMessageContaining("out of range");
        assertThatThrownBy(() -> MethodMix.parse("blend:1,1e-999999999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Seasonality.given(List.of(BigDecimal.ONE, new BigDecimal("1e999999999"),
                BigDecimal.ONE, BigDecimal.ONE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seasonality weight 2 ").hasMessageContaining("out of range");
        assertThat(MethodMix.parse("blend:" + "9".repeat(30) + ",1").toString()).hasSizeLessThan(100);
    }

    @Test
    void changeLimits_capTheRaiseAndTheRestIsSharedByTheOthers() {
        Quotas last = Quotas.of(List.of(
                new Quota("a", OrgFixtures.CAL.year(2026), Money.of("1000000", "USD")),
                new Quota("b", OrgFixtures.CAL.year(2026), Money.of("5000000", "USD"))));
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(smallOrg())
                .changeLimits(new QuotaPlanner.ChangeLimits(last, Percent.of(50), Percent.of(10))).build().plan();
        assertThat(plan.yearQuota("a")).isEqualTo(Money.of("1500000.00", "USD"));
        assertThat(plan.total()).isEqualTo(TARGET);
        assertThat(plan.lines("a").get(0).explanation()).contains("capped at +50% on last year's USD 1,000,000.00");
    }

    @Test
    void seasonality_givenByQuarter_splitsAFullYearRepsQuota() {
        QuotaPlan plan = QuotaPlanner.builder(Money.of("1000", "USD"), OrgFixtures.FY2027)
                .org(Org.of(List.of(Rep.of("solo", null))))
                .seasonality(Seasonality.given(List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.valueOf(2))))
                .build().plan();
        assertThat(plan.lines("solo")).extracting(l -> l.quota().amount().toPlainString())
                .containsExactly("200.00", "200.00", "200.00", "400.00");
    }

    @Test
    void overAssignPerLevel_managersAssignedLessThanTheirTeamsSum() {
        OrgFixtures f = OrgFixtures.generate(3, 2, 2, 4);
        QuotaPlan plan = QuotaPlanner.builder(TARGET, OrgFixtures.FY2027).org(f.org)
                .overAssign(List.of(Percent.of(10), Percent.of(0), Percent.of(5))).build().plan();
        TeamQuota region = plan.team("rvp-0").orElseThrow();
        assertThat(region.quota().minorUnits()).isGreaterThan(region.assigned().minorUnits());
        assertThat(plan.team("vp").orElseThrow().assigned()).isEqualTo(Money.of("11000000.00", "USD"));
    }
}
