package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
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
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** A target set per payee changes that payee's bonus and MBO pay only, in proportion: checkable by eye. */
class PayeeTargetsProperties {

    private static final Org ORG = Org.of(List.of(Rep.of("alice", null), Rep.of("bob", null)));

    private static CompPlan plan(long bonusCents, long mboCents) {
        return CompPlan.builder("T").currency("USD")
                .component(c -> c.name("Bonus").measure(Measure.attainment()).pay(new PayRule.Bonus(Money.ofMinor(bonusCents, "USD"),
                        TierTable.retroactive(TierTable.Basis.ATTAINMENT).below("50", "0").below("100", "60").above("125"))))
                .component(c -> c.name("MBO").measure(Measure.attainment()).pay(new PayRule.Mbo(Money.ofMinor(mboCents, "USD"), null)))
                .build();
    }

    private static Map<String, Long> pay(CompPlan plan, PayeeTargets targets, long aliceSold, long bobSold) {
        Quotas q = Quotas.of(List.of(new Quota("alice", month(3), Money.ofMinor(10_000_000, "USD")),
                new Quota("bob", month(3), Money.ofMinor(10_000_000, "USD"))));
        List<Credit> credits = List.of(
                new Credit("a", "alice", day(3, 2), Money.ofMinor(aliceSold, "USD"), "new", "", "a", CreditStatus.BOOKED, List.of(), Map.of()),
                new Credit("b", "bob", day(3, 3), Money.ofMinor(bobSold, "USD"), "new", "", "b", CreditStatus.BOOKED, List.of(), Map.of()));
        CalculationResult r = CommissionEngine.calculate(plan, CompContext.of(ORG, q).withTargets(targets), credits, month(3),
                CompState.empty());
        return Map.of("alice", r.statement("alice").orElseThrow().earned().minorUnits(),
                "bob", r.statement("bob").orElseThrow().earned().minorUnits());
    }

    private static PayeeTargets bob(long bonusCents, long mboCents) {
        return PayeeTargets.of(List.of(new PayeeTarget("bob", "Bonus", Money.ofMinor(bonusCents, "USD")),
                new PayeeTarget("bob", "MBO", Money.ofMinor(mboCents, "USD"))));
    }

    /**
     * Bob's own targets equal to the plan's pay what the plan pays; any other targets leave alice's pay alone;
     * and doubling bob's targets doubles his pay, within the cent each of the two lines may round.
     */
    @Property(tries = 120)
    void ownTargetsChangeOnlyThatPayeesPay_inProportion(@ForAll @LongRange(min = 0, max = 100_000_000) long bonus,
                                                       @ForAll @LongRange(min = 0, max = 100_000_000) long mbo,
                                                       @ForAll @LongRange(min = 0, max = 100_000_000) long bobBonus,
                                                       @ForAll @LongRange(min = 0, max = 100_000_000) long bobMbo,
                                                       @ForAll @LongRange(min = 1, max = 30_000_000) long aliceSold,
                                                       @ForAll @LongRange(min = 1, max = 30_000_000) long bobSold) {
        CompPlan plan = plan(bonus, mbo);
        Map<String, Long> planOnly = pay(plan, PayeeTargets.none(), aliceSold, bobSold);
        assertThat(pay(plan, bob(bonus, mbo), aliceSold, bobSold)).isEqualTo(planOnly);
        Map<String, Long> own = pay(plan, bob(bobBonus, bobMbo), aliceSold, bobSold);
        assertThat(own.get("alice")).isEqualTo(planOnly.get("alice"));
        Map<String, Long> doubled = pay(plan, bob(2 * bobBonus, 2 * bobMbo), aliceSold, bobSold);
        assertThat(Math.abs(doubled.get("bob") - 2 * own.get("bob"))).isLessThanOrEqualTo(2);
    }
}
