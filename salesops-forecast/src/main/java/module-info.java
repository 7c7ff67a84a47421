/**
 * Forecasts: pipeline forecasts that explain every deal, sales KPIs, pipeline backtests, least squares, and
 * time-series forecasting (exponential smoothing, Theta, combinations). Every exported package is API; the
 * implementation classes inside them are package-private. commons-math3 and EJML are implementation
 * dependencies: no exported signature mentions them.
 */
module io.salesops.forecast {
    // Transitive: the API takes and returns core types (Opportunity, Org, Quotas, Period, Money, Percent).
    requires transitive io.salesops.core;
    requires commons.math3;
    requires ejml.core;
    requires ejml.ddense;

    exports io.salesops.forecast.pipeline;
    exports io.salesops.forecast.kpi;
    exports io.salesops.forecast.backtest;
    exports io.salesops.forecast.regression;
    exports io.salesops.forecast.timeseries;
}
