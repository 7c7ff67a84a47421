package io.salesops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The arbitraries make what they promise, and commission invariants hold on what they make. */
class TestkitProperties {

    @Provide
    Arbitrary<CompPlan> plans() {
        return SalesArbitraries.compPlans("USD");
    }

    @Provide
    Arbitrary<List<Credit>> marchCredits() {
        return SalesArbitraries.credits(SmallOrg.org(), SmallOrg.MARCH, "USD", 25);
    }

    @Provide
    Arbitrary<Org> orgs() {
        return SalesArbitraries.orgs(12);
    }

    @Provide
    Arbitrary<Period> quarters() {
        return SalesArbitraries.periods(SmallOrg.CALENDAR, PeriodKind.QUARTER, 2024, 2027);
    }

    @Property(tries = 100)
    void everyGeneratedOrg_hasOneRoot_andEveryOtherRepAManagerInTheOrg(@ForAll("orgs") Org org) {
        assertThat(org.roots()).hasSize(1);
        org.reps().stream().filter(r -> r.managerId() != null)
                .forEach(r -> assertThat(org.contains(r.managerId())).isTrue());
    }

    @Property(tries = 100)
    void generatedCredits_fallInThePeriod_withUniqueIds(@ForAll("marchCredits") List<Credit> credits) {
        assertThat(credits).allSatisfy(c -> assertThat(SmallOrg.MARCH.contains(c.date())).isTrue());
        assertThat(credits.stream().map(Credit::id).distinct().count()).isEqualTo(credits.size());
    }

    @Property(tries = 100)
    void generatedQuarters_areQuarters(@ForAll("quarters") Period q) {
        assertThat(q.kind()).isEqualTo(PeriodKind.QUARTER);
    }

    @Property(tries = 60)
    void everyGeneratedPlanIsValid_andItsStatementsAddUpToTheCent(@ForAll("plans") CompPlan plan,
                                                                   @ForAll("marchCredits") List<Credit> credits) {
        assertThat(plan.validate()).isEmpty();
        CalculationResult r = CommissionEngine.calculate(plan, CompContext.of(SmallOrg.org()), credits,
                SmallOrg.MARCH, CompState.empty());
        for (Statement s : r.statements()) {
            Money lines = Money.sum(s.lines().stream().map(PayoutLine::amount).toList(), s.currency());
            assertThat(s.netPay()).isEqualTo(lines);
        }
    }

    @Property(tries = 60)
    void onTheSmallOrg_anotherDealNeverLowersAnAesPay(@ForAll("marchCredits") List<Credit> credits,
                                                      @ForAll("extraDeal") Credit extra) {
        List<Credit> more = new ArrayList<>(credits);
        more.add(extra);
        CalculationResult before = CommissionEngine.calculate(SmallOrg.aePlan(), SmallOrg.context(), credits,
                SmallOrg.MARCH, CompState.empty());
        CalculationResult after = CommissionEngine.calculate(SmallOrg.aePlan(), SmallOrg.context(), more,
                SmallOrg.MARCH, CompState.empty());
        for (String ae : SmallOrg.aes()) {
            Money was = before.statement(ae).orElseThrow().earned();
            Money is = after.statement(ae).orElseThrow().earned();
            assertThat(is.compareTo(was)).as("%s earned %s, then %s after one more deal", ae, was, is)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Provide
    Arbitrary<Credit> extraDeal() {
        return SalesArbitraries.credits(SmallOrg.org(), SmallOrg.MARCH, "USD", 1).filter(l -> !l.isEmpty())
                .map(l -> {
                    Credit c = l.get(0);
                    return Credit.builder("extra").payee(c.payeeId()).date(c.date()).amount(c.amount()).type("new").build();
                });
    }
}
