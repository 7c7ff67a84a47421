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
    /**
     * The credit's id and date, as read when the period was read: a payee's statement lines and deal history use
     * them long after crediting touched the credit, and reading them here avoids going back to it.
     */
    final String id;
    final java.time.LocalDate date;
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

    CreditedAmount(Credit credit, String id, java.time.LocalDate date, int deal, long amount, BigDecimal share,
                   long creditMinor) {
        this.credit = credit;
        this.id = id;
        this.date = date;
        this.deal = deal;
        this.amount = amount;
        this.share = share;
        this.creditMinor = creditMinor;
    }
}
