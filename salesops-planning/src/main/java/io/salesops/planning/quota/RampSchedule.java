package io.salesops.planning.quota;

import io.salesops.core.money.Percent;
import java.util.List;

/**
 * How productive a new hire is in each month of tenure, as a percentage of a fully ramped rep: month 1 is the
 * calendar month of the start date. From the month after the last one given, the rep is fully ramped (100%).
 * Immutable and thread-safe.
 *
 * @param monthly the percentage for tenure months 1, 2, ...; each in [0, 100]; copied
 */
public record RampSchedule(List<Percent> monthly) {

    /**
     * Validates the values.
     *
     * @param monthly the percentage for tenure months 1, 2, ...; each in [0, 100]; copied
     * @throws IllegalArgumentException naming the month whose value is outside 0..100
     */
    public RampSchedule {
        monthly = List.copyOf(monthly);
        for (int i = 0; i < monthly.size(); i++) {
            if (!monthly.get(i).isProbability()) {
                throw new IllegalArgumentException("ramp for tenure month " + (i + 1) + " is " + monthly.get(i)
                        + ", outside 0%..100%");
            }
        }
    }

    /**
     * No ramp: every rep is fully productive from the start date.
     *
     * @return the empty schedule
     */
    public static RampSchedule none() {
        return new RampSchedule(List.of());
    }

    /**
     * A schedule from percentages: {@code of("25", "50", "75")} is 25% in the first tenure month, 50% in the second,
     * 75% in the third and 100% from the fourth.
     *
     * @param percents the productivity of tenure months 1, 2, ... in percent, 0-100 each ({@code "50"} or
     *                 {@code "50%"}); none for no ramp; no element null
     * @return the schedule
     * @throws IllegalArgumentException if a value is not a percentage in 0-100
     */
    public static RampSchedule of(String... percents) {
        return new RampSchedule(java.util.Arrays.stream(percents).map(Percent::of).toList());
    }

    /**
     * The productivity in one tenure month.
     *
     * @param month the tenure month, 1 for the calendar month of the start date; any int
     * @return the percentage of a ramped rep's bookings; 100% past the schedule, 0% for a month before 1 (not yet
     *         started)
     */
    public Percent at(int month) {
        if (month < 1) {
            return Percent.ZERO;
        }
        return month <= monthly.size() ? monthly.get(month - 1) : Percent.HUNDRED;
    }

    /** @return the number of months in the schedule */
    public int months() {
        return monthly.size();
    }
}
