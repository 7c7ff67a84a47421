package io.salesops.io;

import io.salesops.core.money.Money;
import java.util.Objects;

/**
 * One row of a payee targets file: the target {@code payee} is paid against in the plan component named
 * {@code component}, and the line it was read from. Immutable and thread-safe.
 *
 * @param payee     the payee's id, non-blank
 * @param component the plan component's name, non-blank
 * @param target    the target, not negative
 * @param line      the file line of the row, 1 for the header
 */
public record PayeeTargetRow(String payee, String component, Money target, long line) {
    /**
     * Checks for nulls (the reader checks the rest: blank cells and negative amounts are problems of their row).
     *
     * @param payee     the payee's id; not null
     * @param component the component's name; not null
     * @param target    the target; not null
     * @param line      the file line of the row
     * @throws NullPointerException on a null payee, component or target
     */
    public PayeeTargetRow {
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(target, "target");
    }
}
