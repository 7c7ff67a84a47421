package io.salesops.comp.plan;

import io.salesops.core.problem.Problem;
import java.util.Objects;

/**
 * One problem found in a plan. Immutable and thread-safe.
 *
 * @param path    where, e.g. {@code components[2].tiers[1].upTo}
 * @param message what is wrong, naming the value and the rule
 */
public record PlanProblem(String path, String message) {
    /**
     * Checks for nulls.
     *
     * @param path    where in the plan, e.g. {@code components[2].pay.tiers[1].upTo}
     * @param message what is wrong, naming the value and the rule
     * @throws NullPointerException if either is null
     */
    public PlanProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * This problem in the common form shared by every salesops module.
     *
     * @return a problem with this path and message and no source file
     */
    public Problem toProblem() {
        return Problem.at(path, message);
    }

    /** @return {@code path: message} */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
