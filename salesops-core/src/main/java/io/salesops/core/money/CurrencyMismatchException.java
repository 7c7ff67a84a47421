package io.salesops.core.money;

import java.util.Currency;

/**
 * Thrown when two amounts in different currencies are combined or compared without an exchange rate.
 *
 * <p>Immutable and thread-safe.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The currency of the receiver of the failed operation (part of the serialized form). */
    private final Currency first;
    /** The currency of the argument of the failed operation (part of the serialized form). */
    private final Currency second;

    /**
     * Creates the exception for an operation on {@code first} and {@code second}.
     *
     * @param first  the currency of the receiver, not null
     * @param second the currency of the argument, not null
     */
    public CurrencyMismatchException(Currency first, Currency second) {
        super("currencies differ: " + first.getCurrencyCode() + " and " + second.getCurrencyCode()
                + " cannot be combined without an exchange rate");
        this.first = first;
        this.second = second;
    }

    /** @return the currency of the receiver of the failed operation */
    public Currency first() {
        return first;
    }

    /** @return the currency of the argument of the failed operation */
    public Currency second() {
        return second;
    }
}
