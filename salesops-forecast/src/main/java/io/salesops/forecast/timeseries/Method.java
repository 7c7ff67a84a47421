package io.salesops.forecast.timeseries;

/**
 * Forecasting methods. Every method gives point forecasts and prediction intervals.
 */
public enum Method {
    /**
     * The recommended default: currently {@link #COMBO}, the combination of ETS, Theta and damped trend,
     * which beat every single method on the M3 monthly data (see docs/timeseries.md). Series too short
     * for a method fall back to simpler forms, and the result says so.
     */
    AUTO,
    /** Mean of the forecasts (and of the interval bounds) of {@link #ETS}, {@link #THETA} and {@link #DAMPED}. */
    COMBO,
    /** Exponential smoothing state-space model; the form is chosen by AICc unless one is given. */
    ETS,
    /** The Theta method (SES with drift) on classically seasonally adjusted data. */
    THETA,
    /** Damped-trend exponential smoothing ETS(A,Ad,N) on seasonally adjusted data. */
    DAMPED,
    /** Simple exponential smoothing ETS(A,N,N) on seasonally adjusted data. */
    SES,
    /** Holt's linear trend ETS(A,A,N) on seasonally adjusted data. */
    HOLT,
    /** Least squares on a linear trend, seasonal dummies and optional external regressors. */
    REGRESSION,
    /** The last value, repeated. */
    NAIVE,
    /** The value one season earlier, repeated season by season. */
    SEASONAL_NAIVE
}
