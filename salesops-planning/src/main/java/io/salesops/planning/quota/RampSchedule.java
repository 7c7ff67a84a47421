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

    /** Validates the values. @throws IllegalArgumentException naming the month whose value is outside 0..100 */
    public RampSchedule {
        monthly = List.copyOf(monthly);
        for (int i = 0; i < monthly.size(); i++) {
            if (!monthly.get(i).isProbability()) {
                throw new IllegalArgumentException("ramp for tenure month " + (i + 1) + " is " + monthly.get(i)
                        + ", outside 0%..100%");
            }
        }
    }

    /** No ramp: every rep is fully productive from the start date. */
    public static RampSchedule none() {
        return new RampSchedule(List.of());
    }

    /** A schedule from percentages: {@code of("25", "50", "75")}. */
    public static RampSchedule of(String... percents) {
        return new RampSchedule(java.util.Arrays.stream(percents).map(Percent::of).toList());
    }

    /** @return the productivity in tenure month {@code month} (1-based); 100% past the schedule, 0% before 1 */
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
