/**
 * Forecasts of regular time series (monthly, quarterly, yearly bookings): exponential smoothing
 * (ETS state-space models, Hyndman et al. 2008), the Theta method, trend-and-season regression and
 * combinations of them, each with prediction intervals, plus rolling-origin backtests.
 *
 * <p>Entry points: {@link io.salesops.forecast.timeseries.TimeSeries} for the data,
 * {@link io.salesops.forecast.timeseries.Forecast} for one series,
 * {@link io.salesops.forecast.timeseries.BatchForecast} for many, and
 * {@link io.salesops.forecast.timeseries.Backtest} for accuracy.
 */
package io.salesops.forecast.timeseries;
