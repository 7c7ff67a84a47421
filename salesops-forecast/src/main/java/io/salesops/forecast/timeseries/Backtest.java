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
 * origin one point fewer of history. A builder: not thread-safe; results are immutable.
 */
public final class Backtest {

    private final TimeSeries series;
    private Method method = Method.AUTO;
    private int horizon;
    private int origins = 1;
    private double[] levels = {80, 95};

    private Backtest(TimeSeries series) {
        this.series = series;
        this.horizon = Forecast.defaultHorizon(series.frequency());
    }

    /**
     * @param series the full history; not null
     * @return a builder with method AUTO, one origin, levels 80 and 95 and the default horizon
     */
    public static Backtest of(TimeSeries series) {
        return new Backtest(Objects.requireNonNull(series, "series"));
    }

    /**
     * @param method the method to evaluate; not null
     * @return this builder
     */
    public Backtest method(Method method) {
        this.method = Objects.requireNonNull(method, "method");
        return this;
    }

    /**
     * @param steps forecast steps per origin, at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Backtest horizon(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("backtest horizon " + steps + " is below 1");
        }
        this.horizon = steps;
        return this;
    }

    /**
     * @param count number of forecast origins, at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Backtest origins(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("backtest origins " + count + " is below 1");
        }
        this.origins = count;
        return this;
    }

    /**
     * @param percents interval levels whose coverage is measured, each in (0, 100)
     * @return this builder
     * @throws IllegalArgumentException if a level is outside (0, 100)
     */
    public Backtest levels(double... percents) {
        Forecast.of(series).levels(percents);
        this.levels = percents.clone();
        return this;
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
