package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Rep;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityModelTest {

    private static final Money MILLION = Money.of("1000000.00", "USD");

    private static CapacityModel.Builder model(String target) {
        return CapacityModel.builder(Money.of(target, "USD"), OrgFixtures.FY2027).productivity(MILLION).simulations(500, 3);
    }

    @Test
    void noRampNoAttrition_twelveMillionNeedsTwelveHires_exactly() {
        CapacityPlan plan = model("12000000.00").build().run();
        assertThat(plan.hires()).isEqualTo(12);
        assertThat(plan.hiresLow()).isEqualTo(12);
        assertThat(plan.hiresHigh()).isEqualTo(12);
        assertThat(plan.bookingsP50()).isEqualTo(Money.of("12000000.00", "USD"));
        assertThat(plan.months().get(0).hired()).isEqualTo(12);
    }

    @Test
    void rampAndLateHiring_needMoreHires_currentRepsFewer() {
        int plain = model("12000000.00").build().run().hires();
        int ramped = model("12000000.00").ramp(RampSchedule.of("0", "25", "50", "75")).build().run().hires();
        int late = model("12000000.00").ramp(RampSchedule.of("0", "25", "50", "75")).hireBy(6).build().run().hires();
        int withTeam = model("12000000.00").currentReps(5).build().run().hires();
        assertThat(ramped).isGreaterThan(plain);
        assertThat(late).isGreaterThan(ramped);
        assertThat(withTeam).isEqualTo(7);
    }

    @Test
    void attrition_givesARange_andMoreAttritionNeverNeedsFewerHires() {
        CapacityPlan low = model("30000000.00").currentReps(20).attrition(Percent.of(10)).build().run();
        CapacityPlan high = model("30000000.00").currentReps(20).attrition(Percent.of(35)).build().run();
        assertThat(high.hires()).isGreaterThanOrEqualTo(low.hires());
        assertThat(high.hiresHigh()).isGreaterThan(high.hiresLow());
        assertThat(high.hiresLow()).isLessThanOrEqualTo(high.hires()).isLessThanOrEqualTo(high.hiresHigh());
        assertThat(model("30000000.00").currentReps(20).attrition(Percent.of(35)).build().run()).isEqualTo(high);
    }

    @Test
    void knownLeaverAndNewStarter_countOnlyTheirMonthsInRole() {
        Rep leaver = new Rep("l", null, null, null, null, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 7, 31));
        Rep starter = new Rep("s", null, null, null, null, LocalDate.of(2026, 8, 1), null);
        CapacityPlan plan = model("1000000.00").current(List.of(leaver, starter)).build().run();
        // Feb..Jul for one, Aug..Jan for the other: one full rep-year between them, so no hire is needed.
        assertThat(plan.hires()).isZero();
        assertThat(plan.bookingsP50()).isEqualTo(MILLION);
    }

    @Test
    void badInputs_nameTheValue() {
        assertThatThrownBy(() -> model("100").attrition(Percent.of(100))).hasMessageContaining("attrition 100%");
        assertThatThrownBy(() -> model("100").hireBy(13)).hasMessageContaining("hire-by month 13");
        assertThatThrownBy(() -> CapacityModel.builder(Money.of("0", "USD"), OrgFixtures.FY2027))
                .hasMessageContaining("not positive");
    }
}
