/**
 * Pipeline forecasts: what the open opportunities will book in a period, deal by deal and rolled up by owner,
 * team or any grouping. {@link io.salesops.forecast.pipeline.PipelineForecast} is the entry point (an immutable
 * description that copies on every call); its {@link io.salesops.forecast.pipeline.ForecastReport} explains every
 * figure ({@link io.salesops.forecast.pipeline.DealForecast#explain()}: amount, P(win) and P(close in period),
 * each with its source), with commit and best-case views and optional simulated ranges.
 */
package io.salesops.forecast.pipeline;
