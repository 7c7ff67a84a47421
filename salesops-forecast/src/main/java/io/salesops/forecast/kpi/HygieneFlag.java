package io.salesops.forecast.kpi;

import java.util.Objects;

/**
 * One piece of CRM upkeep a deal needs: the deal, the rule it broke and the facts that broke it. Immutable and
 * thread-safe.
 *
 * @param dealId the opportunity's id
 * @param owner  its owner, who would fix it
 * @param rule   the rule broken
 * @param detail what breaks it, in words, e.g. {@code close date 2026-05-01 passed 45 days before 2026-06-15}
 */
public record HygieneFlag(String dealId, String owner, Rule rule, String detail) {

    /** The upkeep rules of {@link PipelineHygiene}. */
    public enum Rule {
        /** An open deal whose expected close date has passed. */
        PAST_CLOSE_DATE,
        /** An open deal in its stage for longer than a multiple of that stage's usual duration. */
        STALE,
        /** An open deal without a close date, an account, a product, or with a zero amount. */
        MISSING_FIELD,
        /** An open deal with the same account, product and amount as an earlier open deal. */
        LIKELY_DUPLICATE,
        /** A deal whose stage history moves back to an earlier stage of the process. */
        STAGE_REGRESSION
    }

    /**
     * Checks that nothing is null.
     *
     * @param dealId the opportunity's id
     * @param owner  the owner's id
     * @param rule   the rule broken
     * @param detail what breaks it, in words
     * @throws NullPointerException if any argument is null
     */
    public HygieneFlag {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
