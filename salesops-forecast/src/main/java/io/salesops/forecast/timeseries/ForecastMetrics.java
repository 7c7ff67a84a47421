package io.salesops.forecast.timeseries;

import java.util.Objects;

/**
 * Accuracy measures of forecasts against actuals, as defined by Hyndman and Koehler (2006) and the M3/M4
 * competitions. All take arrays of equal, non-zero length.
 *
 * <p>Stateless and thread-safe. Arguments must not be null; unequal or empty arrays throw
 * {@link IllegalArgumentException}.
 */
public final class ForecastMetrics {

    private ForecastMetrics() {
    }

    /**
     * Mean absolute error.
     *
     * @param actual   the observed values, not empty
     * @param forecast the forecasts, one per actual, in the same order
     * @return mean |a - f|, 0 or more, in the units of the data
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    /**
     * Root mean squared error.
     *
     * @param actual   the observed values, not empty
     * @param forecast the forecasts, one per actual, in the same order
     * @return sqrt(mean (a - f)<sup>2</sup>), 0 or more, in the units of the data
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double rmse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }
        return Math.sqrt(s / actual.length);
    }

    /**
     * Mean absolute percentage error.
     *
     * @param actual   the observed values, not empty; a 0 makes the result infinite (NaN if its forecast is 0 too)
     * @param forecast the forecasts, one per actual, in the same order
     * @return 100 mean |a - f| / |a|, in percent (12.5 means 12.5%), 0 or more
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double mape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
        }
        return 100 * s / actual.length;
    }

    /**
     * Symmetric mean absolute percentage error, in the M3 competition's form.
     *
     * @param actual   the observed values, not empty
     * @param forecast the forecasts, one per actual, in the same order
     * @return 200 mean |a - f| / (|a| + |f|), in percent, 0 to 200; a term with a = f = 0 counts 0
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i]) + Math.abs(forecast[i]);
            s += d == 0 ? 0 : Math.abs(actual[i] - forecast[i]) / d;
        }
        return 200 * s / actual.length;
    }

    /**
     * Mean absolute scaled error: MAE divided by the in-sample MAE of the seasonal naive forecast
     * (lag {@code period}; use 1 for non-seasonal data).
     *
     * @param actual   the observed values, not empty
     * @param forecast the forecasts, one per actual, in the same order
     * @param insample the history the forecast was made from, longer than {@code period}; not null
     * @param period   the seasonal lag in observations, at least 1 (12 for monthly data with a yearly season)
     * @return the MASE, 0 or more: below 1 beats the in-sample seasonal naive forecast; infinite (or NaN) if
     *         the history is exactly periodic
     * @throws IllegalArgumentException if the lengths differ or are 0, {@code period < 1}, or the history has
     *                                  no more than {@code period} values
     */
    public static double mase(double[] actual, double[] forecast, double[] insample, int period) {
        check(actual, forecast);
        Objects.requireNonNull(insample, "insample");
        if (period < 1 || insample.length <= period) {
            throw new IllegalArgumentException("MASE needs more than " + period + " in-sample values, got "
                    + insample.length);
        }
        double s = 0;
        for (int t = period; t < insample.length; t++) {
            s += Math.abs(insample[t] - insample[t - period]);
        }
        return mae(actual, forecast) / (s / (insample.length - period));
    }

    /**
     * Weighted absolute percentage error: the total error as a share of the total actual, so large periods
     * weigh more and a zero actual is harmless.
     *
     * @param actual   the observed values, not empty
     * @param forecast the forecasts, one per actual, in the same order
     * @return 100 sum |a - f| / sum |a|, in percent, 0 or more; infinite (or NaN) if every actual is 0
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double wape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double num = 0;
        double den = 0;
        for (int i = 0; i < actual.length; i++) {
            num += Math.abs(actual[i] - forecast[i]);
            den += Math.abs(actual[i]);
        }
        return 100 * num / den;
    }

    /**
     * Mean error, signed.
     *
     * @param actual   the observed values, not empty
     * @param forecast the forecasts, one per actual, in the same order
     * @return mean (f - a), in the units of the data: positive when forecasts run high, negative when low
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double bias(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += forecast[i] - actual[i];
        }
        return s / actual.length;
    }

    /**
     * Empirical coverage of prediction intervals, to compare with their nominal level.
     *
     * @param actual the observed values, not empty
     * @param lower  the intervals' lower bounds, one per actual
     * @param upper  the intervals' upper bounds, one per actual
     * @return the fraction of actuals within [lower, upper], bounds included, 0 to 1 (0.8 for 80%)
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        check(actual, lower);
        check(actual, upper);
        int inside = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
                inside++;
            }
        }
        return (double) inside / actual.length;
    }

    private static void check(double[] a, double[] b) {
        Objects.requireNonNull(a, "actual");
        Objects.requireNonNull(b, "forecast");
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " actuals but " + b.length + " forecasts");
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("no values to score");
        }
    }
}
