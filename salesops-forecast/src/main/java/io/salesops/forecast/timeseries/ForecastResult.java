package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link Forecast}: point forecasts, prediction intervals per level, the model used
 * with its fitted parameters, in-sample fitted values and a sentence on why that model was used.
 *
 * <p>Immutable and thread-safe; arrays are copied on the way out. Nothing returned is null.
 */
public final class ForecastResult {

    private final TimeSeries series;
    private final Method method;
    private final String model;
    private final Map<String, Double> parameters;
    private final double[] points;
    private final List<PredictionInterval> intervals;
    private final double[] fitted;
    private final String explanation;

    ForecastResult(TimeSeries series, Method method, String model, Map<String, Double> parameters, double[] points,
            List<PredictionInterval> intervals, double[] fitted, String explanation) {
        this.series = series;
        this.method = method;
        this.model = model;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.points = points.clone();
        this.intervals = List.copyOf(intervals);
        this.fitted = fitted.clone();
        this.explanation = explanation;
    }

    /** @return the series that was forecast */
    public TimeSeries series() {
        return series;
    }

    /** @return the method requested */
    public Method method() {
        return method;
    }

    /** @return the model actually fitted, e.g. {@code ETS(M,Ad,M)} or {@code Combination(...)} */
    public String model() {
        return model;
    }

    /** @return fitted parameters by name (smoothing weights, initial states, sigma, AICc, ...); unmodifiable */
    public Map<String, Double> parameters() {
        return parameters;
    }

    /** @return the number of forecast steps */
    public int horizon() {
        return points.length;
    }

    /** @return a copy of the point forecasts, step 1 first */
    public double[] points() {
        return points.clone();
    }

    /**
     * @param step 1-based step
     * @return the point forecast for that step
     */
    public double point(int step) {
        return points[step - 1];
    }

    /** @return the prediction intervals, by increasing level */
    public List<PredictionInterval> intervals() {
        return intervals;
    }

    /**
     * @param level a level requested from the builder, in percent
     * @return the interval at that level
     * @throws IllegalArgumentException if that level was not requested
     */
    public PredictionInterval interval(double level) {
        for (PredictionInterval p : intervals) {
            if (p.level() == level) {
                return p;
            }
        }
        throw new IllegalArgumentException("no " + level + "% interval; levels computed: "
                + intervals.stream().map(p -> Double.toString(p.level())).toList());
    }

    /** @return the labels of the forecast periods, e.g. {@code 2025-01, 2025-02, ...} */
    public List<String> periods() {
        List<String> labels = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            labels.add(series.periodLabel(series.size() + i));
        }
        return labels;
    }

    /** @return a copy of the one-step in-sample fitted values (NaN where the model has none) */
    public double[] fitted() {
        return fitted.clone();
    }

    /** @return why this model was used and how it was fitted */
    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return "ForecastResult[" + series.name() + ", " + model + ", " + points.length + " steps]";
    }
}
