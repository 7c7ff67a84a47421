package io.salesops.io;

import io.salesops.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One manager's forecast adjustment as read from a CSV: the group (a rep, a dimension value or {@code Total})
 * whose expected bookings the manager sets to {@code amount}, who did it, when and why. Immutable and thread-safe.
 *
 * @param group  the forecast group, non-blank
 * @param amount the number the manager forecasts, not negative
 * @param who    who made it, non-blank
 * @param when   when it was made
 * @param why    the reason, never null (may be empty)
 */
public record AdjustmentRow(String group, Money amount, String who, Instant when, String why) {
    /**
     * Checks that the required fields are present; a null reason becomes empty. (The reader checks the rest:
     * a blank group or author and a negative amount are problems of their row.)
     *
     * @param group  the forecast group: a rep id, a dimension value or {@code Total}; not null
     * @param amount the expected bookings the manager sets for the group; not null
     * @param who    who made the adjustment; not null
     * @param when   when it was made; not null
     * @param why    the reason, or null for none
     * @throws NullPointerException on a null group, amount, who or when
     */
    public AdjustmentRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(when, "when");
        why = why == null ? "" : why;
    }
}
