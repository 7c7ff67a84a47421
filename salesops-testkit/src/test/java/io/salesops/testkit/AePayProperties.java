package io.salesops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

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
    void noAeEverEarnsMoreThanTheCap(@ForAll("marchDeals") List<Credit> deals) {
        CalculationResult march = CommissionEngine.calculate(SmallOrg.aePlan(), SmallOrg.context(), deals,
                SmallOrg.MARCH, CompState.empty());
        for (String ae : SmallOrg.aes()) {
            Money earned = march.statement(ae).orElseThrow().earned();
            assertThat(earned.compareTo(Money.of("25000.00", "USD"))).isLessThanOrEqualTo(0);
        }
    }
}
