package io.salesops.comp.input;

import io.salesops.core.money.Money;
import java.util.Objects;

/**
 * The target one payee's bonus or MBO component pays against, in place of the target written in the plan: a
 * bonus target of 10,000 for one rep and 12,000 for another on one plan. Immutable and thread-safe.
 *
 * @param payeeId   the payee, non-blank
 * @param component the name of a bonus or MBO component of the plan, non-blank
 * @param target    the payee's target for the component, per period as the plan's own target is; 0 or more
 */
public record PayeeTarget(String payeeId, String component, Money target) {
    /**
     * Validates the fields.
     *
     * @param payeeId   the payee, non-blank
     * @param component the component's name, non-blank
     * @param target    the target, 0 or more
     * @throws IllegalArgumentException naming the payee if an id or name is blank or the target is negative
     * @throws NullPointerException     if an argument is null
     */
    public PayeeTarget {
        Objects.requireNonNull(payeeId, "payeeId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(target, "target");
        if (payeeId.isBlank()) {
            throw new IllegalArgumentException("payee target has a blank payee id");
        }
        if (component.isBlank()) {
            throw new IllegalArgumentException("target of payee " + payeeId + " has a blank component name");
        }
        if (target.isNegative()) {
            throw new IllegalArgumentException("target " + target + " of payee " + payeeId + " for component "
                    + component + " is negative");
        }
    }
}
