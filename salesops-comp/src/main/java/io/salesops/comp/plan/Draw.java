package io.salesops.comp.plan;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A draw: an amount per period that overlaps {@code from..to}, set against the period's earnings.
 *
 * <p>{@link Timing#TOP_UP} (the default): nothing is paid up front; at period end, earnings short of
 * {@code amount} are topped up to it. {@link Timing#IN_ADVANCE}: {@code amount} is paid at the start of every
 * period and deducted from that period's earnings at its end, so 8,400 earned against a 4,000 draw nets
 * 4,400. Either way, a recoverable draw's shortfall (draw minus earnings) becomes a balance that later
 * earnings above the draw (and, after the draw ends, all earnings) pay back, never below an active
 * {@link Guarantee}; a non-recoverable draw's shortfall is forgiven. Immutable and thread-safe.
 *
 * @param kind   recoverable or not
 * @param amount the per-period draw, zero or more, in the plan currency (both checked by plan validation)
 * @param from   first day the draw is active
 * @param to     last day the draw is active, or null for open-ended
 * @param timing topped up at period end, or paid in advance and deducted
 */
public record Draw(Kind kind, Money amount, LocalDate from, LocalDate to, Timing timing) {

    /** When the draw is paid. */
    public enum Timing {
        /** Paid at period end, only as far as earnings fall short of the draw. */
        TOP_UP,
        /** Paid in full at the start of the period and deducted from the period's earnings at its end. */
        IN_ADVANCE
    }

    /**
     * A draw topped up at period end ({@link Timing#TOP_UP}).
     *
     * @param kind   recoverable or not
     * @param amount the per-period draw, in the plan currency
     * @param from   first day the draw is active
     * @param to     last day the draw is active, or null for open-ended
     * @throws NullPointerException if {@code kind}, {@code amount} or {@code from} is null
     */
    public Draw(Kind kind, Money amount, LocalDate from, LocalDate to) {
        this(kind, amount, from, to, Timing.TOP_UP);
    }

    /** Whether the advance is paid back. */
    public enum Kind {
        /** The advance is a balance recovered from later earnings. */
        RECOVERABLE,
        /** The advance is kept. */
        NON_RECOVERABLE
    }

    /**
     * Checks for nulls; the amount's sign and currency and the order of the dates are checked by plan
     * validation.
     *
     * @param kind   recoverable or not
     * @param amount the per-period draw
     * @param from   first day the draw is active
     * @param to     last day the draw is active, or null for open-ended
     * @param timing topped up at period end, or paid in advance and deducted
     * @throws NullPointerException if any argument but {@code to} is null
     */
    public Draw {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timing, "timing");
    }

    /**
     * A copy paid another way.
     *
     * @param newTiming when the draw is paid
     * @return a new draw, equal to this one but for its timing
     * @throws NullPointerException if {@code newTiming} is null
     */
    public Draw withTiming(Timing newTiming) {
        return new Draw(kind, amount, from, to, newTiming);
    }

    /**
     * Whether the draw overlaps a span of days.
     *
     * @param start the span's first day, inclusive
     * @param end   the span's last day, inclusive
     * @return true if the draw is active on any day from {@code start} to {@code end}
     */
    public boolean activeDuring(LocalDate start, LocalDate end) {
        return !from.isAfter(end) && (to == null || !to.isBefore(start));
    }
}
