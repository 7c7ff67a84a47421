package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.util.Objects;

/**
 * One rep's quota for one period of the plan year, and how it was derived. Immutable and thread-safe.
 *
 * @param repId       the rep (a leaf of the org)
 * @param period      the month or quarter
 * @param quota       the quota, not negative
 * @param method      the stated method, e.g. {@code historical} or {@code blend(historical 1, equal 1)}
 * @param explanation the derivation: the rep's weight, the period's share of the rep's year, ramp, proration
 */
public record QuotaLine(String repId, Period period, Money quota, String method, String explanation) {
    /**
     * Checks for nulls.
     *
     * @param repId       the rep (a leaf of the org)
     * @param period      the month or quarter
     * @param quota       the quota, not negative
     * @param method      the stated method, e.g. {@code historical} or {@code blend(historical 1, equal 1)}
     * @param explanation the derivation: the rep's weight, the period's share of the rep's year, ramp, proration
     * @throws IllegalArgumentException if the quota is negative
     */
    public QuotaLine {
        Objects.requireNonNull(repId, "repId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(explanation, "explanation");
        if (quota.isNegative()) {
            throw new IllegalArgumentException("quota of " + repId + " for " + period + " is negative: " + quota);
        }
    }
}
