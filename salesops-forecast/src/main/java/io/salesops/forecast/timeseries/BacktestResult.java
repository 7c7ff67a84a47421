package io.salesops.forecast.timeseries;

import java.util.List;

/**
 * The outcome of a {@link Backtest}: pooled accuracy and the forecast made at each origin (oldest
 * origin first). Immutable and thread-safe; nothing returned is null.
 */
public final class BacktestResult {

    private final TimeSeries series;
    private final Method method;
    private final int horizon;
    private final Accuracy accuracy;
    private final List<ForecastResult> forecasts;

    BacktestResult(TimeSeries series, Method method, int horizon, Accuracy accuracy, List<ForecastResult> forecasts) {
        this.series = series;
        this.method = method;
        this.horizon = horizon;
        this.accuracy = accuracy;
        this.forecasts = List.copyOf(forecasts);
    }

    /** @return the full series that was backtested */
    public TimeSeries series() {
        return series;
    }

    /** @return the method evaluated */
    public Method method() {
        return method;
    }

    /** @return forecast steps per origin */
    public int horizon() {
        return horizon;
    }

    /** @return accuracy pooled over all origins and steps */
    public Accuracy accuracy() {
        return accuracy;
    }

    /** @return the forecast made at each origin, oldest first */
    public List<ForecastResult> forecasts() {
        return forecasts;
    }

    @Override
    public String toString() {
        return "BacktestResult[" + series.name() + ", " + method + ", " + forecasts.size() + " origins, sMAPE "
                + accuracy.smape() + "]";
    }
}
