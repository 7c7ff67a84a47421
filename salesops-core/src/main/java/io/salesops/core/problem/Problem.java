package io.salesops.core.problem;

import java.util.Objects;

/**
 * One thing wrong with an input, located as precisely as the input allows: a CSV cell is
 * {@code opps.csv:14:6 amount: "12,5x" is not a decimal amount}, a plan-file value is
 * {@code plans/ae.yaml:12:9 components[0].pay.tiers[1].upTo: ...}, a record in memory is
 * {@code credits[3].amount: ...}. Immutable and thread-safe.
 *
 * @param source  the file or input the problem is in, as the caller named it; empty if there is none (input built in
 *                code); never null
 * @param line    the 1-based line, or 0 if unknown or not applicable
 * @param column  the 1-based column, or 0 if unknown or not applicable
 * @param path    where inside the input: a CSV column name, a JSON/YAML path such as {@code components[2].name}, a
 *                record such as {@code quotas[ae-1]}; empty for the input as a whole; never null
 * @param message what is wrong, naming the value and the rule; never null or blank
 */
public record Problem(String source, long line, int column, String path, String message) {

    /**
     * Validates the fields.
     *
     * @param source  the file or input the problem is in; empty if there is none; not null
     * @param line    the 1-based line, or 0 if unknown; not negative
     * @param column  the 1-based column, or 0 if unknown; not negative
     * @param path    where inside the input; empty for the input as a whole; not null
     * @param message what is wrong, naming the value and the rule; not blank
     * @throws NullPointerException     if source, path or message is null
     * @throws IllegalArgumentException if line or column is negative or the message is blank
     */
    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line " + line + " and column " + column + " must not be negative");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a message");
        }
    }

    /**
     * A problem with no location in a file: input built in code, located by its path alone.
     *
     * @param path    where inside the input, e.g. {@code credits[3].amount}; empty for the input as a whole
     * @param message what is wrong, naming the value and the rule
     * @return the problem, with an empty source and line and column 0
     * @throws NullPointerException if an argument is null
     */
    public static Problem at(String path, String message) {
        return new Problem("", 0, 0, path, message);
    }

    /**
     * A problem with the input as a whole.
     *
     * @param message what is wrong, naming the value and the rule
     * @return the problem, with an empty source and path and line and column 0
     * @throws NullPointerException if message is null
     */
    public static Problem of(String message) {
        return new Problem("", 0, 0, "", message);
    }

    /**
     * The same problem in another source, for a reader that learns the file name after the problem was found.
     *
     * @param newSource the file or input name
     * @return a copy with {@code source} replaced
     */
    public Problem withSource(String newSource) {
        return new Problem(newSource, line, column, path, message);
    }

    /**
     * Reads like a compiler message: {@code source:line:column path: message}, leaving out what is unknown.
     *
     * @return the located message
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (!path.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(path);
        }
        return sb.length() == 0 ? message : sb.append(": ").append(message).toString();
    }
}
