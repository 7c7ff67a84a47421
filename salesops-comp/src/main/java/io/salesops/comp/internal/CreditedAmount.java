package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import java.math.BigDecimal;

/**
 * One credit credited to one payee for one component, and the pay attributed to it. {@code from} is the owner
 * or split payee it came from (it differs from the payee for overrides and team credit); {@code share} is that
 * payee's split share of the credit as a fraction (1 when the credit is not split), which a SPIFF pays by;
 * {@code deal} is the credit's deal as the period's int id ({@link CreditRouter#deals()}).
 * Mutable only by the one thread that calculates the payee.
 */
final class CreditedAmount {
    final Credit credit;
    final int deal;
    /** The credited amount, in minor units of the plan currency. */
    final long amount;
    final String from;
    final BigDecimal share;
    /** The whole credit before splits, in minor units of the plan currency: partial reversals are shares of it. */
    final long creditMinor;
    /** Pay attributed to this credit, in minor units. */
    long pay;
    /** The formulas that paid it, joined, rendered when read; null if none. */
    java.util.function.Supplier<String> rule;

    CreditedAmount(Credit credit, int deal, long amount, String from, BigDecimal share, long creditMinor) {
        this.credit = credit;
        this.deal = deal;
        this.amount = amount;
        this.from = from;
        this.share = share;
        this.creditMinor = creditMinor;
    }
}
