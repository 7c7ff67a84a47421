package io.salesops.forecast.timeseries;

/**
 * Thrown when a time series cannot be built or cannot be forecast by the requested method: a gap, a
 * duplicate period, a value that is not finite, a series too short for its season, or a non-positive
 * value where a multiplicative model needs positive ones. The message names the series and the period.
 *
 * <p>Extends {@link IllegalArgumentException} so callers that treat bad input generically keep working.
 */
public class InvalidSeriesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, naming the series, the period and the rule broken; not null
     */
    public InvalidSeriesException(String message) {
        super(message);
    }
}
