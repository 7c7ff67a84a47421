package io.salesops.core.org;

import java.util.List;

/**
 * Thrown when an org chart breaks its rules; lists every problem found, not only the first.
 *
 * <p>Immutable and thread-safe.
 */
public final class OrgValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /** @param problems every problem found, each naming the rep and the rule */
    public OrgValidationException(List<String> problems) {
        super("org chart is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found */
    public List<String> problems() {
        return problems;
    }
}
