package io.salesops.io;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * One published exchange rate: one unit of {@code from} is worth {@code rate} units of {@code to} from
 * {@code effectiveDate} until the next rate of the pair. Immutable and thread-safe.
 *
 * @param from          source currency
 * @param to            target currency, not {@code from}
 * @param rate          positive, at most 12 decimals
 * @param effectiveDate first day the rate applies
 */
public record ExchangeRateRow(Currency from, Currency to, BigDecimal rate, LocalDate effectiveDate) {
    /**
     * Validates the fields.
     *
     * @param from          source currency; not null
     * @param to            target currency, not {@code from}; not null
     * @param rate          units of {@code to} per unit of {@code from}, positive; not null
     * @param effectiveDate first day the rate applies; not null
     * @throws IllegalArgumentException naming the pair and the rule
     * @throws NullPointerException     if a field is null
     */
    public ExchangeRateRow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        if (from.equals(to)) {
            throw new IllegalArgumentException("exchange rate from " + from + " to itself");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("exchange rate " + rate.toPlainString() + " is not positive");
        }
    }
}
