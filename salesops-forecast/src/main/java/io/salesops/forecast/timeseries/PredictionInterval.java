package io.salesops.forecast.timeseries;

import java.util.Objects;

/**
 * Lower and upper bounds of a prediction interval, one pair per forecast step.
 *
 * <p>Immutable: arrays are copied in and out. Thread-safe.
 *
 * @param level the nominal coverage in percent, above 1 and below 100 (see {@link IntervalLevels})
 * @param lower lower bounds, step 1 first; not null
 * @param upper upper bounds, same length as {@code lower}; not null
 */
public record PredictionInterval(double level, double[] lower, double[] upper) {

    /**
     * Validates and copies.
     *
     * @param level the nominal coverage in percent, above 1 and below 100, e.g. 80 for an 80% interval
     * @param lower lower bounds, step 1 first; copied
     * @param upper upper bounds, same length as {@code lower}; copied
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if the level is not above 1 and below 100, or the arrays differ in length
     */
    public PredictionInterval {
        IntervalLevels.check(level);
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.length != upper.length) {
            throw new IllegalArgumentException(
                    "interval has " + lower.length + " lower bounds but " + upper.length + " upper bounds");
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** @return a copy of the lower bounds */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** @return a copy of the upper bounds */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /**
     * @param step 1-based forecast step
     * @return the lower bound at that step
     * @throws ArrayIndexOutOfBoundsException if {@code step} is not in 1..the number of steps
     */
    public double lower(int step) {
        return lower[step - 1];
    }

    /**
     * @param step 1-based forecast step
     * @return the upper bound at that step
     * @throws ArrayIndexOutOfBoundsException if {@code step} is not in 1..the number of steps
     */
    public double upper(int step) {
        return upper[step - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PredictionInterval p && p.level == level
                && java.util.Arrays.equals(p.lower, lower) && java.util.Arrays.equals(p.upper, upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, java.util.Arrays.hashCode(lower), java.util.Arrays.hashCode(upper));
    }

    @Override
    public String toString() {
        return "PredictionInterval[" + level + "%, " + lower.length + " steps]";
    }
}
