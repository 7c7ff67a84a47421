package io.salesops.comp.input;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A leave of absence, during which a rep's quota is prorated away. Immutable and thread-safe.
 *
 * @param repId the rep, non-blank
 * @param from  first day of leave
 * @param to    last day of leave, inclusive, not before {@code from}
 */
public record Leave(String repId, LocalDate from, LocalDate to) {
    /** Validates the fields. @throws IllegalArgumentException naming the rep and dates */
    public Leave {
        if (repId == null || repId.isBlank()) {
            throw new IllegalArgumentException("leave has a blank rep id");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("leave of " + repId + " ends on " + to + ", before it starts on " + from);
        }
    }
}
