package io.salesops.core.crm;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.util.Objects;

/**
 * A rep's quota for one period. Immutable and thread-safe.
 *
 * @param repId  the rep, non-blank
 * @param period the period the quota covers
 * @param amount the target, not negative
 */
public record Quota(String repId, Period period, Money amount) {
    /**
     * Validates the fields.
     *
     * @param repId  the rep, non-blank
     * @param period the period the quota covers; not null
     * @param amount the target for the whole period, not negative; not null
     * @throws IllegalArgumentException if the rep id is blank, or naming the rep and period on a negative amount
     * @throws NullPointerException     if the period or amount is null
     */
    public Quota {
        if (repId == null || repId.isBlank()) {
            throw new IllegalArgumentException("quota has a blank rep id");
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("quota of " + repId + " for " + period + " is negative: " + amount);
        }
    }
}
