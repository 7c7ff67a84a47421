package io.salesops.planning.territory;

import java.util.Objects;

/**
 * One account's place in a plan. Immutable and thread-safe.
 *
 * @param account     the account id, not null
 * @param rep         the rep it is assigned to, or null when no rule group has a rep for it
 * @param previousRep its current rep before the plan, or null when it had none
 */
public record Assignment(String account, String rep, String previousRep) {
    /**
     * Validates the fields.
     *
     * @param account     the account id, not null
     * @param rep         the rep it is assigned to, or null when no rule group has a rep for it
     * @param previousRep its current rep before the plan, or null when it had none
     * @throws NullPointerException if account is null
     */
    public Assignment {
        Objects.requireNonNull(account, "account");
    }

    /** @return whether the account has a previous rep and the plan gives it another (or none) */
    public boolean moved() {
        return previousRep != null && !previousRep.equals(rep);
    }
}
