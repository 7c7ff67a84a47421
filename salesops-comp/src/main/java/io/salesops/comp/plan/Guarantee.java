package io.salesops.comp.plan;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A guarantee: while active, net pay in a period is topped up to at least {@code amount}; the top-up is
 * never recovered, and draw recovery never takes net pay below it. Immutable and thread-safe.
 *
 * @param amount the minimum net pay per period, in the plan currency
 * @param from   first day the guarantee is active
 * @param to     last day the guarantee is active, or null for open-ended
 */
public record Guarantee(Money amount, LocalDate from, LocalDate to) {
    /**
     * Checks for nulls; the amount's sign and currency and the order of the dates are checked by plan
     * validation.
     *
     * @param amount the minimum net pay per period
     * @param from   first day the guarantee is active
     * @param to     last day the guarantee is active, or null for open-ended
     * @throws NullPointerException if {@code amount} or {@code from} is null
     */
    public Guarantee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(from, "from");
    }

    /**
     * Whether the guarantee overlaps a span of days.
     *
     * @param start the span's first day, inclusive
     * @param end   the span's last day, inclusive
     * @return true if the guarantee is active on any day from {@code start} to {@code end}
     */
    public boolean activeDuring(LocalDate start, LocalDate end) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }
}
