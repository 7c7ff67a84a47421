package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.ExchangeRates;
import io.salesops.comp.input.Split;
import io.salesops.core.money.Money;
import io.salesops.io.ExchangeRateRow;
import io.salesops.io.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompInputsTest {

    @Test
    void credit_keepsEveryFieldSplitAndAttribute() {
        Map<String, BigDecimal> splits = new LinkedHashMap<>();
        splits.put("ae-1", new BigDecimal("60"));
        splits.put("ae-2", new BigDecimal("40"));
        Transaction t = new Transaction("X-1", "ae-1", LocalDate.of(2026, 3, 2), Money.of("18000.00", "USD"), "renewal",
                "Platform", "D-102", Transaction.Status.CANCELLED, splits, Map.of("term_years", "3"));
        Credit c = CompInputs.credit(t);
        assertThat(c).isEqualTo(new Credit("X-1", "ae-1", LocalDate.of(2026, 3, 2), Money.of("18000.00", "USD"), "renewal",
                "Platform", "D-102", CreditStatus.CANCELLED, List.of(Split.of("ae-1", "60"), Split.of("ae-2", "40")),
                Map.of("term_years", "3")));
        assertThat(c.attribute("term_years")).isEqualTo("3");
    }

    @Test
    void rates_applyFromTheirEffectiveDateUntilTheNext() {
        Currency eur = Currency.getInstance("EUR");
        Currency usd = Currency.getInstance("USD");
        ExchangeRates r = CompInputs.rates(List.of(new ExchangeRateRow(eur, usd, new BigDecimal("1.08"), LocalDate.of(2026, 1, 1)),
                new ExchangeRateRow(eur, usd, new BigDecimal("1.09"), LocalDate.of(2026, 2, 1))));
        // EUR 45,000 on 18 February at 1.09 = USD 49,050.00 (the manager example relies on this).
        assertThat(r.convert(Money.of("45000.00", "EUR"), usd, LocalDate.of(2026, 2, 18), RoundingMode.HALF_EVEN))
                .isEqualTo(Money.of("49050.00", "USD"));
        assertThat(r.rate(eur, usd, LocalDate.of(2026, 1, 31))).contains(new BigDecimal("1.08"));
        assertThat(r.rate(usd, eur, LocalDate.of(2026, 1, 31))).isEmpty();
    }
}
