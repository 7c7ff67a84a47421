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

    @Test
    void aConversionPastTheLongRange_namesTheCreditAndTheComponent_notJustLongOverflow() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("1")).build();
        CompContext ctx = new CompContext(solo("ae-1"), Quotas.none(),
                ExchangeRates.none().with("JPY", "USD", day(1, 1), "1000000"), List.of());
        Credit yen = new Credit("row-17", "ae-1", day(1, 5), io.salesops.core.money.Money.parse("JPY 90000000000000000"),
                "new", "", "D-17", CreditStatus.BOOKED, List.of(), java.util.Map.of());
        assertThatThrownBy(() -> Fixtures.calc(plan, ctx, List.of(yen), month(1))).isInstanceOf(AmountOverflowException.class)
                .hasMessageContaining("credits[row-17]").hasMessageContaining("credit row-17")
                .hasMessageContaining("component \"Bookings\"").hasMessageContaining("converting its amount")
                .hasMessageContaining("passed the largest salesops can hold")
                .hasMessageNotContaining(": long overflow");
    }

    @Test
    void aConversionInRange_isNotAnOverflow() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("1")).build();
        CompContext ctx = new CompContext(solo("ae-1"), Quotas.none(),
                ExchangeRates.none().with("JPY", "USD", day(1, 1), "0.0065"), List.of());
        Credit yen = new Credit("row-18", "ae-1", day(1, 5), io.salesops.core.money.Money.parse("JPY 1000000"),
                "new", "", "D-18", CreditStatus.BOOKED, List.of(), java.util.Map.of());
        // JPY 1,000,000 x 0.0065 = USD 6,500.00; 1% = 65.00
        org.assertj.core.api.Assertions.assertThat(Fixtures.calc(plan, ctx, List.of(yen), month(1)).totalEarned())
                .isEqualTo(io.salesops.core.money.Money.parse("USD 65.00"));
    }
}
