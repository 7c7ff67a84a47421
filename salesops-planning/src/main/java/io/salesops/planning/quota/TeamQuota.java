package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import java.util.Objects;

/**
 * A manager's quota: the sum of the quotas of every rep below them. When a level below the company is
 * over-assigned, {@code assigned} (what the level above gave the team) is less than {@code quota}.
 * Immutable and thread-safe.
 *
 * @param managerId the manager
 * @param depth     the manager's depth in the org (0 for a root)
 * @param reps      the number of leaf reps below the manager
 * @param quota     the sum of those reps' yearly quotas
 * @param assigned  the amount the level above allocated to the manager's team
 */
public record TeamQuota(String managerId, int depth, int reps, Money quota, Money assigned) {
    /**
     * Checks for nulls.
     *
     * @param managerId the manager
     * @param depth     the manager's depth in the org (0 for a root)
     * @param reps      the number of leaf reps below the manager
     * @param quota     the sum of those reps' yearly quotas
     * @param assigned  the amount the level above allocated to the manager's team
     */
    public TeamQuota {
        Objects.requireNonNull(managerId, "managerId");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(assigned, "assigned");
    }
}
