package io.salesops.comp.plan;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A draw: an advance paid in every period that overlaps {@code from..to} when earnings fall short of
 * {@code amount}. A recoverable draw's shortfall becomes a balance that later earnings above the draw (and,
 * after the draw ends, all earnings) pay back, never below an active {@link Guarantee}; a non-recoverable
 * draw is never paid back. Immutable and thread-safe.
 *
 * @param kind   recoverable or not
 * @param amount the per-period draw, positive, in the plan currency
 * @param from   first day the draw is active
 * @param to     last day the draw is active, or null for open-ended
 */
public record Draw(Kind kind, Money amount, LocalDate from, LocalDate to) {

    /** Whether the advance is paid back. */
    public enum Kind {
        /** The advance is a balance recovered from later earnings. */
        RECOVERABLE,
        /** The advance is kept. */
        NON_RECOVERABLE
    }

    /** Checks for nulls. */
    public Draw {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(from, "from");
    }

    /** @return true if the draw is active in any day from {@code start} to {@code end} */
    public boolean activeDuring(LocalDate start, LocalDate end) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }
}
