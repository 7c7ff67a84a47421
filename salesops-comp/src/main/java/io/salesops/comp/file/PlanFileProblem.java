package io.salesops.comp.file;

import io.salesops.core.problem.Problem;
import java.util.Objects;

/**
 * One problem in a plan file, located: {@code plans/ae.yaml:12:9 components[0].pay.tiers[1].upTo: ...}.
 * Immutable and thread-safe.
 *
 * @param file    the file name as given to the reader
 * @param line    1-based line, or 0 if unknown (e.g. the file is too large to read at all)
 * @param column  1-based column, or 0 if unknown
 * @param path    where in the plan, e.g. {@code components[2].tiers[1].upTo}; empty for the file as a whole
 * @param message what is wrong and what was expected
 */
public record PlanFileProblem(String file, int line, int column, String path, String message) {
    /**
     * Checks for nulls.
     *
     * @param file    the file name as given to the reader
     * @param line    1-based line, or 0 if unknown
     * @param column  1-based column, or 0 if unknown
     * @param path    where in the plan; empty for the file as a whole
     * @param message what is wrong and what was expected
     * @throws NullPointerException if {@code file}, {@code path} or {@code message} is null
     */
    public PlanFileProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /**
     * This problem in the common form shared by every salesops module.
     *
     * @return the same file, line, column, path and message as a {@link Problem}
     */
    public Problem toProblem() {
        return new Problem(file, line, column, path, message);
    }

    /** @return {@code file:line:column path: message}, leaving out what is unknown */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (!path.isEmpty()) {
            sb.append(' ').append(path);
        }
        return sb.append(": ").append(message).toString();
    }
}
