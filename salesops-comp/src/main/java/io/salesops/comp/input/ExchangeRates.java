package io.salesops.comp.input;

import io.salesops.core.money.Money;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An explicit, effective-dated table of exchange rates. A rate applies from its effective date until the
 * next rate for the same pair. Only the direction given is known: EUR to USD does not imply USD to EUR,
 * because finance publishes the rates it wants used and salesops never invents one.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExchangeRates {

    /**
     * One rate: one unit of {@code from} is worth {@code rate} units of {@code to} from {@code effectiveFrom}.
     *
     * @param from          source currency
     * @param to            target currency, different from {@code from}
     * @param effectiveFrom first day the rate applies
     * @param rate          positive
     */
    public record Rate(Currency from, Currency to, LocalDate effectiveFrom, BigDecimal rate) {
        /**
         * Validates the fields.
         *
         * @param from          source currency
         * @param to            target currency, different from {@code from}
         * @param effectiveFrom first day the rate applies; it applies until the pair's next rate
         * @param rate          units of {@code to} per unit of {@code from}, above 0, e.g. 1.0850 for EUR to USD
         * @throws IllegalArgumentException naming the pair and the rate if the currencies are equal or the rate
         *                                  is not positive
         * @throws NullPointerException     if any argument is null
         */
        public Rate {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            Objects.requireNonNull(rate, "rate");
            if (from.equals(to)) {
                throw new IllegalArgumentException("exchange rate from " + from + " to itself");
            }
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("exchange rate " + from + "->" + to + " on " + effectiveFrom
                        + " is " + rate.toPlainString() + "; it must be positive");
            }
        }
    }

    private static final ExchangeRates NONE = new ExchangeRates(List.of());

    private final List<Rate> rates;
    private final Map<String, List<Rate>> byPair = new HashMap<>();

    private ExchangeRates(List<Rate> rates) {
        this.rates = rates;
        for (Rate r : rates) {
            byPair.computeIfAbsent(key(r.from(), r.to()), k -> new ArrayList<>()).add(r);
        }
        byPair.values().forEach(l -> l.sort((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom())));
    }

    /**
     * An empty table: only amounts already in the plan currency can be used.
     *
     * @return the shared empty table
     */
    public static ExchangeRates none() {
        return NONE;
    }

    /**
     * A table of the given rates.
     *
     * @param rates the rates, not null
     * @return the table
     * @throws SalesopsInputException if a pair has two rates effective on the same day (an input problem at
     *                                {@code fx[FROM->TO@date]})
     */
    public static ExchangeRates of(Collection<Rate> rates) {
        List<Rate> list = List.copyOf(rates);
        Map<String, Rate> seen = new HashMap<>();
        for (Rate r : list) {
            String k = key(r.from(), r.to()) + "@" + r.effectiveFrom();
            if (seen.putIfAbsent(k, r) != null) {
                String message = "two exchange rates " + r.from() + "->" + r.to() + " effective on " + r.effectiveFrom();
                throw new SalesopsInputException(message, List.of(Problem.at("fx[" + k + "]", message)));
            }
        }
        return new ExchangeRates(list);
    }

    /**
     * A new table with one more rate, e.g. {@code with("EUR", "USD", date, "1.0850")}; this one is unchanged.
     *
     * @param from          source currency, an ISO 4217 code
     * @param to            target currency, an ISO 4217 code other than {@code from}
     * @param effectiveFrom first day the rate applies
     * @param rate          units of {@code to} per unit of {@code from} as a decimal, above 0
     * @return a new table with the rate added
     * @throws IllegalArgumentException if a code is unknown, the currencies are equal, the rate is not a
     *                                  positive decimal number
     * @throws SalesopsInputException   if the pair already has a rate effective on {@code effectiveFrom}
     */
    public ExchangeRates with(String from, String to, LocalDate effectiveFrom, String rate) {
        List<Rate> list = new ArrayList<>(rates);
        list.add(new Rate(Money.currency(from), Money.currency(to), effectiveFrom, new BigDecimal(rate)));
        return of(list);
    }

    /** @return every rate, in the order given */
    public List<Rate> rates() {
        return rates;
    }

    /**
     * The rate in effect on a day: the pair's latest rate effective on or before it.
     *
     * @param from source currency
     * @param to   target currency
     * @param date the day the rate is needed for
     * @return the rate, 1 when the currencies are equal; empty if the pair has no rate effective by {@code date}
     *         (the inverse pair is never used)
     */
    public Optional<BigDecimal> rate(Currency from, Currency to, LocalDate date) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        List<Rate> list = byPair.get(key(from, to));
        if (list == null) {
            return Optional.empty();
        }
        Rate found = null;
        for (Rate r : list) {
            if (r.effectiveFrom().isAfter(date)) {
                break;
            }
            found = r;
        }
        return found == null ? Optional.empty() : Optional.of(found.rate());
    }

    /**
     * Whether the table knows a pair at all, on any date.
     *
     * @param from source currency
     * @param to   target currency
     * @return true if the currencies are equal or some rate from {@code from} to {@code to} exists
     */
    public boolean hasPair(Currency from, Currency to) {
        return from.equals(to) || byPair.containsKey(key(from, to));
    }

    /**
     * Converts {@code amount} to {@code target} at the rate effective on {@code date}, rounded once.
     *
     * @param amount   the amount to convert
     * @param target   the currency wanted
     * @param date     the day whose rate applies, e.g. the credit's date
     * @param rounding how the converted amount is rounded to the target's minor unit
     * @return the converted amount, or {@code amount} itself when it is already in {@code target}
     * @throws MissingRateException if no rate is effective on that date
     * @throws ArithmeticException  if {@code rounding} is {@link RoundingMode#UNNECESSARY} and the result needs
     *                              rounding, or the result overflows
     */
    public Money convert(Money amount, Currency target, LocalDate date, RoundingMode rounding) {
        if (amount.currency().equals(target)) {
            return amount;
        }
        BigDecimal rate = rate(amount.currency(), target, date)
                .orElseThrow(() -> new MissingRateException(amount.currency(), target, date));
        return Money.of(amount.amount().multiply(rate), target, rounding);
    }

    private static String key(Currency from, Currency to) {
        return from.getCurrencyCode() + to.getCurrencyCode();
    }

    @Override
    public String toString() {
        return "ExchangeRates[" + rates.size() + " rates]";
    }
}
