package io.salesops.testkit;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.Credit;
import io.salesops.core.money.Money;
import io.salesops.testkit.SalesArbitraries;
import io.salesops.testkit.SmallOrg;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AePayProperties {

    @Provide
    Arbitrary<List<Credit>> marchDeals() {
        return SalesArbitraries.credits(SmallOrg.org(), SmallOrg.MARCH, "USD", 30);
    }

    @Property
    boolean noAeEverEarnsMoreThanTheCap(@ForAll("marchDeals") List<Credit> deals) {
        CalculationResult march = CommissionEngine.calculate(SmallOrg.aePlan(), SmallOrg.context(), deals,
                SmallOrg.MARCH, CompState.empty());
        Money cap = Money.of("25000.00", "USD");
        return SmallOrg.aes().stream()
                .allMatch(ae -> march.statement(ae).orElseThrow().earned().compareTo(cap) <= 0);
    }
}
