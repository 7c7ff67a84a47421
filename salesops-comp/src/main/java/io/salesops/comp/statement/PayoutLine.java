package io.salesops.comp.statement;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One line of a statement, explaining itself: which component and rule produced it, which credits it used,
 * the base, tier, rate and multiplier, any cap or gate applied, and a formula a person can check, e.g.
 * {@code "10% x USD 20,000.00 (tier 2: 50%-100% of quota)"}.
 *
 * <p>The formula may be given as text or as a function that renders it: a year of a large org has millions of
 * lines and most are summed, not read, so the engine renders a line's formula the first time
 * {@link #formula()} is called, once. Two lines are equal when all their values are, the formula's text
 * included. Immutable and thread-safe (a rendering function must always give the same text).
 */
public final class PayoutLine {

    private final LineKind kind;
    private final String component;
    private final String rule;
    private final List<String> creditIds;
    private final Money base;
    private final Percent rate;
    private final BigDecimal multiplier;
    private final List<String> applied;
    private final Money amount;
    /** Renders the formula; null once given as text. */
    private final Supplier<String> render;
    /** The formula's text, once rendered; a racy single check, as for {@code String.hashCode}: text is immutable. */
    private String formula;

    /**
     * Checks for nulls and copies the lists.
     *
     * @param kind       what kind of line
     * @param component  the component, or null for plan-level lines (draw, guarantee, total cap)
     * @param rule       the rule applied, e.g. {@code "tier 2: 50%-100% of quota"}
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
    public PayoutLine(LineKind kind, String component, String rule, List<String> creditIds, Money base, Percent rate,
                      BigDecimal multiplier, List<String> applied, Money amount, String formula) {
        this(kind, component, rule, creditIds, base, rate, multiplier, applied, amount, null,
                Objects.requireNonNull(formula, "formula"));
    }

    /**
     * As the other constructor, with the formula rendered when it is first read.
     *
     * @param kind       what kind of line
     * @param component  the component, or null for plan-level lines (draw, guarantee, total cap)
     * @param rule       the rule applied, e.g. {@code "tier 2: 50%-100% of quota"}
     * @param creditIds  the credits the line used; null means none; copied
     * @param base       the amount the rate applied to, or null
     * @param rate       the rate, or null
     * @param multiplier the accelerator or decelerator factor, e.g. 1.5, or null for none
     * @param applied    caps and gates that changed the line; null means none; copied
     * @param amount     the pay in the plan currency; negative for what is taken away
     * @param formula    renders the computation in words and numbers, the same text at every call, never null;
     *                   called at most once per line when the line is read from one thread
     * @throws NullPointerException if {@code kind}, {@code rule}, {@code amount} or {@code formula} is null, or a
     *                              list holds a null
     */
    public PayoutLine(LineKind kind, String component, String rule, List<String> creditIds, Money base, Percent rate,
                      BigDecimal multiplier, List<String> applied, Money amount, Supplier<String> formula) {
        this(kind, component, rule, creditIds, base, rate, multiplier, applied, amount,
                Objects.requireNonNull(formula, "formula"), null);
    }

    private PayoutLine(LineKind kind, String component, String rule, List<String> creditIds, Money base, Percent rate,
                       BigDecimal multiplier, List<String> applied, Money amount, Supplier<String> render,
                       String formula) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.component = component;
        this.rule = Objects.requireNonNull(rule, "rule");
        this.creditIds = creditIds == null ? List.of() : List.copyOf(creditIds);
        this.base = base;
        this.rate = rate;
        this.multiplier = multiplier;
        this.applied = applied == null ? List.of() : List.copyOf(applied);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.render = render;
        this.formula = formula;
    }

    /** @return commission, bonus, cap, clawback, draw, ... */
    public LineKind kind() {
        return kind;
    }

    /** @return the component, or null for plan-level lines (draw, guarantee, total cap) */
    public String component() {
        return component;
    }

    /** @return the rule applied, e.g. {@code "tier 2: 50%-100% of quota"} */
    public String rule() {
        return rule;
    }

    /** @return the credits the line used, in the order they were credited; unmodifiable, never null */
    public List<String> creditIds() {
        return creditIds;
    }

    /** @return the amount the rate applied to, or null */
    public Money base() {
        return base;
    }

    /** @return the rate, or null */
    public Percent rate() {
        return rate;
    }

    /** @return the accelerator or decelerator factor, or null for none */
    public BigDecimal multiplier() {
        return multiplier;
    }

    /** @return caps and gates that changed the line; unmodifiable, never null */
    public List<String> applied() {
        return applied;
    }

    /** @return the pay, in the plan currency; negative for what is taken away */
    public Money amount() {
        return amount;
    }

    /**
     * The computation in words and numbers, rendered at the first call if the line was made with a function.
     *
     * @return e.g. {@code "10% x USD 20,000.00 (tier 2: 50%-100% of quota)"}; never null
     * @throws NullPointerException if the line's rendering function gave null
     */
    public String formula() {
        String f = formula;
        if (f == null) {
            f = Objects.requireNonNull(render.get(), "formula");
            formula = f;
        }
        return f;
    }

    /**
     * @param o another object
     * @return whether {@code o} is a line with equal values, formula text included
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PayoutLine l && kind == l.kind && Objects.equals(component, l.component)
                && rule.equals(l.rule) && creditIds.equals(l.creditIds) && Objects.equals(base, l.base)
                && Objects.equals(rate, l.rate) && Objects.equals(multiplier, l.multiplier)
                && applied.equals(l.applied) && amount.equals(l.amount) && formula().equals(l.formula());
    }

    /** @return a hash of all values, formula text included */
    @Override
    public int hashCode() {
        return Objects.hash(kind, component, rule, creditIds, base, rate, multiplier, applied, amount, formula());
    }

    /** @return e.g. {@code "Bookings: USD 2,000.00 = 10% x USD 20,000.00 (tier 2: 50%-100% of quota)"} */
    @Override
    public String toString() {
        return (component == null ? "" : component + ": ") + amount + " = " + formula();
    }
}
