package io.salesops.comp.plan;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One component of a plan: it selects the credits it measures ({@link Crediting}), measures them
 * ({@link Measure}) and turns the measure into pay ({@link PayRule}), subject to multipliers, gates, caps and
 * a floor. Build one inside {@link CompPlan.Builder#component}: {@code c -> c.name("Bookings")
 * .credit(when(eq("type", "new"))).measure(attainment()).pay(marginal(ATTAINMENT).upTo("100", "10").above("15"))}.
 * Immutable and thread-safe.
 *
 * @param name        unique within the plan, non-blank
 * @param crediting   which credits count, and to whom
 * @param measure     sum, count or attainment, period or year to date
 * @param pay         how the measure becomes pay
 * @param multipliers accelerators and decelerators on attainment ranges; copied
 * @param gates       all must open for the component to pay; copied
 * @param caps        limits per deal, period or year; copied
 * @param floor       minimum pay per period once the gates are open, or null for none
 * @param payout      when the earned commission is paid (on collection, in instalments), or null to pay it in the
 *                    period it is earned
 */
public record Component(String name, Crediting crediting, Measure measure, PayRule pay, List<Multiplier> multipliers,
                        List<Gate> gates, List<Cap> caps, Money floor, Payout payout) {

    /**
     * Checks for nulls and copies the lists; the rest is plan validation's job.
     *
     * @param name        the component's name
     * @param crediting   which credits count, and to whom
     * @param measure     what is measured
     * @param pay         how the measure becomes pay
     * @param multipliers accelerators and decelerators; null means none; copied
     * @param gates       gates that must all open; null means none; copied
     * @param caps        limits per deal, period or year; null means none; copied
     * @param floor       minimum pay per period in the plan currency, or null for none
     * @param payout      when earned pay is paid, or null for the period it is earned
     * @throws NullPointerException if {@code name}, {@code crediting}, {@code measure} or {@code pay} is null,
     *                              or a list holds a null
     */
    public Component {
        Objects.requireNonNull(name, "component name");
        Objects.requireNonNull(crediting, () -> "crediting of component " + name);
        Objects.requireNonNull(measure, () -> "measure of component " + name);
        Objects.requireNonNull(pay, () -> "pay rule of component " + name);
        multipliers = multipliers == null ? List.of() : List.copyOf(multipliers);
        gates = gates == null ? List.of() : List.copyOf(gates);
        caps = caps == null ? List.of() : List.copyOf(caps);
    }

    /**
     * A component that pays in the period it earns.
     *
     * @param name        the component's name
     * @param crediting   which credits count, and to whom
     * @param measure     what is measured
     * @param pay         how the measure becomes pay
     * @param multipliers accelerators and decelerators; null means none; copied
     * @param gates       gates that must all open; null means none; copied
     * @param caps        limits per deal, period or year; null means none; copied
     * @param floor       minimum pay per period in the plan currency, or null for none
     * @throws NullPointerException if {@code name}, {@code crediting}, {@code measure} or {@code pay} is null,
     *                              or a list holds a null
     */
    public Component(String name, Crediting crediting, Measure measure, PayRule pay, List<Multiplier> multipliers,
                     List<Gate> gates, List<Cap> caps, Money floor) {
        this(name, crediting, measure, pay, multipliers, gates, caps, floor, null);
    }

    /** @return true if the component needs each payee's quota (attainment measure, basis, multiplier or gate) */
    public boolean needsQuota() {
        if (measure.kind() == Measure.Kind.ATTAINMENT || !multipliers.isEmpty()) {
            return true;
        }
        if (gates.stream().anyMatch(g -> g.component() == null && g.basis() == Gate.Basis.ATTAINMENT)) {
            return true;
        }
        if (pay instanceof PayRule.Tiered t && t.table().basis() == TierTable.Basis.ATTAINMENT) {
            return true;
        }
        if (pay instanceof PayRule.Bonus b && b.table().basis() == TierTable.Basis.ATTAINMENT) {
            return true;
        }
        return pay instanceof PayRule.Mbo;
    }

    /** @return a builder holding this component's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.crediting = crediting;
        b.measure = measure;
        b.pay = pay;
        b.multipliers.addAll(multipliers);
        b.gates.addAll(gates);
        b.caps.addAll(caps);
        b.floor = floor;
        b.payout = payout;
        return b;
    }

    /**
     * Builds a {@link Component}. Each call checks its argument at once. Not thread-safe; {@link #build()}
     * leaves the builder usable.
     */
    public static final class Builder {
        private String name;
        private Crediting crediting = Crediting.all();
        private Measure measure = Measure.sum();
        private PayRule pay;
        private final List<Multiplier> multipliers = new ArrayList<>();
        private final List<Gate> gates = new ArrayList<>();
        private final List<Cap> caps = new ArrayList<>();
        private Money floor;
        private Payout payout;

        /** Creates an empty builder; crediting defaults to all credits to their owners, measure to the sum. */
        public Builder() {
        }

        /**
         * Names the component; required.
         *
         * @param name unique within the plan, e.g. {@code "Bookings"}; stripped
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null or blank
         */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("component name is blank");
            }
            this.name = name.strip();
            return this;
        }

        /**
         * Sets which credits count and to whom (default {@link Crediting#all()}).
         *
         * @param crediting the crediting rule
         * @return this builder
         * @throws NullPointerException if {@code crediting} is null
         */
        public Builder credit(Crediting crediting) {
            this.crediting = Objects.requireNonNull(crediting, "crediting");
            return this;
        }

        /**
         * Sets what is measured (default {@link Measure#sum()}).
         *
         * @param measure sum, count or attainment, for the period or year to date, e.g. {@code Measure.attainment()}
         * @return this builder
         * @throws NullPointerException if {@code measure} is null
         */
        public Builder measure(Measure measure) {
            this.measure = Objects.requireNonNull(measure, "measure");
            return this;
        }

        /**
         * Sets the pay rule; exactly one of the pay methods must be called.
         *
         * @param rule how the measure becomes pay
         * @return this builder
         * @throws NullPointerException  if {@code rule} is null
         * @throws IllegalStateException if a pay rule is already set
         */
        public Builder pay(PayRule rule) {
            Objects.requireNonNull(rule, "pay rule");
            if (pay != null) {
                throw new IllegalStateException("component " + name + " already pays by " + pay + "; set one pay rule");
            }
            this.pay = rule;
            return this;
        }

        /**
         * Pays by a tier table.
         *
         * @param table rates by tier, marginal or retroactive
         * @return this builder
         * @throws NullPointerException  if {@code table} is null
         * @throws IllegalStateException if a pay rule is already set
         */
        public Builder pay(TierTable table) {
            return pay(new PayRule.Tiered(table));
        }

        /**
         * Pays the same rate on every credited amount.
         *
         * @param ratePercent the rate in percent, e.g. {@code "8"} or {@code "8%"} for 8%; 0 or more (checked by
         *                    plan validation)
         * @return this builder
         * @throws IllegalArgumentException if {@code ratePercent} is not a decimal number
         * @throws IllegalStateException    if a pay rule is already set
         */
        public Builder flatRate(String ratePercent) {
            return pay(new PayRule.FlatRate(Percent.of(ratePercent)));
        }

        /**
         * Pays a bonus: a percentage of {@code target} looked up in {@code table} (see {@link PayRule.Bonus}).
         *
         * @param target the bonus at 100% of the table's rate, e.g. {@code "USD 10,000.00"}, in the plan currency
         * @param table  percent of target by attainment or amount
         * @return this builder
         * @throws IllegalArgumentException naming the text if {@code target} is not an amount with a currency
         * @throws IllegalStateException    if a pay rule is already set
         */
        public Builder bonus(String target, TierTable table) {
            return pay(new PayRule.Bonus(Money.parse(target), table));
        }

        /**
         * Pays a management-by-objectives payout: {@code target x attainment}.
         *
         * @param target     the payout at 100% attainment, e.g. {@code "USD 5,000.00"}, in the plan currency
         * @param maxPercent the highest attainment paid in percent, e.g. {@code "150"}; null for no limit
         * @return this builder
         * @throws IllegalArgumentException if {@code target} is not an amount with a currency or
         *                                  {@code maxPercent} is not a decimal number
         * @throws IllegalStateException    if a pay rule is already set
         */
        public Builder mbo(String target, String maxPercent) {
            return pay(new PayRule.Mbo(Money.parse(target), maxPercent == null ? null : new BigDecimal(maxPercent)));
        }

        /**
         * Pays a SPIFF: a fixed amount per qualifying deal, by split share on split deals.
         *
         * @param perDeal the amount per whole deal, e.g. {@code "USD 250.00"}, in the plan currency
         * @return this builder
         * @throws IllegalArgumentException naming the text if {@code perDeal} is not an amount with a currency
         * @throws IllegalStateException    if a pay rule is already set
         */
        public Builder spiff(String perDeal) {
            return pay(new PayRule.Spiff(Money.parse(perDeal)));
        }

        /**
         * Pays a SPIFF per unit: {@code perUnit} times the number in each qualifying credit's {@code quantity}
         * attribute, by split share on split deals.
         *
         * @param perUnit  the amount per unit, e.g. {@code "USD 50.00"}, in the plan currency
         * @param quantity the custom credit attribute holding each deal's units, e.g. {@code "seats"}; declare it
         *                 in the plan's attributes
         * @return this builder
         * @throws IllegalArgumentException naming the text if {@code perUnit} is not an amount with a currency, or
         *                                  if {@code quantity} is blank
         * @throws NullPointerException     if {@code quantity} is null
         * @throws IllegalStateException    if a pay rule is already set
         */
        public Builder spiffPerUnit(String perUnit, String quantity) {
            return pay(PayRule.Spiff.perUnit(Money.parse(perUnit), quantity));
        }

        /**
         * Adds an accelerator or decelerator; several may apply.
         *
         * @param m the accelerator or decelerator, e.g. {@code Multiplier.accelerator("100", "1.5")}
         * @return this builder
         * @throws NullPointerException if {@code m} is null
         */
        public Builder multiplier(Multiplier m) {
            multipliers.add(Objects.requireNonNull(m, "multiplier"));
            return this;
        }

        /**
         * Adds an accelerator on attainment strictly above a threshold.
         *
         * @param abovePercent the attainment threshold in percent, e.g. {@code "100"}
         * @param factor       the multiplier, e.g. {@code "1.5"}; 0 or more (checked by plan validation)
         * @return this builder
         * @throws NumberFormatException if either is not a decimal number
         */
        public Builder accelerate(String abovePercent, String factor) {
            return multiplier(Multiplier.accelerator(abovePercent, factor));
        }

        /**
         * Adds a decelerator on attainment from 0 up to, not including, a threshold.
         *
         * @param belowPercent the attainment threshold in percent, e.g. {@code "50"}
         * @param factor       the multiplier, e.g. {@code "0.5"}; 0 or more (checked by plan validation)
         * @return this builder
         * @throws NumberFormatException if either is not a decimal number
         */
        public Builder decelerate(String belowPercent, String factor) {
            return multiplier(Multiplier.decelerator(belowPercent, factor));
        }

        /**
         * Adds a gate; the component pays only when all its gates open.
         *
         * @param gate the gate, e.g. {@code Gate.minAttainment("50")}
         * @return this builder
         * @throws NullPointerException if {@code gate} is null
         */
        public Builder gate(Gate gate) {
            gates.add(Objects.requireNonNull(gate, "gate"));
            return this;
        }

        /**
         * Adds a cap; all caps apply.
         *
         * @param cap a cap per deal, period or year, in the plan currency
         * @return this builder
         * @throws NullPointerException if {@code cap} is null
         */
        public Builder cap(Cap cap) {
            caps.add(Objects.requireNonNull(cap, "cap"));
            return this;
        }

        /**
         * Sets a minimum pay per period once the gates are open, replacing an earlier floor.
         *
         * @param money the floor as {@link Money#parse(String)} reads it, e.g. {@code "USD 500.00"}, in the plan
         *              currency
         * @return this builder
         * @throws IllegalArgumentException naming the text if it is not an amount with a currency
         */
        public Builder floor(String money) {
            this.floor = Money.parse(money);
            return this;
        }

        /**
         * Pays what the component earns later: on collection or in instalments, replacing an earlier payout.
         *
         * @param when e.g. {@code Payout.onCollection()} or {@code Payout.instalments("50", "25", "25")}; null to pay
         *             in the period earned (the default)
         * @return this builder
         */
        public Builder payout(Payout when) {
            this.payout = when;
            return this;
        }

        /**
         * @return the component
         * @throws IllegalStateException naming what is missing if the name or pay rule is unset
         */
        public Component build() {
            if (name == null) {
                throw new IllegalStateException("component has no name; call name(...)");
            }
            if (pay == null) {
                throw new IllegalStateException("component " + name + " has no pay rule; call pay(...), flatRate(...), bonus(...), mbo(...) or spiff(...)");
            }
            return new Component(name, crediting, measure, pay, multipliers, gates, caps, floor, payout);
        }
    }
}
