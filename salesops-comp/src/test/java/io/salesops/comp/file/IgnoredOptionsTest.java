package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.Fixtures;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.plan.CompPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every option the plan schema accepts is honoured or refused: an option the engine would ignore for a
 * component is a problem at its line, never dropped in silence.
 */
class IgnoredOptionsTest {

    private static CompPlan read(String yaml) {
        return PlanFiles.read(yaml, "plan.yaml", PlanFormat.YAML);
    }

    private static final String HEAD = """
            name: Options
            currency: USD
            components:
            """;

    @Test
    void levelsWithoutCreditingToManagers_isRefusedAtItsLine() {
        assertThatThrownBy(() -> read(HEAD + """
                  - name: Bookings
                    crediting: {to: owner, levels: 2}
                    pay: {type: flat_rate, rate: 5}
                """)).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("plan.yaml:5").hasMessageContaining("crediting.levels")
                .hasMessageContaining("levels 2 counts managers up the chain, but the component credits to owner");
        assertThat(read(HEAD + """
                  - name: Override
                    crediting: {to: managers, levels: 2}
                    pay: {type: flat_rate, rate: 1}
                """).components().get(0).crediting().levels()).isEqualTo(2);
    }

    @Test
    void aCapPerDealOnABonusOrMbo_isRefusedAtItsLine_whileOnASpiffItBites() {
        for (String pay : List.of("{type: mbo, target: 1000, maxPercent: 150}",
                "{type: bonus, target: 1000, basis: attainment, tiers: [{upTo: 100, rate: 50}, {rate: 100}]}")) {
            assertThatThrownBy(() -> read(HEAD + """
                      - name: Bonus
                        measure: attainment
                        pay: %s
                        caps: [{per: deal, limit: 100}]
                    """.formatted(pay))).isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:7")
                    .hasMessageContaining("caps[0]").hasMessageContaining("a cap per deal limits what each deal pays");
        }
        assertThat(read(HEAD + """
                  - name: SPIFF
                    pay: {type: spiff, perDeal: 100}
                    caps: [{per: deal, limit: 50}]
                """).components().get(0).caps()).hasSize(1);
    }

    @Test
    void multipliersOnASpiff_areRefused() {
        assertThatThrownBy(() -> read(HEAD + """
                  - name: SPIFF
                    pay: {type: spiff, perDeal: 500}
                    multipliers: [{above: 100, factor: 2}]
                """)).isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:6")
                .hasMessageContaining("a SPIFF pays a fixed amount per deal, which multipliers do not change");
    }

    @Test
    void countMeasure_onARateOrAnMbo_isRefused() {
        assertThatThrownBy(() -> read(HEAD + """
                  - name: Deals
                    measure: count
                    pay: {type: flat_rate, rate: 5}
                """)).isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:5")
                .hasMessageContaining("measure count counts deals, which a flat rate does not pay on");
        assertThatThrownBy(() -> read(HEAD + """
                  - name: Goals
                    measure: count
                    pay: {type: mbo, target: 1000}
                """)).isInstanceOf(PlanFileException.class).hasMessageContaining("which a MBO does not pay on");
    }

    @Test
    void roundingUnnecessary_isRefused_notAnOverflowLater() {
        assertThatThrownBy(() -> read("rounding: unnecessary\n" + HEAD + """
                  - name: Bookings
                    pay: {type: flat_rate, rate: 5}
                """)).isInstanceOf(PlanFileException.class).hasMessageContaining("plan.yaml:1")
                .hasMessageContaining("name how to round");
    }

    /** A bonus of basis amount on a count measure: its tiers count deals (3 deals reach "from 3", 2 do not). */
    @Test
    void countMeasure_onABonusOfBasisAmount_paysByTheNumberOfDeals() {
        CompPlan plan = read(HEAD + """
                  - name: Deal bonus
                    measure: count
                    pay: {type: bonus, target: 1000, basis: amount, tiers: [{below: 3, rate: 0}, {rate: 100}]}
                """);
        CompContext ctx = CompContext.of(Fixtures.solo("alice"));
        var two = List.of(Fixtures.deal("a", "alice", Fixtures.day(3, 2), "50000.00"),
                Fixtures.deal("b", "alice", Fixtures.day(3, 3), "50000.00"));
        var three = List.of(Fixtures.deal("a", "alice", Fixtures.day(3, 2), "1.00"),
                Fixtures.deal("b", "alice", Fixtures.day(3, 3), "1.00"), Fixtures.deal("c", "alice", Fixtures.day(3, 4), "1.00"));
        assertThat(CommissionEngine.calculate(plan, ctx, two, Fixtures.month(3), CompState.empty()).statement("alice")
                .orElseThrow().earned()).isEqualTo(Fixtures.usd("0.00"));
        assertThat(CommissionEngine.calculate(plan, ctx, three, Fixtures.month(3), CompState.empty()).statement("alice")
                .orElseThrow().earned()).isEqualTo(Fixtures.usd("1000.00"));
    }
}
