package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rolling-origin evaluation: forecast from several successive ends of the history and score each
 * forecast against what followed.
 * <pre>{@code
 * BacktestResult r = Backtest.of(series).method(Method.THETA).horizon(6).origins(4).levels(80).run();
 * double mase = r.accuracy().mase();
 * }</pre>
 *
 * <p>With {@code origins} k and horizon h the last origin leaves exactly h points out, and each earlier
 * origin one point fewer of history.
 *
 * <p>An immutable value in the java.time style: every configuring call returns a <em>new</em>
 * {@code Backtest} and leaves the receiver unchanged, so a call whose result is ignored has no effect
 * and a shared base can be reused. Thread-safe; results are immutable.
 */
public final class Backtest {

    private static final double[] DEFAULT_LEVELS = {80, 95};

    private final TimeSeries series;
    private final Method method;
    private final int horizon;
    private final int origins;
    /** Sorted, distinct percents; never handed out or changed after construction. */
    private final double[] levels;

    private Backtest(TimeSeries series, Method method, int horizon, int origins, double[] levels) {
        this.series = series;
        this.method = method;
        this.horizon = horizon;
        this.origins = origins;
        this.levels = levels;
    }

    /**
     * Starts a backtest of {@code series}.
     *
     * @param series the full history; not null
     * @return a backtest with method AUTO, one origin, levels 80 and 95 and the default horizon
     */
    public static Backtest of(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return new Backtest(series, Method.AUTO, Forecast.defaultHorizon(series.frequency()), 1, DEFAULT_LEVELS);
    }

    /**
     * Returns a copy that evaluates another method.
     *
     * @param method the method to evaluate; not null
     * @return a new backtest with this method; this one is unchanged
     */
    public Backtest method(Method method) {
        return new Backtest(series, Objects.requireNonNull(method, "method"), horizon, origins, levels);
    }

    /**
     * Returns a copy with another number of forecast steps per origin.
     *
     * @param steps forecast steps per origin, at least 1
     * @return a new backtest with this horizon; this one is unchanged
     * @throws IllegalArgumentException if below 1
     */
    public Backtest horizon(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("backtest horizon " + steps + " is below 1");
        }
        return new Backtest(series, method, steps, origins, levels);
    }

    /**
     * Returns a copy with another number of forecast origins.
     *
     * @param count number of forecast origins, at least 1
     * @return a new backtest with this many origins; this one is unchanged
     * @throws IllegalArgumentException if below 1
     */
    public Backtest origins(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("backtest origins " + count + " is below 1");
        }
        return new Backtest(series, method, horizon, count, levels);
    }

    /**
     * Returns a copy that measures the coverage of other interval levels, in percent.
     *
     * @param percents interval levels whose coverage is measured, each in (0, 100); the array is copied
     * @return a new backtest with these levels; this one is unchanged
     * @throws IllegalArgumentException if a level is not a percent above 1 and below 100 (0.95 is refused, see {@link IntervalLevels})
     */
    public Backtest levels(double... percents) {
        return new Backtest(series, method, horizon, origins, Forecast.checkedLevels(percents));
    }

    /**
     * Runs the forecasts and scores them.
     *
     * @return the pooled accuracy and each origin's forecast
     * @throws InvalidSeriesException if the series is too short for the origins and horizon, or the
     *     method cannot forecast the shortest training window
     */
    public BacktestResult run() {
        int n = series.size();
        int firstTrain = n - horizon - (origins - 1);
        if (firstTrain < 2) {
            throw new InvalidSeriesException(String.format(
                    "series \"%s\" has %d values; a backtest with %d origins and horizon %d needs at least %d",
                    series.name(), n, origins, horizon, horizon + origins + 1));
        }
        List<ForecastResult> forecasts = new ArrayList<>();
        int total = origins * horizon;
        double[] actual = new double[total];
        double[] predicted = new double[total];
        double[] scaledError = new double[total];
        Map<Double, double[][]> bounds = new TreeMap<>();
        for (double level : levels) {
            bounds.put(level, new double[2][total]);
        }
        int k = 0;
        for (int o = 0; o < origins; o++) {
            TimeSeries train = series.head(firstTrain + o);
            ForecastResult r = Forecast.of(train).method(method).horizon(horizon).levels(levels).run();
            forecasts.add(r);
            double[] history = train.values();
            int lag = history.length > series.frequency() ? series.frequency() : 1;
            double scale = 0;
            for (int t = lag; t < history.length; t++) {
                scale += Math.abs(history[t] - history[t - lag]);
            }
            scale = history.length > lag ? scale / (history.length - lag) : Double.NaN;
            for (int i = 0; i < horizon; i++) {
                actual[k] = series.get(train.size() + i);
                predicted[k] = r.point(i + 1);
                scaledError[k] = Math.abs(actual[k] - predicted[k]) / scale;
                for (Map.Entry<Double, double[][]> e : bounds.entrySet()) {
                    PredictionInterval p = r.interval(e.getKey());
                    e.getValue()[0][k] = p.lower(i + 1);
                    e.getValue()[1][k] = p.upper(i + 1);
                }
                k++;
            }
        }
        Map<Double, Double> coverage = new TreeMap<>();
        bounds.forEach((level, b) -> coverage.put(level, ForecastMetrics.coverage(actual, b[0], b[1])));
        Accuracy accuracy = new Accuracy(total, ForecastMetrics.mae(actual, predicted),
                ForecastMetrics.rmse(actual, predicted), ForecastMetrics.mape(actual, predicted),
                ForecastMetrics.smape(actual, predicted), Arrays.stream(scaledError).average().orElse(Double.NaN),
                ForecastMetrics.wape(actual, predicted), ForecastMetrics.bias(actual, predicted), coverage);
        return new BacktestResult(series, method, horizon, accuracy, forecasts);
    }
}
