/**
 * Ordinary and weighted least squares: {@link io.salesops.forecast.regression.LinearRegression} fits by
 * Householder QR with iterative refinement, reports coefficients with standard errors, t and p values
 * ({@link io.salesops.forecast.regression.RegressionResult}), predicts with confidence and prediction intervals,
 * and refuses a rank-deficient design by naming the column
 * ({@link io.salesops.forecast.regression.RankDeficientException}).
 */
package io.salesops.forecast.regression;
