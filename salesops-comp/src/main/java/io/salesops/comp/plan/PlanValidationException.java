package io.salesops.comp.plan;

import java.util.List;

/**
 * Thrown when a plan has problems; carries every problem found, not only the first. Immutable and thread-safe.
 */
public final class PlanValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> problems;

    /** @param planName the plan @param problems every problem found, at least one */
    public PlanValidationException(String planName, List<PlanProblem> problems) {
        super("plan \"" + planName + "\" is invalid: " + String.join("; ", problems.stream().map(Object::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<PlanProblem> problems() {
        return problems;
    }
}
