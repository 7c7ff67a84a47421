package io.salesops.planning.quota;

import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Allocates a company target top-down through the org to its leaf reps, by a stated method.
 *
 * <pre>{@code
 * QuotaPlan plan = QuotaPlanner.builder(Money.of("10000000", "USD"), calendar.year(2027))
 *     .org(org).method(MethodMix.of(QuotaMethod.HISTORICAL)).history(bookings)
 *     .overAssign(Percent.of(10)).ramp(RampSchedule.of("25", "50", "75")).build().plan();
 * }</pre>
 *
 * <p>How: every leaf rep gets a share of the company by the method ({@link MethodMix}); each fiscal month
 * weighs {@code share x seasonality x ramp x fraction of the month in role}. The company target times one
 * plus the over-assignment is split among the org's roots by the weight of their subtrees, each manager's
 * amount among their direct reports the same way (times one plus that level's over-assignment, if given),
 * and each rep's year among the periods: at every split by {@link Money#allocate}, largest remainder, so
 * children always sum to their parent to the cent. A ramped rep's quota in a period is thus the ramp
 * percentage of what a fully ramped rep of the same share gets.
 *
 * <p>With a {@linkplain Builder#teamMethod(MethodMix) team method}, splits among managers' subtrees weigh the
 * subtrees by that method instead, and the main method only divides a team among its own reps: then one
 * rep's history changes no other team's total.
 *
 * <p>Instances are immutable and thread-safe; {@link #plan()} is deterministic.
 */
public final class QuotaPlanner {

    final Money target;
    final Period year;
    final Org org;
    final MethodMix method;
    final MethodMix teamMethod;
    final QuotaInputs inputs;
    final List<Percent> overAssign;
    final RampSchedule ramp;
    final Seasonality seasonality;
    final PeriodKind periods;
    final ChangeLimits limits;

    private QuotaPlanner(Builder b) {
        this.target = b.target;
        this.year = b.year;
        this.org = b.org;
        this.method = b.method;
        this.teamMethod = b.teamMethod == null ? b.method : b.teamMethod;
        this.inputs = new QuotaInputs(b.org, b.target.currency(), b.year, List.copyOf(b.history),
                Map.copyOf(b.potentialByRep), Map.copyOf(b.potentialByTerritory), Map.copyOf(b.forecast));
        this.overAssign = List.copyOf(b.overAssign);
        this.ramp = b.ramp;
        this.seasonality = b.seasonality != null ? b.seasonality
                : b.history.isEmpty() ? Seasonality.even() : Seasonality.learn(b.history, b.year.calendar());
        this.periods = b.periods;
        this.limits = b.limits;
    }

    /**
     * A builder for allocating {@code target} over fiscal year {@code year}.
     *
     * @param target the company target for the whole year, not negative; every other amount given to the builder
     *               must be in its currency; not null
     * @param year   a fiscal year ({@code calendar.year(2027)}); its calendar also places the history's periods;
     *               not null
     * @return a new builder with the defaults: equal shares, no over-assignment, no ramp, quarterly lines
     * @throws IllegalArgumentException if the target is negative or the period is not a year
     */
    public static Builder builder(Money target, Period year) {
        return new Builder(target, year);
    }

    /**
     * Allocates the target.
     *
     * @return the plan, identical for identical inputs; its lines sum to the target times the over-assignment,
     *         to the cent
     * @throws io.salesops.core.problem.SalesopsInputException if the org has no reps, the method has no usable
     *         figure for any rep, no rep is in role in the year, or the change limits cannot all hold
     */
    public QuotaPlan plan() {
        return new TopDownAllocation(this).run();
    }

    /** Collects the inputs of a {@link QuotaPlanner}; each call checks its argument. Not thread-safe. */
    public static final class Builder {
        private final Money target;
        private final Period year;
        private Org org;
        private MethodMix method = MethodMix.of(QuotaMethod.EQUAL);
        private MethodMix teamMethod;
        private final List<Bookings> history = new ArrayList<>();
        private Map<String, Money> potentialByRep = Map.of();
        private Map<String, Money> potentialByTerritory = Map.of();
        private Map<String, Money> forecast = Map.of();
        /** The largest over-assignment per level. */
        private static final Percent MAX_OVER_ASSIGN = Percent.of(1000);
        private List<Percent> overAssign = List.of();
        private RampSchedule ramp = RampSchedule.none();
        private Seasonality seasonality;
        private PeriodKind periods = PeriodKind.QUARTER;
        private ChangeLimits limits;

        private Builder(Money target, Period year) {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(year, "year");
            if (target.isNegative()) {
                throw new IllegalArgumentException("company target " + target + " is negative");
            }
            if (year.kind() != PeriodKind.YEAR) {
                throw new IllegalArgumentException("quotas are planned for a fiscal year, not the " + year.kind()
                        + " " + year);
            }
            this.target = target;
            this.year = year;
        }

        /**
         * The org whose leaves get quotas (required). Managers get the sum of their reports' quotas; a rep's start
         * and end dates prorate their year.
         *
         * @param org the org; not null
         * @return this builder
         */
        public Builder org(Org org) {
            this.org = Objects.requireNonNull(org, "org");
            return this;
        }

        /**
         * How each leaf rep's share is weighed (default: equal shares).
         *
         * @param method a method or a weighted mix of methods, e.g. {@code MethodMix.of(QuotaMethod.HISTORICAL)};
         *               a method needing data (history, potential, forecast) needs it given here too; not null
         * @return this builder
         */
        public Builder method(MethodMix method) {
            this.method = Objects.requireNonNull(method, "method");
            return this;
        }

        /**
         * The method that weighs managers' subtrees against each other (default: the method itself); see the
         * class comment.
         *
         * @param teamMethod the method for the splits above the leaf reps' own managers; not null
         * @return this builder
         */
        public Builder teamMethod(MethodMix teamMethod) {
            this.teamMethod = Objects.requireNonNull(teamMethod, "teamMethod");
            return this;
        }

        /**
         * Bookings history: historical shares use the fiscal year before the plan year, seasonality every
         * complete year. Adds to what was given before.
         *
         * @param rows bookings per rep and period, in the target's currency; not null, no null element
         * @return this builder
         * @throws IllegalArgumentException naming the row if an amount is not in the target's currency
         */
        public Builder history(Collection<Bookings> rows) {
            for (Bookings b : rows) {
                if (!b.amount().currency().equals(target.currency())) {
                    throw new IllegalArgumentException("bookings of " + b.repId() + " in " + b.period() + " are in "
                            + b.amount().currency() + "; the target is in " + target.currency());
                }
                history.add(b);
            }
            return this;
        }

        /**
         * Potential per rep (the market a rep can reach), used before the territory's; replaces any given before.
         *
         * @param potential rep id to potential, in the target's currency; reps left out fall back to their
         *                  territory's; not null
         * @return this builder
         * @throws IllegalArgumentException naming the rep if an amount is not in the target's currency
         */
        public Builder potentialByRep(Map<String, Money> potential) {
            this.potentialByRep = checked(potential, "potential of rep");
            return this;
        }

        /**
         * Potential per territory, shared equally by the leaf reps in the territory; replaces any given before.
         *
         * @param potential territory id (as the reps' {@code territory} names it) to potential, in the target's
         *                  currency; not null
         * @return this builder
         * @throws IllegalArgumentException naming the territory if an amount is not in the target's currency
         */
        public Builder potentialByTerritory(Map<String, Money> potential) {
            this.potentialByTerritory = checked(potential, "potential of territory");
            return this;
        }

        /**
         * Forecast (expected bookings in the plan year) per rep, for {@link QuotaMethod#FORECAST}; replaces any
         * given before.
         *
         * @param forecast rep id to expected bookings, in the target's currency; not null
         * @return this builder
         * @throws IllegalArgumentException naming the rep if an amount is not in the target's currency
         */
        public Builder forecast(Map<String, Money> forecast) {
            this.forecast = checked(forecast, "forecast of rep");
            return this;
        }

        /**
         * Over-assignment per level: the first applies between the company target and the sum of the roots'
         * quotas, the next between each root and their direct reports, and so on. Levels past the list get none.
         *
         * @param perLevel percentages, 0% to 1000% each, e.g. {@code [10%, 5%]} for 10% over the company target and
         *                 5% more at the next level; not null, no null element
         * @return this builder
         * @throws IllegalArgumentException naming the level if a percentage is negative or above 1000%
         */
        public Builder overAssign(List<Percent> perLevel) {
            for (int i = 0; i < perLevel.size(); i++) {
                if (perLevel.get(i).value().signum() < 0) {
                    throw new IllegalArgumentException("over-assignment " + perLevel.get(i) + " at level " + (i + 1)
                            + " is negative");
                }
                // Bounded so that quotas stay far inside Money's range whatever the target.
                if (perLevel.get(i).compareTo(MAX_OVER_ASSIGN) > 0) {
                    throw new IllegalArgumentException("over-assignment " + perLevel.get(i) + " at level " + (i + 1)
                            + " is above " + MAX_OVER_ASSIGN);
                }
            }
            this.overAssign = List.copyOf(perLevel);
            return this;
        }

        /**
         * Over-assignment at the company level only: the roots' quotas sum to the target times one plus this.
         *
         * @param companyLevel 0% to 1000%, e.g. {@code Percent.of(10)} for quotas summing to 110% of the target;
         *                     not null
         * @return this builder
         * @throws IllegalArgumentException if the percentage is negative or above 1000%
         */
        public Builder overAssign(Percent companyLevel) {
            return overAssign(List.of(companyLevel));
        }

        /**
         * The ramp schedule for new hires, by tenure month from the org's start dates (default: none). A rep
         * without a start date counts as fully ramped.
         *
         * @param ramp the schedule; not null
         * @return this builder
         */
        public Builder ramp(RampSchedule ramp) {
            this.ramp = Objects.requireNonNull(ramp, "ramp");
            return this;
        }

        /**
         * How the year's quota is spread over fiscal months (default: learned from the history if given, else
         * even).
         *
         * @param seasonality the monthly weights; not null
         * @return this builder
         */
        public Builder seasonality(Seasonality seasonality) {
            this.seasonality = Objects.requireNonNull(seasonality, "seasonality");
            return this;
        }

        /**
         * The periods each rep gets a line for: months, quarters (the default), halves or the year.
         *
         * @param kind the kind of period of the plan's lines; not null
         * @return this builder
         */
        public Builder periods(PeriodKind kind) {
            this.periods = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Floors and caps on each rep's change from last year's quota (default: none).
         *
         * @param limits last year's quotas and the largest increase and decrease; not null
         * @return this builder
         */
        public Builder changeLimits(ChangeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Makes the planner; the inputs are copied, so later calls on the builder do not change it.
         *
         * @return an immutable planner; the builder stays usable
         * @throws IllegalStateException if no org was given
         */
        public QuotaPlanner build() {
            if (org == null) {
                throw new IllegalStateException("a quota plan needs the org; call org(...)");
            }
            return new QuotaPlanner(this);
        }

        private Map<String, Money> checked(Map<String, Money> m, String what) {
            m.forEach((k, v) -> {
                if (!v.currency().equals(target.currency())) {
                    throw new IllegalArgumentException(what + " " + k + " is " + v + "; the target is in "
                            + target.currency());
                }
            });
            return Map.copyOf(m);
        }
    }

    /**
     * Floors and caps on a rep's year quota relative to last year's, used by {@link Builder#changeLimits}. A rep
     * without a quota last year is not limited. Immutable and thread-safe.
     *
     * @param lastYear    last year's quotas, looked up for the fiscal year before the plan year
     * @param maxIncrease the largest rise, e.g. 20% caps a rep at 120% of last year; null for no cap
     * @param maxDecrease the largest fall, 0% to 100%, e.g. 10% floors a rep at 90% of last year; null for no floor
     */
    public record ChangeLimits(Quotas lastYear, Percent maxIncrease, Percent maxDecrease) {
        /**
         * Checks the fields.
         *
         * @param lastYear    last year's quotas; not null
         * @param maxIncrease the largest rise, not negative; or null for no cap
         * @param maxDecrease the largest fall, 0% to 100%; or null for no floor
         * @throws IllegalArgumentException if a limit is negative or the decrease above 100%
         * @throws NullPointerException     if {@code lastYear} is null
         */
        public ChangeLimits {
            Objects.requireNonNull(lastYear, "lastYear");
            if (maxIncrease != null && maxIncrease.value().signum() < 0) {
                throw new IllegalArgumentException("maximum increase " + maxIncrease + " is negative");
            }
            if (maxDecrease != null && (maxDecrease.value().signum() < 0 || maxDecrease.compareTo(Percent.HUNDRED) > 0)) {
                throw new IllegalArgumentException("maximum decrease " + maxDecrease + " is outside 0%..100%");
            }
        }
    }
}
