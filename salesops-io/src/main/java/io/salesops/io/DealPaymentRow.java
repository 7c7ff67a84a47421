package io.salesops.io;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a collections file: a payment a customer made against a deal, and the line it was read from.
 * Immutable and thread-safe.
 *
 * @param dealId the deal's id, as in the credits' {@code deal_id}; non-blank
 * @param date   the day the payment was received
 * @param amount the amount received, zero or more, in the deal's currency
 * @param line   the file line of the row, 1 for the header
 */
public record DealPaymentRow(String dealId, LocalDate date, Money amount, long line) {
    /**
     * Checks for nulls (the reader checks the rest: blank cells and negative amounts are problems of their row).
     *
     * @param dealId the deal's id; not null
     * @param date   the day received; not null
     * @param amount the amount; not null
     * @param line   the file line of the row
     * @throws NullPointerException on a null deal id, date or amount
     */
    public DealPaymentRow {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
