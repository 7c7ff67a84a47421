package io.salesops.io;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * A file could not be imported: its header lacks required columns, or (in strict mode) a row is invalid.
 * Holds every {@link ImportProblem} found before giving up; the message lists the first 20, one per line, and
 * counts the rest. {@link #problems()} gives them in the common {@link Problem} form, {@link #importProblems()} with
 * the cell value. Immutable; the problems are not serialized (they are {@code transient}).
 */
public final class CsvImportException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;
    private static final int LISTED = 20;

    private final transient List<ImportProblem> importProblems;

    /**
     * An exception holding these problems, in the order given.
     *
     * @param problems at least one problem, located by file, line and column; copied; no null element
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public CsvImportException(List<ImportProblem> problems) {
        super(message(problems), problems.stream().map(ImportProblem::toProblem).toList());
        this.importProblems = List.copyOf(problems);
    }

    private static String message(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a CsvImportException needs at least one problem");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            sb.append("\n... and ").append(problems.size() - LISTED).append(" more problems");
        }
        return sb.toString();
    }

    /**
     * Every problem found, with the offending cell value and the column's header name.
     *
     * @return the problems in file order; never empty
     */
    public List<ImportProblem> importProblems() {
        return importProblems;
    }
}
