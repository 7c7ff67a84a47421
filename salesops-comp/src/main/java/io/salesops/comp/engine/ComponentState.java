package io.salesops.comp.engine;

import io.salesops.core.money.Money;
import java.util.Objects;

/**
 * What one component carries into the next period of the same fiscal year. Immutable and thread-safe.
 *
 * @param ytdMeasure credited amount year to date (after attainment reductions for clawbacks)
 * @param ytdCount   credits counted year to date
 * @param ytdGross   pay computed year to date before caps, which a cumulative retroactive rule trues up against
 * @param ytdEarned  pay year to date after caps and clawbacks, which a yearly cap limits
 */
public record ComponentState(Money ytdMeasure, long ytdCount, Money ytdGross, Money ytdEarned) {
    /**
     * Checks for nulls.
     *
     * @param ytdMeasure credited amount year to date, in the plan currency
     * @param ytdCount   credits counted year to date, 0 or more
     * @param ytdGross   pay computed year to date before caps
     * @param ytdEarned  pay year to date after caps and clawbacks
     * @throws NullPointerException if a money argument is null
     */
    public ComponentState {
        Objects.requireNonNull(ytdMeasure, "ytdMeasure");
        Objects.requireNonNull(ytdGross, "ytdGross");
        Objects.requireNonNull(ytdEarned, "ytdEarned");
    }
}
