package io.salesops.comp.plan;

import java.util.Objects;

/**
 * Which credits a component counts and to whom they are credited.
 *
 * <p>{@code Crediting.when(eq("type", "new"))} credits matching rows to their owners (or split payees);
 * {@code .toManagers(1)} credits them instead to each payee's direct manager, for an override;
 * {@code .toTeam()} credits every member of the owner's team. Immutable and thread-safe.
 *
 * @param when   the condition a credit must meet
 * @param target owner, managers or team
 * @param levels for {@link CreditTarget#MANAGERS}: how many levels up (0 = the whole chain); else 0
 * @param splits whether a credit's {@link io.salesops.comp.input.Split}s are honoured (else 100% to the owner)
 */
public record Crediting(Condition when, CreditTarget target, int levels, boolean splits) {
    /**
     * Validates the fields.
     *
     * @param when   the condition a credit must meet
     * @param target owner, managers or team
     * @param levels for {@link CreditTarget#MANAGERS}: how many levels up, 0 for the whole chain; 0 or more
     * @param splits whether a credit's splits are honoured
     * @throws NullPointerException     if {@code when} or {@code target} is null
     * @throws IllegalArgumentException if {@code levels} is negative
     */
    public Crediting {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(target, "target");
        if (levels < 0) {
            throw new IllegalArgumentException("crediting levels " + levels + " is negative");
        }
    }

    /**
     * Credits matching a condition to the owner, honouring splits.
     *
     * @param condition the condition a credit must meet, e.g. {@code eq("type", "new")}
     * @return a crediting to owners (or split payees)
     * @throws NullPointerException if {@code condition} is null
     */
    public static Crediting when(Condition condition) {
        return new Crediting(condition, CreditTarget.OWNER, 0, true);
    }

    /**
     * Every credit to its owner, honouring splits: the default of a component.
     *
     * @return a crediting of all credits to owners (or split payees)
     */
    public static Crediting all() {
        return when(Condition.always());
    }

    /**
     * A copy that credits managers instead of owners, for an override.
     *
     * @param levels how many levels above each payee: 1 for the direct manager, 0 for the whole chain
     * @return a copy that credits the managers up to {@code levels} above each payee
     * @throws IllegalArgumentException if {@code levels} is negative
     */
    public Crediting toManagers(int levels) {
        return new Crediting(when, CreditTarget.MANAGERS, levels, splits);
    }

    /** @return a copy that credits every member of the owner's team */
    public Crediting toTeam() {
        return new Crediting(when, CreditTarget.TEAM, 0, splits);
    }

    /** @return a copy that credits 100% to the owner even when the credit is split */
    public Crediting ignoringSplits() {
        return new Crediting(when, target, levels, false);
    }
}
