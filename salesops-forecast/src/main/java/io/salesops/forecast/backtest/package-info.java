/**
 * Backtests of the pipeline forecast: each past period forecast from the pipeline as it stood on its first day
 * and compared with what was actually won in it, next to a run-rate baseline.
 * {@link io.salesops.forecast.backtest.PipelineBacktest} is the entry point.
 */
package io.salesops.forecast.backtest;
