package io.salesops.forecast.timeseries;

/**
 * The one unit of interval and confidence levels in salesops: percent, as in {@code levels(80, 95)},
 * {@code predict(x, 95)}, {@code --level 80,95} and the server's {@code "level": 95}.
 *
 * <p>A level written as a fraction ({@code 0.95}) has two readings, a 95% interval or a 0.95% one, and a level
 * of 1 either 1% or 100%. Neither is silently taken: a level must be above 1 and below 100, and one at or below 1
 * is refused with a message naming both readings. Stateless and thread-safe.
 */
public final class IntervalLevels {

    private IntervalLevels() {
    }

    /**
     * Checks one level in percent.
     *
     * @param percent the level, e.g. {@code 95} for a 95% interval
     * @return {@code percent}
     * @throws IllegalArgumentException if it is not above 1 and below 100; at or below 1 the message says it reads
     *                                  as a fraction and shows the percent to write
     */
    public static double check(double percent) {
        if (percent > 0 && percent <= 1) {
            throw new IllegalArgumentException("interval level " + percent + " reads two ways, as a fraction ("
                    + trim(percent * 100) + "%) or as " + trim(percent) + "%; levels are percents: write "
                    + trim(percent * 100) + " for a " + trim(percent * 100) + "% interval");
        }
        if (!(percent > 1 && percent < 100)) {
            throw new IllegalArgumentException("interval level " + percent + " is not a percent above 1 and below 100,"
                    + " e.g. 80 or 95");
        }
        return percent;
    }

    private static String trim(double v) {
        double r = Math.round(v * 1e6) / 1e6;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
