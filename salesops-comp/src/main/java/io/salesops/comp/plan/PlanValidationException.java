package io.salesops.comp.plan;

import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * Thrown when a plan has problems; carries every problem found, not only the first. Immutable and thread-safe.
 */
public final class PlanValidationException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> planProblems;

    /**
     * An exception whose message names the plan and lists every problem.
     *
     * @param planName the plan's name
     * @param problems every problem found, at least one; copied
     * @throws NullPointerException if {@code problems} is null or holds a null
     */
    public PlanValidationException(String planName, List<PlanProblem> problems) {
        super("plan \"" + planName + "\" is invalid: " + String.join("; ", problems.stream().map(Object::toString).toList()),
                problems.stream().map(PlanProblem::toProblem).toList());
        this.planProblems = List.copyOf(problems);
    }

    /**
     * Every problem found, as plan problems ({@link #problems()} gives the same in the common form).
     *
     * @return the problems in plan order; never empty
     */
    public List<PlanProblem> planProblems() {
        return planProblems;
    }
}
