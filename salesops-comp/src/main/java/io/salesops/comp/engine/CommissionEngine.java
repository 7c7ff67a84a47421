package io.salesops.comp.engine;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.internal.Calculation;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Evaluates commission plans: one period at a time, a statement per payee plus the state to carry forward.
 *
 * <pre>{@code
 * CalculationResult march = CommissionEngine.calculate(plan, context, credits, march2026, CompState.empty());
 * CalculationResult april = CommissionEngine.calculate(plan, context, credits, april2026, march.state());
 * }</pre>
 *
 * <p>Credits dated outside the period are ignored, so the same list can be passed for every period. The
 * payees are those the context names ({@link CompContext#withPayees}) or, by default, the reps of the org the
 * plan can pay ({@link io.salesops.comp.plan.Payees}). The same inputs give the same output on any number of
 * threads: payees are calculated independently and gathered in org order.
 *
 * <p>The static methods use the common fork-join pool; {@link #withParallelism(int)} gives an engine with its
 * own. Instances are immutable and thread-safe.
 */
public final class CommissionEngine {

    private final ForkJoinPool pool;

    private CommissionEngine(ForkJoinPool pool) {
        this.pool = pool;
    }

    /**
     * An engine that calculates payees on {@code threads} threads (1: on the calling thread).
     *
     * @param threads the number of threads, at least 1; the results do not depend on it
     * @return an engine with its own pool of {@code threads} daemon threads (none for 1), kept for the engine's
     *         lifetime
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static CommissionEngine withParallelism(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parallelism " + threads + " is below 1");
        }
        return new CommissionEngine(threads == 1 ? null : new ForkJoinPool(threads));
    }

    /**
     * Calculates one period of {@code plan} for the reps of {@code org}, with no quotas or exchange rates.
     *
     * @param plan       the plan; with no quotas, a plan that needs them has no payee (pass quotas through the
     *                   {@link CompContext} overload)
     * @param org        the sales org
     * @param credits    credits and reversals, all in the plan currency (there are no exchange rates); those
     *                   dated outside the period are ignored
     * @param period     the period to calculate
     * @param priorState the state after the previous period ({@link CompState#empty()} for the first)
     * @return a statement per payee and the state after this period
     * @throws io.salesops.comp.plan.PlanValidationException listing every problem of the plan itself
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the input (a payee without a
     *         quota; {@link io.salesops.comp.input.MissingRateException} when only exchange rates are missing)
     */
    public static CalculationResult calculate(CompPlan plan, Org org, Collection<Credit> credits, Period period,
                                              CompState priorState) {
        return calculate(plan, CompContext.of(org), credits, period, priorState);
    }

    /**
     * Calculates one period of {@code plan}.
     *
     * @param plan       the plan; validated first, every problem reported at once
     * @param context    org, quotas, exchange rates and leaves
     * @param credits    credits and reversals; those dated outside the period are ignored
     * @param period     the period to calculate
     * @param priorState the state after the previous period ({@link CompState#empty()} for the first)
     * @return a statement per payee (in org order), warnings about unused input and the state after this
     *         period; never null
     * @throws io.salesops.comp.plan.PlanValidationException listing every problem of the plan itself
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the input (a payee without a
     *         quota; {@link io.salesops.comp.input.MissingRateException} when only exchange rates are missing)
     * @throws IllegalArgumentException naming the credit if credit ids repeat within the period
     */
    public static CalculationResult calculate(CompPlan plan, CompContext context, Collection<Credit> credits,
                                              Period period, CompState priorState) {
        return calculate(List.of(plan), context, credits, period, priorState);
    }

    /**
     * Calculates one period under effective-dated plan versions: each version applies to the days of the
     * period it is effective on, with quotas prorated by those days; draws, guarantees and caps stated per period
     * or per year are day-weighted blends of the versions (docs/plan-files.md, "Plan versions within a period").
     *
     * @param versions   the plan versions, in any order, with non-overlapping effective dates and one currency
     * @param context    org, quotas, exchange rates, leaves and payees
     * @param credits    credits and reversals; those dated outside the period are ignored
     * @param period     the period to calculate
     * @param priorState the state after the previous period ({@link CompState#empty()} for the first)
     * @return a statement per payee (in org order), warnings about unused input and the state after this
     *         period; never null
     * @throws io.salesops.comp.plan.PlanValidationException if two versions share a day (each overlap located at
     *         {@code versions[i]}, see {@link io.salesops.comp.plan.PlanValidator#validateVersions}), or listing
     *         every problem of a version itself
     * @throws io.salesops.core.problem.SalesopsInputException if no version is effective in the period or versions
     *         differ in currency (the period or the plan files are the user's)
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the input, as
     *         {@link #calculate(CompPlan, CompContext, Collection, Period, CompState)}
     * @throws NullPointerException     if an argument is null
     */
    public static CalculationResult calculate(List<CompPlan> versions, CompContext context, Collection<Credit> credits,
                                              Period period, CompState priorState) {
        return new CommissionEngine(ForkJoinPool.commonPool()).run(versions, context, credits, period, priorState);
    }

    /**
     * As {@link #calculate(List, CompContext, Collection, Period, CompState)}, on this engine's threads.
     *
     * @param versions   the plan versions, with non-overlapping effective dates and one currency
     * @param context    org, quotas, exchange rates, leaves and payees
     * @param credits    credits and reversals; those dated outside the period are ignored
     * @param period     the period to calculate
     * @param priorState the state after the previous period ({@link CompState#empty()} for the first)
     * @return a statement per payee, warnings and the state after this period; never null
     * @throws io.salesops.comp.plan.PlanValidationException as the static {@code calculate}
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the input
     * @throws NullPointerException if an argument is null
     */
    public CalculationResult run(List<CompPlan> versions, CompContext context, Collection<Credit> credits, Period period,
                                 CompState priorState) {
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(priorState, "priorState");
        return Calculation.run(versions, context, credits, period, priorState, pool);
    }

    /**
     * As {@link #calculate(CompPlan, CompContext, Collection, Period, CompState)}, on this engine's threads.
     *
     * @param plan       the plan; validated first, every problem reported at once
     * @param context    org, quotas, exchange rates, leaves and payees
     * @param credits    credits and reversals; those dated outside the period are ignored
     * @param period     the period to calculate
     * @param priorState the state after the previous period ({@link CompState#empty()} for the first)
     * @return a statement per payee, warnings and the state after this period; never null
     * @throws io.salesops.comp.plan.PlanValidationException listing every problem of the plan itself
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the input
     * @throws NullPointerException if an argument is null
     */
    public CalculationResult run(CompPlan plan, CompContext context, Collection<Credit> credits, Period period,
                                 CompState priorState) {
        return run(List.of(plan), context, credits, period, priorState);
    }

    /**
     * What one more deal would pay: the period calculated without and with {@code deal}, state untouched.
     *
     * @param deal a booked credit dated in the period; its payee is the owner whose statements are returned
     * @param plan       the plan; validated first, every problem reported at once
     * @param context    the org, quotas and exchange rates
     * @param credits    the period's credits without the deal
     * @param period     the period to calculate
     * @param priorState the state carried in from the previous period
     * @return the period without and with the deal
     * @throws SalesopsInputException if the deal is not dated in the period or its payee is not in the org (an
     *                                input problem at {@code deal.date} or {@code deal.payee}), or the inputs are
     *                                invalid as for {@link #calculate}
     */
    public static WhatIf whatIf(CompPlan plan, CompContext context, Collection<Credit> credits, Period period,
                                CompState priorState, Credit deal) {
        if (!period.contains(deal.date())) {
            throw input("deal.date", "what-if deal " + deal.id() + " is dated " + deal.date() + ", outside " + period);
        }
        if (!context.org().contains(deal.payeeId())) {
            throw input("deal.payee", "what-if deal " + deal.id() + " belongs to " + deal.payeeId()
                    + ", who is not in the org");
        }
        CalculationResult without = calculate(plan, context, credits, period, priorState);
        List<Credit> with = new ArrayList<>(credits);
        with.add(deal);
        CalculationResult withDeal = calculate(plan, context, with, period, priorState);
        Map<String, Money> effects = new LinkedHashMap<>();
        for (int i = 0; i < without.statements().size(); i++) {
            Statement a = without.statements().get(i);
            Statement b = withDeal.statements().get(i);
            if (!a.earned().equals(b.earned())) {
                effects.put(a.payeeId(), b.earned().minus(a.earned()));
            }
        }
        return new WhatIf(deal, without.statement(deal.payeeId()).orElseThrow(),
                withDeal.statement(deal.payeeId()).orElseThrow(), effects);
    }

    /**
     * The adjustments a recalculated past period owes: for each payee and each component (and for draws,
     * recoveries and guarantees), the recalculated amount minus the amount paid, as {@link LineKind#ADJUSTMENT}
     * lines. Differences of zero give no line.
     *
     * @param paid         the result that was paid
     * @param recalculated the result of calculating the same period again with corrected inputs
     * @return adjustment lines by payee, in the recalculated result's order; payees with none are left out
     * @throws IllegalArgumentException if the two results are for different periods
     */
    public static Map<String, List<PayoutLine>> adjustments(CalculationResult paid, CalculationResult recalculated) {
        if (!paid.period().equals(recalculated.period())) {
            throw new IllegalArgumentException("cannot compare " + paid.period() + " with " + recalculated.period());
        }
        Map<String, List<PayoutLine>> out = new LinkedHashMap<>();
        for (Statement now : recalculated.statements()) {
            Statement then = paid.statement(now.payeeId()).orElse(null);
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (PayoutLine l : now.lines()) {
                sums.computeIfAbsent(key(l), k -> new long[2])[0] += l.amount().minorUnits();
            }
            if (then != null) {
                for (PayoutLine l : then.lines()) {
                    sums.computeIfAbsent(key(l), k -> new long[2])[1] += l.amount().minorUnits();
                }
            }
            List<PayoutLine> lines = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>(sums.keySet());
            for (String k : keys) {
                long[] s = sums.get(k);
                long diff = s[0] - s[1];
                if (diff != 0) {
                    Money a = Money.ofMinor(s[0], now.currency());
                    Money b = Money.ofMinor(s[1], now.currency());
                    Money d = Money.ofMinor(diff, now.currency());
                    lines.add(new PayoutLine(LineKind.ADJUSTMENT, k.startsWith("component ") ? k.substring(10) : null,
                            "recalculation of " + now.period(), List.of(), null, null, null, List.of(), d,
                            "recalculated " + k + " for " + now.period() + ": " + a + " less " + b + " paid = " + d));
                }
            }
            if (!lines.isEmpty()) {
                out.put(now.payeeId(), List.copyOf(lines));
            }
        }
        return out;
    }

    private static String key(PayoutLine l) {
        return l.component() != null ? "component " + l.component() : l.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static SalesopsInputException input(String path, String message) {
        return new SalesopsInputException(message, List.of(Problem.at(path, message)));
    }
}
