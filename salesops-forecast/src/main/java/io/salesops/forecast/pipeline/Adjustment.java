package io.salesops.forecast.pipeline;

import io.salesops.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A manager's override of one roll-up node's expected bookings, with the reason, who made it and when.
 *
 * <p>The report keeps both numbers: {@link ForecastNode#expected()} stays the model's figure and
 * {@link ForecastNode#adjustedExpected()} shows the override. When a node has several adjustments the latest
 * ({@code at}, then the order given) wins; all stay visible. Immutable and thread-safe.
 *
 * @param group the node's group key (a rep id, a dimension value, or {@code Total}), non-blank
 * @param value the number the manager forecasts for the node, not negative
 * @param note  why, never null (may be empty; null given to the constructor becomes empty)
 * @param by    who made it, non-blank
 * @param at    when it was made, not null
 */
public record Adjustment(String group, Money value, String note, String by, Instant at) {
    /**
     * Validates the fields.
     *
     * @param group the node's group key, non-blank
     * @param value the manager's figure for the node, zero or more, in the forecast currency
     * @param note  why; null is taken as empty
     * @param by    who made it, non-blank
     * @param at    when it was made; orders several adjustments of one node
     * @throws IllegalArgumentException naming the group on a blank group or author, or a negative value
     * @throws NullPointerException     if {@code value} or {@code at} is null
     */
    public Adjustment {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("adjustment has a blank group");
        }
        Objects.requireNonNull(value, "adjustment of " + group + " value");
        Objects.requireNonNull(at, "adjustment of " + group + " time");
        if (value.isNegative()) {
            throw new IllegalArgumentException("adjustment of " + group + " is negative: " + value);
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("adjustment of " + group + " does not say who made it");
        }
        note = note == null ? "" : note;
    }
}
