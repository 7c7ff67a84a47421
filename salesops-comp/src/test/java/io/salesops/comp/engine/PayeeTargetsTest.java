package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.PayeeTarget;
import io.salesops.comp.input.PayeeTargets;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bonus and MBO targets set per payee: one plan, a target of 10,000 for one rep and 12,000 for another. */
class PayeeTargetsTest {

    private static final Org ORG = Org.of(List.of(Rep.of("alice", null), Rep.of("bob", null), Rep.of("carol", null)));
    private static final Quotas QUOTAS = Quotas.of(List.of(new Quota("alice", month(3), usd("100000.00")),
            new Quota("bob", month(3), usd("100000.00")), new Quota("carol", month(3), usd("100000.00"))));
    private static final List<Credit> SOLD = List.of(deal("a1", "alice", day(3, 5), "80000.00"),
            deal("b1", "bob", day(3, 6), "80000.00"), deal("c1", "carol", day(3, 7), "80000.00"));

    private static final CompPlan PLAN = CompPlan.builder("Targets").currency("USD")
            .component(c -> c.name("Bonus").measure(Measure.attainment())
                    .pay(new PayRule.Bonus(usd("10000.00"), TierTable.retroactive(TierTable.Basis.ATTAINMENT)
                            .below("50", "0").below("100", "50").above("100"))))
            .component(c -> c.name("MBO").measure(Measure.attainment()).mbo("USD 1000.00", "150"))
            .component(c -> c.name("Commission").flatRate("1"))
            .build();

    private static Money earned(PayeeTargets targets, String payee) {
        CompContext ctx = CompContext.of(ORG, QUOTAS).withTargets(targets);
        return CommissionEngine.calculate(PLAN, ctx, SOLD, month(3), CompState.empty()).statement(payee).orElseThrow().earned();
    }

    // 80% reaches the 50% tier: alice 50% x 10,000 (plan) = 5,000, bob 50% x 12,000 = 6,000; MBO 80% of
    // 1,000 = 800 (alice, carol) and of 2,500 = 2,000 (carol); commission 1% x 80,000 = 800 for all.
    @Test
    void aPayeesOwnTargetReplacesThePlansForThatPayeeAndComponentOnly() {
        PayeeTargets t = PayeeTargets.of(List.of(new PayeeTarget("bob", "Bonus", usd("12000.00")),
                new PayeeTarget("carol", "MBO", usd("2500.00"))));
        assertThat(earned(t, "alice")).isEqualTo(usd("6600.00"));
        assertThat(earned(t, "bob")).isEqualTo(usd("7600.00"));
        assertThat(earned(t, "carol")).isEqualTo(usd("7800.00"));
        assertThat(earned(PayeeTargets.none(), "bob")).isEqualTo(usd("6600.00"));
    }

    @Test
    void theStatementShowsThePayeesTarget() {
        CompContext ctx = CompContext.of(ORG, QUOTAS).withTargets(
                PayeeTargets.of(List.of(new PayeeTarget("bob", "Bonus", usd("12000.00")))));
        var lines = CommissionEngine.calculate(PLAN, ctx, SOLD, month(3), CompState.empty()).statement("bob").orElseThrow().lines();
        assertThat(lines).anySatisfy(l -> assertThat(l.formula()).contains("target USD 12,000.00"));
    }

    @Test
    void targetsThePlanCannotUse_areInputErrorsAtTheirIndex() {
        PayeeTargets t = PayeeTargets.of(List.of(new PayeeTarget("bob", "Bonus", usd("12000.00")),
                new PayeeTarget("dave", "Bonus", usd("1.00")),
                new PayeeTarget("bob", "Bonsu", usd("1.00")),
                new PayeeTarget("bob", "Commission", usd("1.00")),
                new PayeeTarget("alice", "MBO", Money.of("1.00", "EUR"))));
        assertThatThrownBy(() -> earned(t, "bob")).isInstanceOf(SalesopsInputException.class)
                .hasMessageContaining("targets[1].payee").hasMessageContaining("payee dave is not in the org")
                .hasMessageContaining("targets[2].component").hasMessageContaining("the plan has no component \"Bonsu\"")
                .hasMessageContaining("components with a target: [Bonus, MBO]")
                .hasMessageContaining("targets[3].component").hasMessageContaining("pays a flat rate, which has no target")
                .hasMessageContaining("targets[4].target").hasMessageContaining("not in the plan currency USD");
        assertThatThrownBy(() -> PayeeTargets.of(List.of(new PayeeTarget("bob", "Bonus", usd("1.00")),
                new PayeeTarget("bob", "Bonus", usd("2.00"))))).isInstanceOf(SalesopsInputException.class)
                .hasMessageContaining("targets[1]").hasMessageContaining("second target for component \"Bonus\"");
        assertThatThrownBy(() -> new PayeeTarget("bob", "Bonus", usd("-1.00"))).hasMessageContaining("is negative");
    }
}
