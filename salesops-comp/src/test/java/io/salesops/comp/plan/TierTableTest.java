package io.salesops.comp.plan;

import static io.salesops.comp.plan.TierTable.Basis.ATTAINMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TierTableTest {

    private static CompPlan commissionPlan(TierTable table) {
        return CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").measure(Measure.attainment()).pay(table)).build();
    }

    @Test
    void upTo_boundNotAboveThePreviousBound_isRefusedAtOnceNamingBoth() {
        assertThatThrownBy(() -> TierTable.marginal(ATTAINMENT).upTo("100", "10").upTo("50", "12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tier bound 50% is not above the previous bound 100%")
                .hasMessageContaining("the bound first, then the rate");
        assertThatThrownBy(() -> TierTable.marginal(ATTAINMENT).below("0", "10"))
                .hasMessageContaining("tier bound 0% is not above the previous bound 0%");
    }

    @Test
    void upTo_boundNotANumber_isRefusedNamingIt() {
        assertThatThrownBy(() -> TierTable.marginal(ATTAINMENT).upTo("quota", "10"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tier bound: \"quota\"");
    }

    @Test
    void commissionTable_withBoundAndRateSwapped_isRefusedByTheValidator() {
        // Meant: 10% up to 100% of quota, 15% above. Written: 100% up to 10% of quota.
        TierTable swapped = TierTable.marginal(ATTAINMENT).upTo("10", "100").above("15");
        assertThatThrownBy(() -> commissionPlan(swapped))
                .isInstanceOf(PlanValidationException.class)
                .hasMessageContaining("commission rate 100% on tier 0%-10% pays the whole credited amount or more")
                .hasMessageContaining("upTo(\"100\", \"10\")");
        assertThat(commissionPlan(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")).components())
                .hasSize(1);
    }

    @Test
    void bonusTable_mayPayMoreThan100PercentOfTarget() {
        TierTable accelerated = TierTable.marginal(ATTAINMENT).upTo("100", "100").above("150");
        CompPlan plan = CompPlan.builder("Bonus").currency("USD").component(c -> c.name("Bonus")
                .measure(Measure.attainment()).pay(new PayRule.Bonus(Money.of("10000.00", "USD"), accelerated))).build();
        assertThat(plan.components().get(0).pay()).isInstanceOf(PayRule.Bonus.class);
        assertThat(accelerated.tiers().get(1).from()).isEqualByComparingTo(new BigDecimal("100"));
    }
}
