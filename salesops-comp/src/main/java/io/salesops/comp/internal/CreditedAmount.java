package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import java.math.BigDecimal;

/**
 * One credit credited to one payee for one component, and the pay attributed to it. {@code share} is the
 * owner's or split payee's share of the credit as a fraction (1 when the credit is not split), which a SPIFF pays by;
 * {@code deal} is the credit's deal as the period's int id ({@link CreditRouter#deals()}).
 * Mutable only by the one thread that calculates the payee.
 */
final class CreditedAmount {
    final Credit credit;
    final int deal;
    /** The credited amount, in minor units of the plan currency. */
    final long amount;
    final BigDecimal share;
    /** The whole credit before splits, in minor units of the plan currency: partial reversals are shares of it. */
    final long creditMinor;
    /** Pay attributed to this credit, in minor units. */
    long pay;
    /** The formulas that paid it, joined, rendered when read; null if none. */
    java.util.function.Supplier<String> rule;

    CreditedAmount(Credit credit, int deal, long amount, BigDecimal share, long creditMinor) {
        this.credit = credit;
        this.deal = deal;
        this.amount = amount;
        this.share = share;
        this.creditMinor = creditMinor;
    }
}
