package io.salesops.comp.plan;

import io.salesops.core.money.Money;
import java.util.Objects;

/**
 * A limit on pay. On a component it limits that component's pay per deal, per period or per fiscal year; on
 * the plan ({@link CompPlan#totalCaps()}) it limits the total of all components per period or year. When a
 * cap bites, the statement shows a separate line with the amount it removed. Immutable and thread-safe.
 *
 * @param scope what the limit applies to
 * @param limit the most that may be paid in that scope, not negative, in the plan currency
 */
public record Cap(Scope scope, Money limit) {

    /** What a cap limits. */
    public enum Scope {
        /** The pay one deal produces for one payee in the component, over all periods. */
        PER_DEAL,
        /** Pay in one period. */
        PER_PERIOD,
        /** Pay in one fiscal year. */
        PER_YEAR
    }

    /**
     * Checks for nulls; plan validation checks the limit's sign and currency.
     *
     * @param scope what the limit applies to
     * @param limit the most that may be paid in that scope
     * @throws NullPointerException if either is null
     */
    public Cap {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
    }

    /**
     * A cap per deal from text.
     *
     * @param money the limit as {@link Money#parse(String)} reads it, e.g. {@code "USD 5,000.00"}
     * @return a cap per deal
     * @throws IllegalArgumentException naming the text if it is not an amount with a currency
     */
    public static Cap perDeal(String money) {
        return new Cap(Scope.PER_DEAL, Money.parse(money));
    }

    /**
     * A cap per period from text.
     *
     * @param money the limit as {@link Money#parse(String)} reads it, e.g. {@code "USD 10,000.00"}
     * @return a cap per period
     * @throws IllegalArgumentException naming the text if it is not an amount with a currency
     */
    public static Cap perPeriod(String money) {
        return new Cap(Scope.PER_PERIOD, Money.parse(money));
    }

    /**
     * A cap per fiscal year from text.
     *
     * @param money the limit as {@link Money#parse(String)} reads it, e.g. {@code "USD 100,000.00"}
     * @return a cap per fiscal year
     * @throws IllegalArgumentException naming the text if it is not an amount with a currency
     */
    public static Cap perYear(String money) {
        return new Cap(Scope.PER_YEAR, Money.parse(money));
    }

    /**
     * A cap per deal.
     *
     * @param limit the most paid per deal, in the plan currency
     * @return a cap per deal
     * @throws NullPointerException if {@code limit} is null
     */
    public static Cap perDeal(Money limit) {
        return new Cap(Scope.PER_DEAL, limit);
    }

    /**
     * A cap per period.
     *
     * @param limit the most paid per period, in the plan currency
     * @return a cap per period
     * @throws NullPointerException if {@code limit} is null
     */
    public static Cap perPeriod(Money limit) {
        return new Cap(Scope.PER_PERIOD, limit);
    }

    /**
     * A cap per fiscal year.
     *
     * @param limit the most paid per fiscal year, in the plan currency
     * @return a cap per fiscal year
     * @throws NullPointerException if {@code limit} is null
     */
    public static Cap perYear(Money limit) {
        return new Cap(Scope.PER_YEAR, limit);
    }

    /** @return e.g. {@code "cap per period USD 10,000.00"} */
    public String describe() {
        return "cap per " + switch (scope) {
            case PER_DEAL -> "deal";
            case PER_PERIOD -> "period";
            case PER_YEAR -> "year";
        } + " " + limit;
    }
}
