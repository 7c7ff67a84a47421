package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.TierTable;
import org.junit.jupiter.api.Test;

/** The plan-file keys of the pay mechanisms: read, defaulted, refused when wrong, and written back. */
class PayMechanismKeysTest {

    private static final String PLAN = """
            name: Keys
            currency: USD
            draw: {kind: recoverable, amount: 4000, from: 2026-01-01, timing: in_advance}
            components:
              - name: Bonus
                measure: attainment
                pay: {type: bonus, target: 15000, mode: marginal, basis: attainment, tiers: [{below: 100, rate: 0}, {rate: 100}]}
              - name: SPIFF
                pay: {type: spiff, perDeal: 500, splitDeals: in_full}
              - name: Other SPIFF
                pay: {type: spiff, perDeal: 250}
            """;

    @Test
    void keys_areRead_andWrittenBack() {
        CompPlan plan = PlanFiles.read(PLAN, "keys.yaml", PlanFormat.YAML);
        assertThat(plan.draw().timing()).isEqualTo(Draw.Timing.IN_ADVANCE);
        assertThat(((PayRule.Bonus) plan.components().get(0).pay()).table().mode()).isEqualTo(TierTable.Mode.MARGINAL);
        assertThat(((PayRule.Spiff) plan.components().get(1).pay()).splitDeals()).isEqualTo(PayRule.Spiff.SplitDeals.IN_FULL);
        assertThat(((PayRule.Spiff) plan.components().get(2).pay()).splitDeals()).isEqualTo(PayRule.Spiff.SplitDeals.BY_SHARE);
        for (PlanFormat f : PlanFormat.values()) {
            assertThat(PlanFiles.read(PlanFiles.write(plan, f), "again", f)).isEqualTo(plan);
        }
    }

    @Test
    void drawTimingDefaultsToTopUp_andAWrongValueIsNamed() {
        CompPlan plan = PlanFiles.read(PLAN.replace(", timing: in_advance", ""), "keys.yaml", PlanFormat.YAML);
        assertThat(plan.draw().timing()).isEqualTo(Draw.Timing.TOP_UP);
        assertThatThrownBy(() -> PlanFiles.read(PLAN.replace("in_advance", "weekly"), "keys.yaml", PlanFormat.YAML))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("draw.timing");
    }

    @Test
    void marginalBonusOnAmounts_isRefusedAtItsLine() {
        assertThatThrownBy(() -> PlanFiles.read(PLAN.replace("mode: marginal, basis: attainment", "mode: marginal, basis: amount"),
                "keys.yaml", PlanFormat.YAML))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("keys.yaml:7").hasMessageContaining("needs basis attainment");
    }
}
