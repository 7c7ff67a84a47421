package io.salesops.core.org;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * Thrown when an org chart breaks its rules; lists every problem found, not only the first.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrgValidationException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    /** @param problems every problem found, each naming the rep and the rule */
    public OrgValidationException(List<String> problems) {
        super("org chart is invalid: " + String.join("; ", problems), problems.stream().map(Problem::of).toList());
    }

    /**
     * Every problem's message ({@link #problems()} gives the same as {@link Problem}s).
     *
     * @return the messages, each naming the rep and the rule; never empty
     */
    public List<String> messages() {
        return problems().stream().map(Problem::message).toList();
    }
}
