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

    /** Copies the coverage map. */
    public Accuracy {
        coverage = Collections.unmodifiableMap(new TreeMap<>(coverage));
    }
}
