package io.salesops.core.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotasTest {

    private final FiscalCalendar cal = FiscalCalendar.calendarYear();

    @Test
    void quarterQuota_isTheSumOfItsMonthlyQuotas() {
        Quotas q = Quotas.of(List.of(
                new Quota("a", cal.parse("2026-07"), Money.of("10000", "USD")),
                new Quota("a", cal.parse("2026-08"), Money.of("12000", "USD")),
                new Quota("a", cal.parse("2026-09"), Money.of("14000", "USD"))));
        assertThat(q.quota("a", cal.parse("2026-Q3"))).contains(Money.of("36000", "USD"));
        assertThat(q.quota("a", cal.parse("2026-Q4"))).isEmpty();
        assertThat(q.quota("b", cal.parse("2026-Q3"))).isEmpty();
    }

    @Test
    void exactQuota_winsOverTheSumOfParts() {
        Quotas q = Quotas.of(List.of(
                new Quota("a", cal.parse("2026-Q3"), Money.of("30000", "USD")),
                new Quota("a", cal.parse("2026-07"), Money.of("1", "USD"))));
        assertThat(q.quota("a", cal.parse("2026-Q3"))).contains(Money.of("30000", "USD"));
    }

    @Test
    void duplicateQuota_isRejected() {
        assertThatThrownBy(() -> Quotas.of(List.of(
                new Quota("a", cal.parse("2026-Q3"), Money.of("1", "USD")),
                new Quota("a", cal.parse("2026-Q3"), Money.of("2", "USD")))))
                .hasMessageContaining("rep a has two quotas for 2026-Q3");
    }

    @Test
    void exactQuota_isTheRepsOwnForThatPeriod() {
        Quotas q = Quotas.of(List.of(
                new Quota("a", cal.parse("2026-07"), Money.of("10000", "USD")),
                new Quota("b", cal.parse("2026-07"), Money.of("20000", "USD")),
                new Quota("a", cal.parse("2026-08"), Money.of("11000", "USD")),
                new Quota("a", FiscalCalendar.startingIn(java.time.Month.JULY).parse("FY2027-Q1"), Money.of("5", "USD"))));
        assertThat(q.quota("a", cal.parse("2026-07"))).contains(Money.of("10000", "USD"));
        assertThat(q.quota("b", cal.parse("2026-07"))).contains(Money.of("20000", "USD"));
        assertThat(q.quota("a", cal.parse("2026-08"))).contains(Money.of("11000", "USD"));
        assertThat(q.quota("b", cal.parse("2026-08"))).isEmpty();
        assertThat(q.quota("c", cal.parse("2026-07"))).isEmpty();
        // The same months as a quarter of another calendar are another period: its own quota, not the months'.
        assertThat(q.quota("a", FiscalCalendar.startingIn(java.time.Month.JULY).parse("FY2027-Q1")))
                .contains(Money.of("5", "USD"));
        assertThat(q.quota("a", cal.parse("2026-Q3"))).isEmpty();
    }
}
