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
    /**
     * Validates the fields.
     *
     * @param repId the rep, non-blank
     * @param from  first day of leave, inclusive
     * @param to    last day of leave, inclusive, not before {@code from} (a one-day leave has {@code to == from})
     * @throws IllegalArgumentException naming the rep and dates if the id is blank or {@code to} is before
     *                                  {@code from}
     * @throws NullPointerException     if a date is null
     */
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
