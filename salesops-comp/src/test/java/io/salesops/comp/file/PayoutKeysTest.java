package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Payout;
import io.salesops.core.money.Percent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan file's {@code payout}: read, written back, and refused at its line when it cannot be honoured. */
class PayoutKeysTest {

    private static final String PLAN = """
            name: Later
            currency: USD
            components:
              - name: On collection
                pay: {type: flat_rate, rate: 10}
                payout: {on: collection, atBooking: 50}
              - name: In instalments
                pay: {type: flat_rate, rate: 6}
                payout: {instalments: [50, 25, "25%"]}
              - name: At booking
                pay: {type: flat_rate, rate: 1}
                payout: {on: booking}
            """;

    @Test
    void payouts_areRead_andWrittenBack() {
        CompPlan plan = PlanFiles.read(PLAN, "later.yaml", PlanFormat.YAML);
        assertThat(plan.components().get(0).payout()).isEqualTo(Payout.onCollection("50"));
        assertThat(plan.components().get(1).payout().instalments()).extracting(Percent::value)
                .containsExactly(new java.math.BigDecimal("50"), new java.math.BigDecimal("25"), new java.math.BigDecimal("25"));
        assertThat(plan.components().get(2).payout()).isNull();
        for (PlanFormat f : PlanFormat.values()) {
            assertThat(PlanFiles.read(PlanFiles.write(plan, f), "again", f)).isEqualTo(plan);
        }
    }

    // A payout at the top of the plan is every component's unless it gives its own; written back per component.
    @Test
    void aPlanLevelPayout_isTheDefaultOfEveryComponent() {
        String text = """
                name: Later
                currency: USD
                payout: {on: collection_in_full}
                components:
                  - name: New business
                    pay: {type: flat_rate, rate: 10}
                  - name: Renewals
                    pay: {type: flat_rate, rate: 3}
                    payout: {on: booking}
                  - name: Services
                    pay: {type: flat_rate, rate: 5}
                    payout: {instalments: [50, 50]}
                """;
        CompPlan plan = PlanFiles.read(text, "later.yaml", PlanFormat.YAML);
        assertThat(plan.components()).extracting(c -> c.payout() == null ? "booking" : c.payout().describe())
                .containsExactly("once collected in full", "booking", "in instalments 50% + 50%");
        for (PlanFormat f : PlanFormat.values()) {
            assertThat(PlanFiles.read(PlanFiles.write(plan, f), "again", f)).isEqualTo(plan);
        }
        String bonus = text.replace("pay: {type: flat_rate, rate: 10}", "measure: attainment\n    pay: {type: mbo, target: 1000}");
        assertThatThrownBy(() -> PlanFiles.read(bonus, "later.yaml", PlanFormat.YAML)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("later.yaml:3:9 payout: component \"New business\" pays once collected"
                        + " in full").hasMessageContaining("give this component payout: {on: booking}");
    }

    @Test
    void instalmentsNotSummingTo100_areRefusedAtTheirLine() {
        assertThatThrownBy(() -> PlanFiles.read(PLAN.replace("[50, 25, \"25%\"]", "[50, 25, 20]"), "later.yaml", PlanFormat.YAML))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("later.yaml:9:27 components[1].payout.instalments: instalments 50% + 25% + 20% sum to 95%;"
                        + " they must sum to exactly 100%");
    }

    @Test
    void aPayoutTheEngineCannotHonour_isRefusedAtTheLineOfWhatConflicts() {
        String withDraw = PLAN.replace("components:", "draw: {kind: recoverable, amount: 1000, from: 2026-01-01}\ncomponents:");
        assertThatThrownBy(() -> PlanFiles.read(withDraw, "later.yaml", PlanFormat.YAML)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("later.yaml:3:").hasMessageContaining("draw: a draw is settled against the period's"
                        + " earnings, but component \"On collection\" pays 50% at booking, the rest on collection");
        String bonus = PLAN.replace("pay: {type: flat_rate, rate: 6}", "pay: {type: mbo, target: 1000}\n    measure: attainment");
        assertThatThrownBy(() -> PlanFiles.read(bonus, "later.yaml", PlanFormat.YAML)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("later.yaml:10:").hasMessageContaining("components[1].payout: component \"In instalments\""
                        + " pays in instalments 50% + 25% + 25%, which holds each deal's commission until it falls due, but an MBO");
    }

    @Test
    void aMalformedPayout_isNamedAtItsKey() {
        List<String> bad = List.of("payout: {on: weekly}", "payout: {atBooking: 50}", "payout: {on: booking, atBooking: 10}",
                "payout: {on: collection, instalments: [100]}", "payout: {on: collection, atBooking: 100}",
                "payout: {on: instalments}", "payout: {on: collection, when: paid}", "payout: collection",
                "payout: {on: collection_in_full, atBooking: -1}");
        List<String> expected = List.of("components[0].payout.on: expected one of booking, collection, collection_in_full, instalments",
                "components[0].payout: says neither when the pay falls due", "components[0].payout.atBooking: atBooking is the share",
                "components[0].payout.instalments: instalments are a schedule of their own",
                "components[0].payout.atBooking: atBooking 100% is outside 0% to under 100%",
                "components[0].payout: on: instalments lists no instalments",
                "components[0].payout.when: unknown key \"when\"", "components[0].payout: expected a payout: {on: collection}",
                "components[0].payout.atBooking: atBooking -1% is outside 0% to under 100%");
        for (int i = 0; i < bad.size(); i++) {
            String text = PLAN.replace("payout: {on: collection, atBooking: 50}", bad.get(i));
            assertThatThrownBy(() -> PlanFiles.read(text, "later.yaml", PlanFormat.YAML)).as(bad.get(i))
                    .isInstanceOf(PlanFileException.class).hasMessageContaining("later.yaml:6:").hasMessageContaining(expected.get(i));
        }
    }
}
