package io.salesops.planning.territory;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bad territory input: every problem found, each located like a compiler message
 * ({@code accounts.csv:14:5 (potential): "12,5x" is not a decimal number}). A {@link SalesopsInputException}, so
 * the command line exits with 1 and the server answers 400 for it; {@link #problems()} gives each problem with its
 * file, line, column and field, {@link #messages()} the same as the lines the territory commands print. The
 * message is the first problem and a count of the rest. Immutable and thread-safe.
 */
public final class TerritoryInputException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    /** The most problems one exception keeps; reading stops after this many. */
    public static final int MAX_PROBLEMS = 100;

    /** {@code file:line:column (field): message}, the form the territory readers write. */
    private static final Pattern CELL = Pattern.compile("(.+?):(\\d{1,18}):(\\d{1,9}) \\(([^)]*)\\): (.+)", Pattern.DOTALL);
    /** {@code file:line:column: message} or {@code file:line: message}. */
    private static final Pattern LINE = Pattern.compile("(.+?):(\\d{1,18})(?::(\\d{1,9}))?: (.+)", Pattern.DOTALL);

    private final transient List<String> messages;

    /**
     * @param problems the located problems as text, at least one, not null
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public TerritoryInputException(List<String> problems) {
        super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""),
                problems.stream().map(TerritoryInputException::located).toList());
        this.messages = List.copyOf(problems);
    }

    /**
     * Every problem as the territory commands print it, in file order.
     *
     * @return the located messages; unmodifiable, never empty
     */
    public List<String> messages() {
        return messages;
    }

    /** Splits a located message into the problem's fields, so that no location is lost. */
    static Problem located(String text) {
        Matcher m = CELL.matcher(text);
        if (m.matches()) {
            return new Problem(m.group(1), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)), m.group(4), m.group(5));
        }
        m = LINE.matcher(text);
        if (m.matches()) {
            int column = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return new Problem(m.group(1), Long.parseLong(m.group(2)), column, "", m.group(4));
        }
        return Problem.of(text);
    }
}
