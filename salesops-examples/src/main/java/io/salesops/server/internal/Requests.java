package io.salesops.server.internal;

import java.util.List;
import java.util.Map;

/** The JSON request bodies of the endpoints. Unknown fields are rejected (see {@link Json}). */
public final class Requests {

    private Requests() {
    }

    /**
     * {@code POST /v1/regression}.
     *
     * @param data      columns by name, each an array of numbers of the same length
     * @param y         the response column
     * @param x         regressor columns
     * @param poly      polynomial terms {@code COL:DEGREE}
     * @param weights   a column of positive weights, or null
     * @param intercept whether to fit an intercept (default true)
     * @param level     confidence level of the coefficient intervals (default 0.95)
     */
    public record Regression(Map<String, List<Double>> data, String y, List<String> x, List<String> poly,
                             String weights, Boolean intercept, Double level) {
    }

    /**
     * {@code POST /v1/forecast/trend}.
     *
     * @param series  the series, each with its periods and values
     * @param horizon steps to forecast (default: 2 seasons, as the CLI)
     * @param method  auto, combo, ets, theta, regression, damped, ses, holt, naive, snaive (default auto)
     * @param levels  prediction interval levels in percent (default 80, 95)
     */
    public record Trend(List<TrendSeries> series, Integer horizon, String method, List<Double> levels) {
    }

    /**
     * One series of a trend request.
     *
     * @param name      the series name
     * @param frequency 1, 4 or 12; detected from the periods when absent
     * @param periods   period labels such as {@code 2024-01}, {@code 2024-Q1}, {@code 2024} or ISO dates
     * @param values    one value per period
     */
    public record TrendSeries(String name, Integer frequency, List<String> periods, List<Double> values) {
    }
}
