package io.salesops.comp.plan;

import io.salesops.comp.input.CompContext;
import io.salesops.core.money.Money;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A commission plan as data: components that credit, measure and pay, plus what applies to the whole plan
 * (currency, rounding, total caps, clawbacks, a draw, a guarantee, quota proration, effective dates).
 *
 * <pre>{@code
 * CompPlan plan = CompPlan.builder("AE 2026").currency("USD").rounding(RoundingMode.HALF_EVEN)
 *     .component(c -> c.name("Bookings").credit(when(eq("type", "new"))).measure(attainment())
 *         .pay(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The record constructor checks only for nulls so that a plan read from a file
 * can be built and then {@linkplain #validate(CompContext) validated} with every problem listed at once;
 * {@link Builder#build()} validates before it returns.
 *
 * @param name          the plan's name, non-blank
 * @param currency      the currency pay is computed and paid in
 * @param rounding      how pay is rounded to the minor unit
 * @param roundingPoint whether each line or each component total is rounded
 * @param attributes    custom credit attributes conditions may use (built-ins need no declaring); copied
 * @param components    the components, in statement order; copied
 * @param totalCaps     caps on the sum of all components per period or year; copied
 * @param clawback      clawback rule, or null to ignore reversals
 * @param draw          a draw, or null
 * @param guarantee     a guarantee, or null
 * @param proration     quota proration for mid-period starts, ends and leaves
 * @param effectiveFrom first day this plan version applies, or null for always
 * @param effectiveTo   last day this plan version applies, or null for open-ended
 */
public record CompPlan(String name, Currency currency, RoundingMode rounding, RoundingPoint roundingPoint,
                       Set<String> attributes, List<Component> components, List<Cap> totalCaps, Clawback clawback,
                       Draw draw, Guarantee guarantee, QuotaProration proration, LocalDate effectiveFrom,
                       LocalDate effectiveTo) {

    /** Checks for nulls and copies the collections. */
    public CompPlan {
        Objects.requireNonNull(name, "plan name");
        Objects.requireNonNull(currency, () -> "currency of plan " + name);
        Objects.requireNonNull(rounding, () -> "rounding of plan " + name);
        Objects.requireNonNull(roundingPoint, () -> "rounding point of plan " + name);
        attributes = attributes == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(attributes));
        components = components == null ? List.of() : List.copyOf(components);
        totalCaps = totalCaps == null ? List.of() : List.copyOf(totalCaps);
        proration = proration == null ? QuotaProration.none() : proration;
    }

    /** @return a builder for a plan named {@code name} */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this plan's values, for variations */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.currency = currency;
        b.rounding = rounding;
        b.roundingPoint = roundingPoint;
        b.attributes.addAll(attributes);
        b.components.addAll(components);
        b.totalCaps.addAll(totalCaps);
        b.clawback = clawback;
        b.draw = draw;
        b.guarantee = guarantee;
        b.proration = proration;
        b.effectiveFrom = effectiveFrom;
        b.effectiveTo = effectiveTo;
        return b;
    }

    /** @return the component named {@code componentName}, if any */
    public java.util.Optional<Component> component(String componentName) {
        return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
    }

    /** @return every problem of the plan alone (no quotas or rates checked); empty if valid */
    public List<PlanProblem> validate() {
        return PlanValidator.validate(this, null);
    }

    /** @return every problem of the plan against {@code context}: missing quotas and exchange rates too */
    public List<PlanProblem> validate(CompContext context) {
        return PlanValidator.validate(this, context);
    }

    /**
     * Builds a {@link CompPlan}. Each call checks its argument at once; {@link #build()} validates the whole
     * plan and leaves the builder usable. Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private Currency currency;
        private RoundingMode rounding = RoundingMode.HALF_EVEN;
        private RoundingPoint roundingPoint = RoundingPoint.EACH_LINE;
        private final Set<String> attributes = new LinkedHashSet<>();
        private final List<Component> components = new ArrayList<>();
        private final List<Cap> totalCaps = new ArrayList<>();
        private Clawback clawback;
        private Draw draw;
        private Guarantee guarantee;
        private QuotaProration proration = QuotaProration.none();
        private LocalDate effectiveFrom;
        private LocalDate effectiveTo;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("plan name is blank");
            }
            this.name = name.strip();
        }

        /** @return this, paying in the ISO 4217 currency {@code code} */
        public Builder currency(String code) {
            this.currency = Money.currency(code);
            return this;
        }

        /** @return this, rounding pay with {@code mode} (default HALF_EVEN) */
        public Builder rounding(RoundingMode mode) {
            this.rounding = Objects.requireNonNull(mode, "rounding");
            return this;
        }

        /** @return this, rounding at {@code point} (default each line) */
        public Builder roundingAt(RoundingPoint point) {
            this.roundingPoint = Objects.requireNonNull(point, "rounding point");
            return this;
        }

        /** @return this, declaring custom credit attributes conditions may use */
        public Builder attributes(String... names) {
            for (String n : names) {
                if (n == null || n.isBlank()) {
                    throw new IllegalArgumentException("attribute name is blank");
                }
                attributes.add(n.strip());
            }
            return this;
        }

        /**
         * @return this, with a component configured by {@code spec}
         * @throws IllegalArgumentException if a component of the same name exists
         */
        public Builder component(Consumer<Component.Builder> spec) {
            Component.Builder b = new Component.Builder();
            spec.accept(b);
            return component(b.build());
        }

        /** @return this, with the component @throws IllegalArgumentException if its name is taken */
        public Builder component(Component component) {
            Objects.requireNonNull(component, "component");
            if (components.stream().anyMatch(c -> c.name().equals(component.name()))) {
                throw new IllegalArgumentException("plan " + name + " already has a component named " + component.name());
            }
            components.add(component);
            return this;
        }

        /** @return this, capping the total of all components */
        public Builder totalCap(Cap cap) {
            if (cap.scope() == Cap.Scope.PER_DEAL) {
                throw new IllegalArgumentException("a total cap limits a period or a year, not a deal: " + cap.describe());
            }
            totalCaps.add(cap);
            return this;
        }

        /** @return this, clawing back reversed deals as {@code rule} says */
        public Builder clawback(Clawback rule) {
            this.clawback = Objects.requireNonNull(rule, "clawback");
            return this;
        }

        /** @return this, with a draw */
        public Builder draw(Draw draw) {
            this.draw = Objects.requireNonNull(draw, "draw");
            return this;
        }

        /** @return this, with a recoverable draw of {@code amount} per period from {@code from} to {@code to} */
        public Builder recoverableDraw(String amount, LocalDate from, LocalDate to) {
            return draw(new Draw(Draw.Kind.RECOVERABLE, Money.parse(amount), from, to));
        }

        /** @return this, with a non-recoverable draw of {@code amount} per period */
        public Builder nonRecoverableDraw(String amount, LocalDate from, LocalDate to) {
            return draw(new Draw(Draw.Kind.NON_RECOVERABLE, Money.parse(amount), from, to));
        }

        /** @return this, guaranteeing {@code amount} net pay per period from {@code from} to {@code to} */
        public Builder guarantee(String amount, LocalDate from, LocalDate to) {
            this.guarantee = new Guarantee(Money.parse(amount), from, to);
            return this;
        }

        /** @return this, prorating quotas as given */
        public Builder proration(QuotaProration proration) {
            this.proration = Objects.requireNonNull(proration, "proration");
            return this;
        }

        /** @return this, effective from {@code from} to {@code to} (either may be null for open) */
        public Builder effective(LocalDate from, LocalDate to) {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("plan " + name + " ends on " + to + ", before it starts on " + from);
            }
            this.effectiveFrom = from;
            this.effectiveTo = to;
            return this;
        }

        /**
         * @return the validated plan
         * @throws IllegalStateException    if no currency is set
         * @throws PlanValidationException listing every problem found
         */
        public CompPlan build() {
            if (currency == null) {
                throw new IllegalStateException("plan " + name + " has no currency; call currency(\"USD\")");
            }
            CompPlan plan = new CompPlan(name, currency, rounding, roundingPoint, attributes, components, totalCaps,
                    clawback, draw, guarantee, proration, effectiveFrom, effectiveTo);
            List<PlanProblem> problems = plan.validate();
            if (!problems.isEmpty()) {
                throw new PlanValidationException(name, problems);
            }
            return plan;
        }
    }
}
