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

    /** Checks for nulls. */
    public Cap {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
    }

    /** @return a cap per deal, e.g. {@code perDeal("USD 5,000.00")} */
    public static Cap perDeal(String money) {
        return new Cap(Scope.PER_DEAL, Money.parse(money));
    }

    /** @return a cap per period */
    public static Cap perPeriod(String money) {
        return new Cap(Scope.PER_PERIOD, Money.parse(money));
    }

    /** @return a cap per fiscal year */
    public static Cap perYear(String money) {
        return new Cap(Scope.PER_YEAR, Money.parse(money));
    }

    /** @param limit the most paid per deal, not null @return a cap per deal */
    public static Cap perDeal(Money limit) {
        return new Cap(Scope.PER_DEAL, limit);
    }

    /** @param limit the most paid per period, not null @return a cap per period */
    public static Cap perPeriod(Money limit) {
        return new Cap(Scope.PER_PERIOD, limit);
    }

    /** @param limit the most paid per fiscal year, not null @return a cap per fiscal year */
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
