package io.salesops.forecast.regression;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * Thrown when a regressor is (numerically) a linear combination of the regressors before it, so
 * its coefficient cannot be estimated. The message names the column, the columns it depends on
 * and the combination; {@link #column()} and {@link #dependsOn()} give them to code.
 *
 * <p>Immutable.
 */
public final class RankDeficientException extends SalesopsInputException {

    private static final long serialVersionUID = 1L;

    /** The offending column's name. */
    private final String column;
    /** The earlier columns it is a combination of; unmodifiable. */
    private final List<String> dependsOn;

    /**
     * @param column    the offending column's name
     * @param dependsOn the earlier columns it is a combination of (empty when it is zero)
     * @param message   the full explanation
     */
    public RankDeficientException(String column, List<String> dependsOn, String message) {
        super(message, List.of(Problem.at(column, message)));
        this.column = column;
        this.dependsOn = List.copyOf(dependsOn);
    }

    /** {@return the name of the column that is a combination of earlier ones; never null} */
    public String column() {
        return column;
    }

    /**
     * {@return the earlier columns that {@link #column()} is a combination of; unmodifiable, never null, empty
     * when the column is all zeros}
     */
    public List<String> dependsOn() {
        return dependsOn;
    }
}
