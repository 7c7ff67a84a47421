package io.salesops.io;

import io.salesops.core.problem.Problem;
import java.util.Objects;

/**
 * One thing wrong with an imported file, located by file, line and column.
 *
 * <p>{@link #toString()} reads like a compiler message: {@code opps.csv:14:6 (amount): "12,5x" is not a decimal
 * amount}. Immutable and thread-safe.
 *
 * @param file         the file (or source name) as the caller named it, non-null
 * @param line         the 1-based line on which the row starts, or 0 for a problem with the file as a whole
 * @param column       the column's header name, or null for a problem with the whole row or file
 * @param columnNumber the 1-based column number, or 0 if the problem has no single column (or it is absent)
 * @param value        the offending cell value (cut to 60 characters), or null if there is none
 * @param message      what is wrong, naming the value and the rule, non-null
 */
public record ImportProblem(String file, long line, String column, int columnNumber, String value, String message) {

    /**
     * Validates the fields.
     *
     * @param file         the file (or source name) as the caller named it; not null
     * @param line         the 1-based line on which the row starts, or 0 for the file as a whole; not negative
     * @param column       the column's header name, or null for the whole row or file
     * @param columnNumber the 1-based column number, or 0 if there is no single column; not negative
     * @param value        the offending cell value, or null if there is none
     * @param message      what is wrong, naming the value and the rule; not null
     * @throws NullPointerException     if file or message is null
     * @throws IllegalArgumentException if the line or column number is negative
     */
    public ImportProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0 || columnNumber < 0) {
            throw new IllegalArgumentException("line " + line + " and column " + columnNumber + " must not be negative");
        }
    }

    /**
     * This problem in the common form shared by every salesops module.
     *
     * @return a problem with this file as its source, the column number, and the column's header name as its path
     */
    public Problem toProblem() {
        return new Problem(file, line, columnNumber, column == null ? "" : column, message);
    }

    /** @return {@code file:line:column (name): message}, leaving out the parts that are unknown */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (columnNumber > 0) {
                sb.append(':').append(columnNumber);
            }
        }
        if (column != null) {
            sb.append(" (").append(column).append(')');
        }
        return sb.append(": ").append(message).toString();
    }
}
