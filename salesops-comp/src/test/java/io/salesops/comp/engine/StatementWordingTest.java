package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.monthlyQuotas;
import static io.salesops.comp.Fixtures.solo;
import static io.salesops.comp.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.Fixtures;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.org.Org;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words of statement lines say what the arithmetic did: a bonus whose tiers count deals names deals, not
 * money, and a gate shut below its attainment never shows an attainment rounded up to the gate.
 */
class StatementWordingTest {

    private static final Org SDR = solo("alice");

    private static Statement march(CompPlan plan, CompContext ctx, List<Credit> credits) {
        return Fixtures.calc(plan, ctx, credits, month(3)).statement("alice").orElseThrow();
    }

    @Test
    void countBonus_namesTheDealsCounted_notTheirAmount() {
        // 500 from the third deal of the month: three deals of 1,000 pay 500; one deal pays 0.
        CompPlan plan = CompPlan.builder("SDR").currency("USD")
                .component(c -> c.name("Meetings").measure(Measure.count())
                        .bonus("USD 500.00", TierTable.retroactive(TierTable.Basis.AMOUNT).below("3", "0").above("100")))
                .build();
        List<Credit> three = List.of(deal("m1", "alice", day(3, 2), "1000.00"), deal("m2", "alice", day(3, 3), "1000.00"),
                deal("m3", "alice", day(3, 4), "1000.00"));
        PayoutLine paid = march(plan, CompContext.of(SDR), three).lines().get(0);
        PayoutLine unpaid = march(plan, CompContext.of(SDR), three.subList(0, 1)).lines().get(0);

        assertThat(paid.amount()).isEqualTo(usd("500.00"));
        assertThat(paid.formula()).contains("tier 2 reached: 3 deals or more at 3 deals").doesNotContain("USD 3.00")
                .doesNotContain("3,000.00");
        assertThat(unpaid.amount()).isEqualTo(usd("0.00"));
        assertThat(unpaid.formula()).contains("tier 1 reached: 0-3 excl. deals at 1 deal");
    }

    @Test
    void gateShut_showsTheAttainmentCutTo2Decimals() {
        // 10,000 of a 33,000 quota is 30.3030...%: the gate at 50% stays shut and says "at 30.3%".
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10").gate(Gate.minAttainment("50"))).build();
        Statement s = march(plan, CompContext.of(SDR, monthlyQuotas(SDR, "33000.00")),
                List.of(deal("d1", "alice", day(3, 5), "10000.00")));

        assertThat(s.lines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LineKind.GATE);
            assertThat(l.formula()).endsWith("not met at 30.3%; nothing paid");
        });
    }
}
