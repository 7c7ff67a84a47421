package io.salesops.comp.input;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.solo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.Fixtures;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Quotas;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountOverflowTest {

    private static final CompContext CTX = new CompContext(solo("ae-1"), Quotas.none(), ExchangeRates.none(), List.of());

    @Test
    void creditsSummingPastTheLongRange_nameThePayeeAndTheComponent_notJustLongOverflow() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("1")).build();
        List<Credit> credits = List.of(deal("C-1", "ae-1", day(1, 5), "90000000000000000.00"),
                deal("C-2", "ae-1", day(1, 6), "90000000000000000.00"));
        assertThatThrownBy(() -> Fixtures.calc(plan, CTX, credits, month(1))).isInstanceOf(AmountOverflowException.class)
                .hasMessageContaining("payee[ae-1]").hasMessageContaining("component \"Bookings\"")
                .hasMessageContaining("passed the largest salesops can hold");
    }

    @Test
    void payPastTheLongRange_namesTheComponentThatPaysIt() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Kicker").flatRate("1000")).build();
        List<Credit> credits = List.of(deal("C-1", "ae-1", day(1, 5), "90000000000000000.00"));
        assertThatThrownBy(() -> Fixtures.calc(plan, CTX, credits, month(1))).isInstanceOf(AmountOverflowException.class)
                .hasMessageContaining("component \"Kicker\" (its pay)");
    }
}
