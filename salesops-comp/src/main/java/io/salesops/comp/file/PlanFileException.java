package io.salesops.comp.file;

import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * Thrown when a plan file cannot become a valid plan; carries every problem found in the file, each with
 * file, line, column and path. The message is the first problem followed by the count of the others; print
 * {@link #problems()} to show them all. Immutable and thread-safe.
 */
public final class PlanFileException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<PlanFileProblem> fileProblems;

    /** @param problems every problem found, at least one; copied */
    public PlanFileException(List<PlanFileProblem> problems) {
        super(summary(problems), problems.stream().map(PlanFileProblem::toProblem).toList());
        this.fileProblems = List.copyOf(problems);
    }

    private static String summary(List<PlanFileProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a PlanFileException needs at least one problem");
        }
        return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem"
                + (problems.size() > 2 ? "s" : "") + ")" : "");
    }

    /**
     * Every problem, as plan-file problems ({@link #problems()} gives the same in the common form).
     *
     * @return the problems in file order as found; never empty
     */
    public List<PlanFileProblem> fileProblems() {
        return fileProblems;
    }
}
