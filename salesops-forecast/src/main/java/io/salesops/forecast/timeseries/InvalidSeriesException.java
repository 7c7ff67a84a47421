package io.salesops.forecast.timeseries;

import java.util.List;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
/**
 * Thrown when a time series cannot be built or cannot be forecast by the requested method: a gap, a
 * duplicate period, a value that is not finite, a series too short for its season, or a non-positive
 * value where a multiplicative model needs positive ones. The message names the series and the period.
 *
 * <p>A {@link SalesopsInputException} (and so an {@link IllegalArgumentException}): the series is the user's input.
 */
public class InvalidSeriesException extends SalesopsInputException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message, naming the series, the period and the rule broken; not null
     */
    public InvalidSeriesException(String message) {
        super(message, List.of(Problem.of(message)));
    }

    /**
     * Creates the exception for one located problem, e.g. a cell of a CSV file.
     *
     * @param problem the problem, naming the file, line, column and rule; not null
     */
    public InvalidSeriesException(Problem problem) {
        super(problem.toString(), List.of(problem));
    }
}
