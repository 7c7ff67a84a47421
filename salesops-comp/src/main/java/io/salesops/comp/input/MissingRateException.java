package io.salesops.comp.input;

import java.time.LocalDate;
import java.util.Currency;

/**
 * Thrown when an amount must be converted and the {@link ExchangeRates} table has no rate for the currency
 * pair on that date. Immutable and thread-safe.
 */
public final class MissingRateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param from source currency @param to target currency @param date the date a rate was needed for */
    public MissingRateException(Currency from, Currency to, LocalDate date) {
        super("no exchange rate from " + from.getCurrencyCode() + " to " + to.getCurrencyCode()
                + " effective on " + date + "; add one to the ExchangeRates table");
    }
}
