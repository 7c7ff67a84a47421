package io.salesops.comp.statement;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of a statement, explaining itself: which component and rule produced it, which credits it used,
 * the base, tier, rate and multiplier, any cap or gate applied, and a formula a person can check, e.g.
 * {@code "10% x USD 20,000.00 (tier 2: 50%-100% of quota)"}. Immutable and thread-safe.
 *
 * @param kind       commission, bonus, cap, clawback, draw, ...
 * @param component  the component, or null for plan-level lines (draw, guarantee, total cap)
 * @param rule       the rule applied, e.g. {@code "tier 2: 50%-100% of quota"}
 * @param creditIds  the credits the line used; copied
 * @param base       the amount the rate applied to, or null
 * @param rate       the rate, or null
 * @param multiplier the accelerator or decelerator factor, or null for none
 * @param applied    caps and gates that changed the line; copied
 * @param amount     the pay, in the plan currency
 * @param formula    the computation in words and numbers
 */
public record PayoutLine(LineKind kind, String component, String rule, List<String> creditIds, Money base,
                         Percent rate, BigDecimal multiplier, List<String> applied, Money amount, String formula) {
    /**
     * Checks for nulls and copies the lists.
     *
     * @param kind       what kind of line
     * @param component  the component, or null for plan-level lines
     * @param rule       the rule applied
     * @param creditIds  the credits the line used; null means none; copied
     * @param base       the amount the rate applied to, or null
     * @param rate       the rate, or null
     * @param multiplier the accelerator or decelerator factor, e.g. 1.5, or null for none
     * @param applied    caps and gates that changed the line; null means none; copied
     * @param amount     the pay in the plan currency; negative for what is taken away (caps, clawbacks, draw
     *                   recoveries, downward adjustments)
     * @param formula    the computation in words and numbers
     * @throws NullPointerException if {@code kind}, {@code rule}, {@code amount} or {@code formula} is null, or a
     *                              list holds a null
     */
    public PayoutLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(formula, "formula");
        creditIds = creditIds == null ? List.of() : List.copyOf(creditIds);
        applied = applied == null ? List.of() : List.copyOf(applied);
    }

    /** @return e.g. {@code "Bookings  tier 2: 50%-100% of quota  USD 2,000.00  = 10% x USD 20,000.00"} */
    @Override
    public String toString() {
        return (component == null ? "" : component + ": ") + amount + " = " + formula;
    }
}
