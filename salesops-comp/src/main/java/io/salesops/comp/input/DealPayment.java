package io.salesops.comp.input;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A payment a customer made against a deal (an invoice collected), which releases commission held by a
 * component paid on collection ({@link io.salesops.comp.plan.Payout.Kind#ON_COLLECTION}). Amounts are zero or more:
 * money given back to a customer is a reversal of the deal (a credit with status reversed), which claws back what
 * the deal was paid. Immutable and thread-safe.
 *
 * @param dealId the deal's id, as in the credits' {@code deal_id}; non-blank
 * @param date   the day the money was received
 * @param amount the amount received, in the deal's currency (converted to the plan currency at the rate of the
 *               deal's booking date, as a reversal is); zero or more
 */
public record DealPayment(String dealId, LocalDate date, Money amount) {
    /**
     * Validates the fields.
     *
     * @param dealId the deal's id, non-blank
     * @param date   the day received
     * @param amount the amount received, zero or more
     * @throws IllegalArgumentException if the deal id is blank or the amount negative
     * @throws NullPointerException     if an argument is null
     */
    public DealPayment {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        if (dealId.isBlank()) {
            throw new IllegalArgumentException("payment of " + amount + " on " + date + " has a blank deal id");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("payment of " + amount + " on " + date + " for deal " + dealId
                    + " is negative; money given back is a reversal of the deal (a credit with status reversed)");
        }
    }
}
