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

    /** @return mean absolute error, mean |a - f| */
    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    /** @return root mean squared error */
    public static double rmse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += (actual[i] - forecast[i]) * (actual[i] - forecast[i]);
        }
        return Math.sqrt(s / actual.length);
    }

    /** @return mean absolute percentage error in percent, 100 mean |a - f| / |a|; infinite if an actual is 0 */
    public static double mape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
        }
        return 100 * s / actual.length;
    }

    /** @return symmetric MAPE in percent (M3 form), 200 mean |a - f| / (|a| + |f|); a term with a = f = 0 counts 0 */
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
     * @param insample the history the forecast was made from, longer than {@code period}
     * @return the MASE; infinite if the history is exactly periodic
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

    /** @return weighted APE in percent, 100 sum |a - f| / sum |a| */
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

    /** @return mean error f - a: positive when forecasts run high */
    public static double bias(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += forecast[i] - actual[i];
        }
        return s / actual.length;
    }

    /** @return the fraction (0..1) of actuals within [lower, upper], bounds included */
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
