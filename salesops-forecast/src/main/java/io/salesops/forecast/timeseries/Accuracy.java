package io.salesops.forecast.timeseries;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of a set of forecasts against actuals, pooled over all scored points (see
 * {@link ForecastMetrics} for the definitions). MASE scales each error by the seasonal naive in-sample
 * MAE of the history its forecast was made from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param points the number of scored points
 * @param mae mean absolute error
 * @param rmse root mean squared error
 * @param mape mean absolute percentage error, percent (infinite if an actual is 0)
 * @param smape symmetric MAPE, percent
 * @param mase mean absolute scaled error
 * @param wape weighted absolute percentage error, percent
 * @param bias mean of forecast minus actual
 * @param coverage share of actuals inside the interval, 0..1, by level in percent; unmodifiable, not null
 */
public record Accuracy(int points, double mae, double rmse, double mape, double smape, double mase, double wape,
        double bias, Map<Double, Double> coverage) {

    /**
     * Copies the coverage map, sorted by level.
     *
     * @param points   the number of scored points, 0 or more
     * @param mae      mean absolute error, in the units of the data
     * @param rmse     root mean squared error, in the units of the data
     * @param mape     mean absolute percentage error, percent
     * @param smape    symmetric MAPE, percent, 0 to 200
     * @param mase     mean absolute scaled error, below 1 when better than the seasonal naive forecast
     * @param wape     weighted absolute percentage error, percent
     * @param bias     mean of forecast minus actual, in the units of the data
     * @param coverage share of actuals inside the interval, 0 to 1, keyed by level in percent (e.g. 80.0); copied
     * @throws NullPointerException if {@code coverage} is null or holds a null key
     */
    public Accuracy {
        coverage = Collections.unmodifiableMap(new TreeMap<>(coverage));
    }
}
