package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.util.Objects;

/**
 * What one rep booked in one period: a row of the bookings history that historical shares and seasonality are
 * learned from. Immutable and thread-safe.
 *
 * @param repId  the rep, non-blank
 * @param period the period
 * @param amount the amount booked (may be negative after reversals)
 */
public record Bookings(String repId, Period period, Money amount) {
    /**
     * Checks the fields.
     *
     * @param repId  the rep, non-blank
     * @param period the period
     * @param amount the amount booked (may be negative after reversals)
     * @throws IllegalArgumentException if the rep id is blank
     */
    public Bookings {
        if (repId == null || repId.isBlank()) {
            throw new IllegalArgumentException("bookings row has a blank rep id");
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
    }
}
