package io.salesops.comp.plan;

import java.util.List;
import java.util.Objects;

/**
 * Which credits a component counts and to whom they are credited.
 *
 * <p>{@code Crediting.when(eq("type", "new"))} credits matching rows to their owners (or split payees);
 * {@code .toManagers(1)} credits them instead to each payee's direct manager, for an override;
 * {@code .toTeam()} credits every member of the owner's team; {@code .withOverlays("se")} also credits, in full,
 * the person named in each credit's {@code se} column (an overlay or sales engineer, double credit). Immutable and
 * thread-safe.
 *
 * @param when     the condition a credit must meet
 * @param target   owner, managers or team
 * @param levels   for {@link CreditTarget#MANAGERS}: how many levels up (0 = the whole chain); else 0
 * @param splits   whether a credit's {@link io.salesops.comp.input.Split}s are honoured (else 100% to the owner)
 * @param overlays custom credit attributes (columns) each naming a person also credited with the whole credit,
 *                 besides the owner or split payees; only with {@link CreditTarget#OWNER}; empty for none
 */
public record Crediting(Condition when, CreditTarget target, int levels, boolean splits, List<String> overlays) {
    /**
     * Validates the fields.
     *
     * @param when   the condition a credit must meet
     * @param target owner, managers or team
     * @param levels for {@link CreditTarget#MANAGERS}: how many levels up, 0 for the whole chain; 0 or more
     * @param splits whether a credit's splits are honoured
     * @param overlays the columns naming people also credited in full; null means none; copied
     * @throws NullPointerException     if {@code when} or {@code target} is null, or {@code overlays} holds a null
     * @throws IllegalArgumentException if {@code levels} is negative or an overlay column is blank or repeated
     */
    public Crediting {
        Objects.requireNonNull(when, "when");
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
        if (new java.util.HashSet<>(overlays).size() != overlays.size()) {
            throw new IllegalArgumentException("overlay columns " + overlays + " repeat a column");
        }
        for (String col : overlays) {
            if (col.isBlank()) {
                throw new IllegalArgumentException("an overlay column is blank");
            }
        }
        Objects.requireNonNull(target, "target");
        if (levels < 0) {
            throw new IllegalArgumentException("crediting levels " + levels + " is negative");
        }
    }

    /**
     * A crediting without overlays.
     *
     * @param when   the condition a credit must meet
     * @param target owner, managers or team
     * @param levels for {@link CreditTarget#MANAGERS}: how many levels up, 0 for the whole chain; 0 or more
     * @param splits whether a credit's splits are honoured
     * @throws NullPointerException     if {@code when} or {@code target} is null
     * @throws IllegalArgumentException if {@code levels} is negative
     */
    public Crediting(Condition when, CreditTarget target, int levels, boolean splits) {
        this(when, target, levels, splits, List.of());
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
        return new Crediting(when, CreditTarget.MANAGERS, levels, splits, overlays);
    }

    /** @return a copy that credits every member of the owner's team */
    public Crediting toTeam() {
        return new Crediting(when, CreditTarget.TEAM, 0, splits, overlays);
    }

    /** @return a copy that credits 100% to the owner even when the credit is split */
    public Crediting ignoringSplits() {
        return new Crediting(when, target, levels, false, overlays);
    }

    /**
     * A copy that also credits, with the whole credit, the person named in each of these columns of a credit
     * (an overlay rep or sales engineer: double credit). The owner's (or split payees') credit is unchanged; a
     * person named who is also credited already, or who is not a payee of the plan, is not credited again.
     *
     * @param columns custom credit attributes naming a person each, declared in the plan's attributes
     * @return a copy with these overlay columns, replacing any before
     * @throws IllegalArgumentException if a column is blank or repeated
     * @throws NullPointerException     if a column is null
     */
    public Crediting withOverlays(String... columns) {
        return new Crediting(when, target, levels, splits, List.of(columns));
    }
}
