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
}
