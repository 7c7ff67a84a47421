package io.salesops.planning.territory;

import java.util.List;

/**
 * Bad territory input: every problem found, each located like a compiler message
 * ({@code accounts.csv:14:5 (potential): "12,5x" is not a decimal number}). The message is the first problem and
 * a count of the rest. Immutable and thread-safe.
 */
public final class TerritoryInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The most problems one exception keeps; reading stops after this many. */
    public static final int MAX_PROBLEMS = 100;

    private final List<String> problems;

    /**
     * @param problems the located problems, at least one, not null
     */
    public TerritoryInputException(List<String> problems) {
        super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in file order, unmodifiable */
    public List<String> problems() {
        return problems;
    }
}
