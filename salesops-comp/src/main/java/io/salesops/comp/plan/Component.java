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
 */
public record Component(String name, Crediting crediting, Measure measure, PayRule pay, List<Multiplier> multipliers,
                        List<Gate> gates, List<Cap> caps, Money floor) {

    /** Checks for nulls and copies the lists. */
    public Component {
        Objects.requireNonNull(name, "component name");
        Objects.requireNonNull(crediting, () -> "crediting of component " + name);
        Objects.requireNonNull(measure, () -> "measure of component " + name);
        Objects.requireNonNull(pay, () -> "pay rule of component " + name);
        multipliers = multipliers == null ? List.of() : List.copyOf(multipliers);
        gates = gates == null ? List.of() : List.copyOf(gates);
        caps = caps == null ? List.of() : List.copyOf(caps);
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

        /** Creates an empty builder; crediting defaults to all credits to their owners, measure to the sum. */
        public Builder() {
        }

        /** @return this, named @throws IllegalArgumentException if blank */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("component name is blank");
            }
            this.name = name.strip();
            return this;
        }

        /** @return this, crediting as given */
        public Builder credit(Crediting crediting) {
            this.crediting = Objects.requireNonNull(crediting, "crediting");
            return this;
        }

        /** @return this, measuring as given */
        public Builder measure(Measure measure) {
            this.measure = Objects.requireNonNull(measure, "measure");
            return this;
        }

        /** @return this, paying by the rule given @throws IllegalStateException if a pay rule is already set */
        public Builder pay(PayRule rule) {
            Objects.requireNonNull(rule, "pay rule");
            if (pay != null) {
                throw new IllegalStateException("component " + name + " already pays by " + pay + "; set one pay rule");
            }
            this.pay = rule;
            return this;
        }

        /** @return this, paying by the tier table given */
        public Builder pay(TierTable table) {
            return pay(new PayRule.Tiered(table));
        }

        /** @return this, paying {@code ratePercent} of every credited amount */
        public Builder flatRate(String ratePercent) {
            return pay(new PayRule.FlatRate(Percent.of(ratePercent)));
        }

        /** @return this, paying the {@code bonus} target by the table's percentage */
        public Builder bonus(String target, TierTable table) {
            return pay(new PayRule.Bonus(Money.parse(target), table));
        }

        /** @return this, paying an MBO of {@code target} x attainment up to {@code maxPercent} (null: no limit) */
        public Builder mbo(String target, String maxPercent) {
            return pay(new PayRule.Mbo(Money.parse(target), maxPercent == null ? null : new BigDecimal(maxPercent)));
        }

        /** @return this, paying {@code perDeal} for each qualifying deal */
        public Builder spiff(String perDeal) {
            return pay(new PayRule.Spiff(Money.parse(perDeal)));
        }

        /** @return this, with one more accelerator or decelerator */
        public Builder multiplier(Multiplier m) {
            multipliers.add(Objects.requireNonNull(m, "multiplier"));
            return this;
        }

        /** @return this, accelerating by {@code factor} above {@code abovePercent} attainment */
        public Builder accelerate(String abovePercent, String factor) {
            return multiplier(Multiplier.accelerator(abovePercent, factor));
        }

        /** @return this, decelerating by {@code factor} below {@code belowPercent} attainment */
        public Builder decelerate(String belowPercent, String factor) {
            return multiplier(Multiplier.decelerator(belowPercent, factor));
        }

        /** @return this, with one more gate */
        public Builder gate(Gate gate) {
            gates.add(Objects.requireNonNull(gate, "gate"));
            return this;
        }

        /** @return this, with one more cap */
        public Builder cap(Cap cap) {
            caps.add(Objects.requireNonNull(cap, "cap"));
            return this;
        }

        /** @return this, with a per-period floor, e.g. {@code floor("USD 500.00")} */
        public Builder floor(String money) {
            this.floor = Money.parse(money);
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
            return new Component(name, crediting, measure, pay, multipliers, gates, caps, floor);
        }
    }
}
