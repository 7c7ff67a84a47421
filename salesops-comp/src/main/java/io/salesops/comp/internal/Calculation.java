package io.salesops.comp.internal;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PlanProblem;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.PlanValidator;
import io.salesops.comp.statement.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * One period's calculation. {@link CreditRouter} credits the period once and groups the amounts per payee;
 * each payee is then calculated independently by a {@link PayeeCalculation} (in parallel when a pool is
 * given) on {@code long} minor units, with {@link java.math.BigDecimal} only where a rate multiplies a base.
 * Results are gathered in org order, so the output does not depend on the thread count.
 */
public final class Calculation {

    private Calculation() {
    }

    /**
     * Calculates {@code period}.
     *
     * @param versions plan versions; those effective in the period apply to their part of it
     * @param pool     the pool to calculate payees in, or null for the calling thread
     * @throws PlanValidationException listing every problem of a version's own, or every two versions sharing a day
     * @throws io.salesops.core.problem.SalesopsInputException listing every problem of the context and credits
     *         ({@link io.salesops.comp.input.MissingRateException} when they are all missing exchange rates)
     */
    public static CalculationResult run(List<CompPlan> versions, CompContext ctx, Collection<Credit> credits,
                                        io.salesops.core.period.Period period, CompState prior, ForkJoinPool pool) {
        List<PlanProblem> overlaps = PlanValidator.validateVersions(versions);
        if (!overlaps.isEmpty()) {
            throw new PlanValidationException(versions.get(0).name(), overlaps);
        }
        if (!ctx.targets().isEmpty()) {
            List<PlanProblem> targets = PlanValidator.validateTargets(versions, ctx);
            if (!targets.isEmpty()) {
                throw new io.salesops.core.problem.SalesopsInputException(targets.stream()
                        .map(t -> io.salesops.core.problem.Problem.at(t.path(), t.message())).toList());
            }
        }
        PeriodSetup setup = new PeriodSetup(versions, ctx, period, prior);
        PeriodCredits read = new PeriodCredits(setup, credits);
        // Only a credit in another currency can miss an exchange rate: the check reads every credit only then.
        List<Credit> toCheck = read.otherCurrency ? PeriodCredits.inPeriod(credits, period) : null;
        for (VersionSlice s : setup.slices) {
            PlanValidator.check(s.plan(), ctx, period, toCheck);
        }
        read.requireUniqueIds(period);
        List<String> warnings = new ArrayList<>();
        CreditRouter router = new CreditRouter(setup, warnings, read);
        router.route();
        FormulaText text = new FormulaText(setup.currency, setup.rounding);
        PayRules rules = new PayRules(setup, text);
        int n = setup.reps.length;
        PayeeCalculation.Outcome[] out = new PayeeCalculation.Outcome[n];
        Runnable all = () -> IntStream.range(0, n).parallel()
                .forEach(p -> out[p] = new PayeeCalculation(setup, router, text, rules, p).run());
        if (pool == null) {
            for (int p = 0; p < n; p++) {
                out[p] = new PayeeCalculation(setup, router, text, rules, p).run();
            }
        } else if (pool == ForkJoinPool.commonPool()) {
            // The calling thread joins in, so two cores give two workers even though the common pool has one.
            all.run();
        } else {
            try {
                pool.submit(all).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calculation of " + period + " was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        List<Statement> statements = new ArrayList<>(n);
        Map<String, PayeeState> states = new HashMap<>(n * 2);
        int[][] paid = new int[n][];
        for (int p = 0; p < n; p++) {
            statements.add(out[p].statement());
            states.put(out[p].state().payeeId(), out[p].state());
            paid[p] = out[p].paidDeals();
        }
        // Deal to the payees paid for it, for later reversals.
        Map<String, String[]> chunk = new PaidDeals(router.deals(), setup.reps, paid);
        return new CalculationResult(period, setup.last.name(), setup.currency, statements,
                prior.next(states, chunk), warnings);
    }
}
