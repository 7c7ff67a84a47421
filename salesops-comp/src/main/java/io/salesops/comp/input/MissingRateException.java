package io.salesops.comp.input;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Thrown when an amount must be converted and the {@link ExchangeRates} table has no rate for the currency
 * pair on that date. Immutable and thread-safe.
 */
public final class MissingRateException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    /**
     * One missing rate.
     *
     * @param from source currency
     * @param to   target currency
     * @param date the date a rate was needed for
     * @throws NullPointerException if {@code from} or {@code to} is null
     */
    public MissingRateException(Currency from, Currency to, LocalDate date) {
        this(List.of(Problem.at("rates", "no exchange rate from " + from.getCurrencyCode() + " to "
                + to.getCurrencyCode() + " effective on " + date + "; add one to the ExchangeRates table")));
    }

    /**
     * Every amount of a calculation that has no exchange rate, reported at once.
     *
     * @param problems one problem per missing rate, at least one, each naming the currencies and the date
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public MissingRateException(List<Problem> problems) {
        super(problems);
    }
}
