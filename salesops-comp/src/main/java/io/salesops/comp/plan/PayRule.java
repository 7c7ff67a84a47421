package io.salesops.comp.plan;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a component turns its measure into pay. All implementations are immutable, thread-safe records.
 */
public sealed interface PayRule permits PayRule.FlatRate, PayRule.Tiered, PayRule.Bonus, PayRule.Mbo, PayRule.Spiff {

    /** @param rate the same rate on every credited amount */
    record FlatRate(Percent rate) implements PayRule {
        /** Checks for null. */
        public FlatRate {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** @param table rates by tier, marginal or retroactive */
    record Tiered(TierTable table) implements PayRule {
        /** Checks for null. */
        public Tiered {
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * A bonus of a percentage of {@code target}, the percentage looked up (retroactively) in {@code table} by
     * the measure: a fixed bonus is a table paying 0% below a threshold and 100% from it.
     *
     * @param target the bonus at 100% of the table's rate
     * @param table  percent of target by attainment or amount
     */
    record Bonus(Money target, TierTable table) implements PayRule {
        /** Checks for nulls. */
        public Bonus {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * A management-by-objectives payout: {@code target x attainment}, attainment capped at {@code maxPercent}.
     *
     * @param target     the payout at 100% attainment
     * @param maxPercent the highest attainment paid, e.g. 150; null for no limit
     */
    record Mbo(Money target, BigDecimal maxPercent) implements PayRule {
        /** Checks for null. */
        public Mbo {
            Objects.requireNonNull(target, "target");
        }
    }

    /** @param perDeal the amount paid for every qualifying deal credited to the payee */
    record Spiff(Money perDeal) implements PayRule {
        /** Checks for null. */
        public Spiff {
            Objects.requireNonNull(perDeal, "perDeal");
        }
    }
}
