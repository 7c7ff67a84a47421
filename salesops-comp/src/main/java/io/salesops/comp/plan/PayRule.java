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
        /**
         * Checks for null.
         *
         * @param rate the rate on every credited amount, e.g. {@code Percent.of("8")}; 0 or more (checked by
         *             plan validation)
         * @throws NullPointerException if {@code rate} is null
         */
        public FlatRate {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** @param table rates by tier, marginal or retroactive */
    record Tiered(TierTable table) implements PayRule {
        /**
         * Checks for null.
         *
         * @param table rates by tier, marginal or retroactive
         * @throws NullPointerException if {@code table} is null
         */
        public Tiered {
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * A bonus of a percentage of {@code target}, looked up in {@code table} by the measure. Retroactive: the
     * whole target at the percentage of the tier reached (a fixed bonus is a table paying 0% below a threshold
     * and 100% from it). Marginal (attainment tables only): each slice of attainment earns its tier's
     * percentage of target per 100% of attainment, so 130% on {@code upTo 100: 100, above: 150} pays
     * 100% + 30% x 1.5 = 145% of target. In a period shared by plan versions each version's target is
     * prorated by its days.
     *
     * @param target the bonus at 100% of the table's rate
     * @param table  percent of target by attainment or amount
     */
    record Bonus(Money target, TierTable table) implements PayRule {
        /**
         * Checks for nulls.
         *
         * @param target the bonus at 100% of the table's rate, in the plan currency
         * @param table  percent of target by attainment or amount
         * @throws NullPointerException if either is null
         */
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
        /**
         * Checks for null.
         *
         * @param target     the payout at 100% attainment, in the plan currency
         * @param maxPercent the highest attainment paid, in percent, 0 or more; null for no limit
         * @throws NullPointerException if {@code target} is null
         */
        public Mbo {
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A fixed amount per qualifying deal credited to the payee, or per unit of a quantity column of the credit
     * ("50 per seat": a 12-seat deal pays 600).
     *
     * @param perDeal    the amount paid for a whole deal, or for one unit when {@code quantity} is set
     * @param splitDeals on a split deal, whether each payee gets {@code perDeal} times their split share
     *                   (the default) or the full amount
     * @param quantity   the custom credit attribute (a column of the credits file, declared in the plan's
     *                   attributes) holding each deal's number of units; null to pay per deal
     */
    record Spiff(Money perDeal, SplitDeals splitDeals, String quantity) implements PayRule {
        /**
         * Checks for nulls.
         *
         * @param perDeal    the amount paid for a whole deal (or one unit), in the plan currency
         * @param splitDeals how a split deal's payees are paid
         * @param quantity   the attribute holding the units, or null to pay per deal
         * @throws NullPointerException     if {@code perDeal} or {@code splitDeals} is null
         * @throws IllegalArgumentException if {@code quantity} is blank
         */
        public Spiff {
            Objects.requireNonNull(perDeal, "perDeal");
            Objects.requireNonNull(splitDeals, "splitDeals");
            if (quantity != null && quantity.isBlank()) {
                throw new IllegalArgumentException("SPIFF quantity attribute is blank");
            }
        }

        /**
         * A SPIFF per deal.
         *
         * @param perDeal    the amount paid for a whole deal, in the plan currency
         * @param splitDeals how a split deal's payees are paid
         * @throws NullPointerException if either is null
         */
        public Spiff(Money perDeal, SplitDeals splitDeals) {
            this(perDeal, splitDeals, null);
        }

        /**
         * A SPIFF per deal, paid by split share ({@link SplitDeals#BY_SHARE}).
         *
         * @param perDeal the amount paid for a whole deal, in the plan currency
         * @throws NullPointerException if {@code perDeal} is null
         */
        public Spiff(Money perDeal) {
            this(perDeal, SplitDeals.BY_SHARE, null);
        }

        /**
         * A SPIFF per unit of a quantity column, paid by split share.
         *
         * @param perUnit  the amount paid per unit, in the plan currency
         * @param quantity the custom credit attribute holding each deal's units
         * @return the SPIFF
         * @throws NullPointerException     if either is null
         * @throws IllegalArgumentException if {@code quantity} is blank
         */
        public static Spiff perUnit(Money perUnit, String quantity) {
            return new Spiff(perUnit, SplitDeals.BY_SHARE, Objects.requireNonNull(quantity, "quantity"));
        }

        /** How a SPIFF pays the payees of a split deal. */
        public enum SplitDeals {
            /** Each payee gets the SPIFF times their split share: a 60/40 split pays 60% and 40%. */
            BY_SHARE,
            /** Each payee gets the full SPIFF. */
            IN_FULL
        }
    }
}
