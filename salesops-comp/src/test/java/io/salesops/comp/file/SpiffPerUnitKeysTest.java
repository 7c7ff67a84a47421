package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PayRule;
import io.salesops.core.money.Money;
import org.junit.jupiter.api.Test;

/** {@code pay: {type: spiff, perUnit: 50, quantity: seats}}: read, written back, and refused at its line when wrong. */
class SpiffPerUnitKeysTest {

    private static CompPlan read(String yaml) {
        return PlanFiles.read(yaml, "plan.yaml", PlanFormat.YAML);
    }

    private static String plan(String attributes, String pay) {
        return "name: Seats\ncurrency: USD\n" + attributes + "components:\n  - name: Seat SPIFF\n    pay: " + pay + "\n";
    }

    @Test
    void perUnitWithAQuantityColumn_isReadAndWrittenBack() {
        CompPlan p = read(plan("attributes: [seats]\n", "{type: spiff, perUnit: 50, quantity: seats, splitDeals: in_full}"));
        PayRule.Spiff s = (PayRule.Spiff) p.components().get(0).pay();
        assertThat(s.perDeal()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(s.quantity()).isEqualTo("seats");
        assertThat(s.splitDeals()).isEqualTo(PayRule.Spiff.SplitDeals.IN_FULL);
        String yaml = PlanFiles.write(p, PlanFormat.YAML);
        assertThat(yaml).contains("perUnit").contains("quantity: \"seats\"").doesNotContain("perDeal");
        assertThat(read(yaml)).isEqualTo(p);
        assertThat(((PayRule.Spiff) read(plan("", "{type: spiff, perDeal: 50}")).components().get(0).pay()).quantity()).isNull();
    }

    @Test
    void eachWrongCombination_isRefusedAtItsLineSayingWhatToWrite() {
        assertThatThrownBy(() -> read(plan("attributes: [seats]\n", "{type: spiff, perDeal: 50, perUnit: 5, quantity: seats}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("perDeal (per qualifying deal) or perUnit (per unit of its quantity column), not both");
        assertThatThrownBy(() -> read(plan("attributes: [seats]\n", "{type: spiff, perUnit: 50}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("pay.quantity").hasMessageContaining("needs the credits column holding each deal's units");
        assertThatThrownBy(() -> read(plan("attributes: [seats]\n", "{type: spiff, perDeal: 50, quantity: seats}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("write perUnit instead of perDeal");
        assertThatThrownBy(() -> read(plan("", "{type: spiff}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:5")
                .hasMessageContaining("perUnit with quantity");
        assertThatThrownBy(() -> read(plan("attributes: [region]\n", "{type: spiff, perUnit: 50, quantity: seats}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("SPIFF quantity column \"seats\" is not among the plan's attributes [region]");
        assertThatThrownBy(() -> read(plan("attributes: [seats]\n", "{type: spiff, perUnit: -5, quantity: seats}")))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6").hasMessageContaining("negative");
    }
}
