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
 * @param rounding      how pay is rounded to the minor unit; any mode but {@link RoundingMode#UNNECESSARY}
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

    /**
     * Checks for nulls and copies the collections; the rest is {@link #validate(CompContext)}'s job.
     *
     * @param name          the plan's name
     * @param currency      the currency pay is computed and paid in
     * @param rounding      how pay is rounded to the minor unit, e.g. {@link RoundingMode#HALF_EVEN}
     * @param roundingPoint whether each line or each component total is rounded
     * @param attributes    custom credit attribute names; null means none; copied, order kept
     * @param components    the components, in statement order; null means none; copied
     * @param totalCaps     caps on the sum of all components; null means none; copied
     * @param clawback      clawback rule, or null to ignore reversals
     * @param draw          a draw, or null
     * @param guarantee     a guarantee, or null
     * @param proration     quota proration; null means {@link QuotaProration#none()}
     * @param effectiveFrom first day this plan version applies, or null for always
     * @param effectiveTo   last day this plan version applies, or null for open-ended
     * @throws NullPointerException if {@code name}, {@code currency}, {@code rounding} or {@code roundingPoint}
     *                              is null, or a collection holds a null
     */
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

    /**
     * Starts a plan.
     *
     * @param name the plan's name, e.g. {@code "AE 2026"}; stripped
     * @return a new builder with rounding {@link RoundingMode#HALF_EVEN} at {@link RoundingPoint#EACH_LINE}, no
     *         currency yet
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
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

    /**
     * Finds a component by name.
     *
     * @param componentName the component's name, exact match (case matters)
     * @return the component, empty if the plan has none of that name
     */
    public java.util.Optional<Component> component(String componentName) {
        return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
    }

    /** @return every problem of the plan alone (no quotas or rates checked); empty if valid */
    public List<PlanProblem> validate() {
        return PlanValidator.validate(this, null);
    }

    /**
     * Validates the plan against the inputs it will run on.
     *
     * @param context the org, quotas, rates and periods the plan will be calculated with; null checks the plan
     *                alone, as {@link #validate()}
     * @return every problem of the plan against {@code context}, missing quotas and exchange rates too, each
     *         with its path in the plan; empty if valid, never null
     */
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

        /**
         * Sets the plan currency; required before {@link #build()}.
         *
         * @param code an ISO 4217 code, e.g. {@code "USD"}
         * @return this builder
         * @throws IllegalArgumentException naming the code if it is not a known currency
         */
        public Builder currency(String code) {
            this.currency = Money.currency(code);
            return this;
        }

        /**
         * Sets how pay is rounded to the minor unit (default {@link RoundingMode#HALF_EVEN}).
         *
         * @param mode the rounding mode; {@link RoundingMode#UNNECESSARY} is reported by {@link #build()}, as pay
         *             always needs rounding somewhere
         * @return this builder
         * @throws NullPointerException if {@code mode} is null
         */
        public Builder rounding(RoundingMode mode) {
            this.rounding = Objects.requireNonNull(mode, "rounding");
            return this;
        }

        /**
         * Sets where pay is rounded (default {@link RoundingPoint#EACH_LINE}).
         *
         * @param point each line, or each component total
         * @return this builder
         * @throws NullPointerException if {@code point} is null
         */
        public Builder roundingAt(RoundingPoint point) {
            this.roundingPoint = Objects.requireNonNull(point, "rounding point");
            return this;
        }

        /**
         * Declares custom credit attributes that conditions may use; built-in ones need no declaring. Adds to
         * earlier calls.
         *
         * @param names attribute names, e.g. {@code "segment"}; each stripped
         * @return this builder
         * @throws IllegalArgumentException if a name is null or blank
         */
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
         * Adds a component configured on a fresh {@link Component.Builder}.
         *
         * @param spec sets the component's name, crediting, measure and pay rule on the builder it is given
         * @return this builder
         * @throws IllegalArgumentException if a component of the same name exists
         * @throws IllegalStateException    if {@code spec} left the component without a name or a pay rule
         */
        public Builder component(Consumer<Component.Builder> spec) {
            Component.Builder b = new Component.Builder();
            spec.accept(b);
            return component(b.build());
        }

        /**
         * Adds a component, after those added before (statement order).
         *
         * @param component the component, its name not yet used in this plan
         * @return this builder
         * @throws NullPointerException     if {@code component} is null
         * @throws IllegalArgumentException if a component of the same name exists
         */
        public Builder component(Component component) {
            Objects.requireNonNull(component, "component");
            if (components.stream().anyMatch(c -> c.name().equals(component.name()))) {
                throw new IllegalArgumentException("plan " + name + " already has a component named " + component.name());
            }
            components.add(component);
            return this;
        }

        /**
         * Adds a cap on the total of all components; several caps all apply.
         *
         * @param cap a per-period or per-year cap in the plan currency (the currency is checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException     if {@code cap} is null
         * @throws IllegalArgumentException if the cap is per deal
         */
        public Builder totalCap(Cap cap) {
            if (cap.scope() == Cap.Scope.PER_DEAL) {
                throw new IllegalArgumentException("a total cap limits a period or a year, not a deal: " + cap.describe());
            }
            totalCaps.add(cap);
            return this;
        }

        /**
         * Sets how reversed deals are clawed back (default: reversals are ignored).
         *
         * @param rule the clawback rule
         * @return this builder
         * @throws NullPointerException if {@code rule} is null
         */
        public Builder clawback(Clawback rule) {
            this.clawback = Objects.requireNonNull(rule, "clawback");
            return this;
        }

        /**
         * Sets the plan's draw, replacing any earlier one.
         *
         * @param draw the draw, its amount in the plan currency (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException if {@code draw} is null
         */
        public Builder draw(Draw draw) {
            this.draw = Objects.requireNonNull(draw, "draw");
            return this;
        }

        /**
         * Sets a recoverable draw, topped up at period end, replacing any earlier draw.
         *
         * @param amount the per-period draw as {@link Money#parse(String)} reads it, e.g. {@code "USD 4,000.00"}
         * @param from   first day the draw is active
         * @param to     last day the draw is active, or null for open-ended
         * @return this builder
         * @throws IllegalArgumentException naming the text if {@code amount} is not an amount with a currency
         * @throws NullPointerException     if {@code from} is null
         */
        public Builder recoverableDraw(String amount, LocalDate from, LocalDate to) {
            return draw(new Draw(Draw.Kind.RECOVERABLE, Money.parse(amount), from, to));
        }

        /**
         * Sets a non-recoverable draw, topped up at period end, replacing any earlier draw: shortfalls are
         * forgiven.
         *
         * @param amount the per-period draw as {@link Money#parse(String)} reads it, e.g. {@code "USD 4,000.00"}
         * @param from   first day the draw is active
         * @param to     last day the draw is active, or null for open-ended
         * @return this builder
         * @throws IllegalArgumentException naming the text if {@code amount} is not an amount with a currency
         * @throws NullPointerException     if {@code from} is null
         */
        public Builder nonRecoverableDraw(String amount, LocalDate from, LocalDate to) {
            return draw(new Draw(Draw.Kind.NON_RECOVERABLE, Money.parse(amount), from, to));
        }

        /**
         * Sets a guarantee of minimum net pay per period, replacing any earlier one.
         *
         * @param amount the minimum net pay per period as {@link Money#parse(String)} reads it, e.g.
         *               {@code "USD 3,000.00"}; in the plan currency (checked by {@link #build()})
         * @param from   first day the guarantee is active
         * @param to     last day the guarantee is active, or null for open-ended
         * @return this builder
         * @throws IllegalArgumentException naming the text if {@code amount} is not an amount with a currency
         * @throws NullPointerException     if {@code from} is null
         */
        public Builder guarantee(String amount, LocalDate from, LocalDate to) {
            this.guarantee = new Guarantee(Money.parse(amount), from, to);
            return this;
        }

        /**
         * Sets how quotas are prorated for mid-period starts, ends and leaves (default
         * {@link QuotaProration#none()}).
         *
         * @param proration the proration rule
         * @return this builder
         * @throws NullPointerException if {@code proration} is null
         */
        public Builder proration(QuotaProration proration) {
            this.proration = Objects.requireNonNull(proration, "proration");
            return this;
        }

        /**
         * Sets the days this plan version applies (default: always).
         *
         * @param from first day, inclusive, or null for no start
         * @param to   last day, inclusive, or null for open-ended
         * @return this builder
         * @throws IllegalArgumentException if both are given and {@code to} is before {@code from}
         */
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
