package io.salesops.forecast.kpi;

import java.util.OptionalDouble;

/**
 * How evenly a group (an owner, a territory, ...) booked over the periods it was active in: the coefficient of
 * variation (population standard deviation / mean) of its bookings per period. Lower is more consistent; 0 is
 * the same amount every period. A group is active from the period of its first deal (created or closed; the
 * window's first period if earlier) to the period of its last, so a rep who joined or left mid-window is not
 * judged on periods before or after; periods in between with no bookings count as zero. Immutable and
 * thread-safe.
 *
 * @param activePeriods          periods of the window the group was active in
 * @param coefficientOfVariation empty if fewer than 2 active periods or nothing booked in them
 */
public record BookingsConsistency(int activePeriods, OptionalDouble coefficientOfVariation) {

    /** @return why the coefficient is empty ("fewer than 2 periods", "no bookings"), or "" if it is not */
    public String note() {
        if (activePeriods < 2) {
            return "fewer than 2 periods";
        }
        return coefficientOfVariation.isEmpty() ? "no bookings" : "";
    }
}
