package io.salesops.comp.internal;

import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.function.Supplier;

/**
 * The words of statement lines: tier ranges, multipliers, percentages and the formulas a person checks a line
 * by. Kept apart from the arithmetic so that no number is computed here. Immutable; thread-safe.
 */
final class FormulaText {

    private final Currency currency;
    private final RoundingMode rounding;

    FormulaText(Currency currency, RoundingMode rounding) {
        this.currency = currency;
        this.rounding = rounding;
    }

    Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }

    /** @return e.g. {@code "tier 2 reached: 50%-100% of quota"} */
    String tierRule(TierTable table, int tier, boolean reached) {
        Tier t = table.tiers().get(tier);
        String range;
        if (table.basis() == TierTable.Basis.ATTAINMENT) {
            range = (t.upTo() == null ? "over " + plain(t.from()) + "%" : plain(t.from()) + "%-" + plain(t.upTo()) + "%"
                    + (t.upToInclusive() ? "" : " excl.")) + " of quota";
        } else {
            String f = Money.of(t.from(), currency, rounding).toString();
            range = t.upTo() == null ? "over " + f
                    : f + "-" + Money.of(t.upTo(), currency, rounding).formatAmount() + (t.upToInclusive() ? "" : " excl.");
        }
        return "tier " + (tier + 1) + (reached ? " reached" : "") + ": " + range;
    }

    /**
     * @return e.g. {@code "tier 2 reached: 3 deals or more"}: the tiers of a bonus on {@code measure: count} count
     *         deals, so their bounds are numbers of deals, not money
     */
    static String countTierRule(TierTable table, int tier) {
        Tier t = table.tiers().get(tier);
        String range;
        if (t.upTo() == null) {
            boolean fromInclusive = tier == 0 || !table.tiers().get(tier - 1).upToInclusive();
            range = fromInclusive ? plain(t.from()) + " deals or more" : "over " + plain(t.from()) + " deals";
        } else {
            range = plain(t.from()) + "-" + plain(t.upTo()) + (t.upToInclusive() ? "" : " excl.") + " deals";
        }
        return "tier " + (tier + 1) + " reached: " + range;
    }

    /** @return e.g. {@code " at 3 deals"} */
    static String atCount(long deals) {
        return " at " + deals + (deals == 1 ? " deal" : " deals");
    }

    /** @return e.g. {@code " at 112.50% attainment"} or {@code " at USD 40,000.00"} */
    String at(BigDecimal attainment, long value) {
        return attainment != null ? " at " + pct(attainment) + " attainment" : " at " + money(value);
    }

    /** @return e.g. {@code "accelerator 1.5x over 120%"} */
    static String multiplier(Multiplier m) {
        return (m.factor().compareTo(BigDecimal.ONE) >= 0 ? "accelerator" : "decelerator") + " " + m.describe();
    }

    /** @return {@code "1.5 x "} or "" for no multiplier */
    static String factor(Multiplier m) {
        return m == null ? "" : plain(m.factor()) + " x ";
    }

    /** @return e.g. {@code "10% x 1.5 x USD 10,000.00 (tier 2: over 100% of quota; accelerator 1.5x over 120%)"} */
    static String slice(Percent rate, Multiplier m, Money base, String rule) {
        return rate + " x " + factor(m) + base + " (" + rule + (m == null ? "" : "; " + multiplier(m)) + ")";
    }

    /** @return a formula already rendered */
    static Supplier<String> fixed(String text) {
        return () -> text;
    }

    /** @return {@code a}, or {@code b} rendered after {@code a} and {@code " + "} */
    static Supplier<String> joined(Supplier<String> a, Supplier<String> b) {
        return a == null ? b : () -> a.get() + " + " + b.get();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }
}
