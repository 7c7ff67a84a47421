package io.salesops.planning.quota;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.statement.Statement;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's exact pay for each simulated rep, period and attainment grid point the model can draw for that rep,
 * for a separable plan (see {@link Separability}): per period, engine run {@code i} pays every rep at their
 * {@code i}-th support point at once, so a period takes as many runs as the largest support and the engine pays
 * each (rep, period, grid point) once. Immutable once built; thread-safe for reading.
 */
final class PayTable {

    /** pay[r][p][i]: rep r's earned pay in period p at the i-th point of their support in p. */
    private final long[][][] pay;
    /** credit[r][p][i]: the credit amount at that point ({@link PlanCost#amount}), so a simulated year adds no division. */
    private final long[][][] credit;
    /** position[r][p][g]: the index of grid point g in rep r's support in p, or -1; reps with equal supports share it. */
    private final int[][][] position;
    /** Pay of the org's payees that have no quota (they get no credits), over all periods. */
    private final long others;
    private final long evaluations;

    private PayTable(long[][][] pay, long[][][] credit, int[][][] position, long others, long evaluations) {
        this.pay = pay;
        this.credit = credit;
        this.position = position;
        this.others = others;
        this.evaluations = evaluations;
    }

    static PayTable evaluate(PlanCost cost, CommissionEngine engine, List<CompPlan> versions) {
        List<Rep> reps = cost.reps();
        List<Period> periods = cost.periods();
        CompContext context = cost.context();
        long[][][] pay = new long[reps.size()][periods.size()][];
        long[][][] credit = new long[reps.size()][periods.size()][];
        int[][][] position = new int[reps.size()][periods.size()][];
        long others = 0;
        long evaluations = 0;
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < reps.size(); r++) {
            index.put(reps.get(r).id(), r);
        }
        for (int p = 0; p < periods.size(); p++) {
            int[][] support = new int[reps.size()][];
            int rounds = 0;
            for (int r = 0; r < reps.size(); r++) {
                support[r] = cost.draws().support(r, p);
                rounds = Math.max(rounds, support[r].length);
                pay[r][p] = new long[support[r].length];
                credit[r][p] = new long[support[r].length];
                evaluations += support[r].length;
                position[r][p] = r > 0 && Arrays.equals(support[r], support[r - 1]) ? position[r - 1][p] : positions(support[r]);
            }
            for (int i = 0; i < rounds; i++) {
                List<Credit> credits = new ArrayList<>();
                for (int r = 0; r < reps.size(); r++) {
                    long amount = i < support[r].length ? cost.amount(r, p, support[r][i]) : 0;
                    if (i < support[r].length) {
                        credit[r][p][i] = amount;
                    }
                    if (amount > 0) {
                        credits.add(cost.credit(0, r, p, amount));
                    }
                }
                CalculationResult result = engine.run(versions, context, credits, periods.get(p), CompState.empty());
                for (Statement s : result.statements()) {
                    Integer r = index.get(s.payeeId());
                    if (r == null) {
                        if (i == 0) {
                            others = Math.addExact(others, s.earned().minorUnits());
                        }
                    } else if (i < support[r].length) {
                        pay[r][p][i] = s.earned().minorUnits();
                    }
                }
            }
        }
        return new PayTable(pay, credit, position, others, evaluations);
    }

    private static int[] positions(int[] support) {
        int[] at = new int[support.length == 0 ? 0 : support[support.length - 1] + 1];
        Arrays.fill(at, -1);
        for (int i = 0; i < support.length; i++) {
            at[support[i]] = i;
        }
        return at;
    }

    /** @return the total pay of a simulated year given as grid points per rep and period */
    long total(int[][] grid) {
        long t = others;
        for (int r = 0; r < grid.length; r++) {
            long[][] rp = pay[r];
            int[][] at = position[r];
            for (int p = 0; p < grid[r].length; p++) {
                t += rp[p][at[p][grid[r][p]]];
            }
        }
        return t;
    }

    /** @return rep {@code r}'s credit amount in period {@code p} at grid point {@code g}, which the model can draw */
    long credited(int r, int p, int g) {
        return credit[r][p][position[r][p][g]];
    }

    long evaluations() {
        return evaluations;
    }

    /**
     * The steepest steps of the year's payout curve of the rep with the median year quota: the engine pays that
     * rep alone at every grid point from 0 to the largest the model draws, the same attainment in every period.
     */
    static List<CostReport.CurveStep> steepest(PlanCost cost, CommissionEngine engine, List<CompPlan> versions, int n) {
        long[][] quota = cost.quotas();
        Integer[] order = new Integer[quota.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingLong(r -> Arrays.stream(quota[r]).sum()));
        int median = order[order.length / 2];
        Rep rep = cost.reps().get(median);
        Org alone = Org.of(List.of(rep.withManager(null)));
        List<Quota> qs = new ArrayList<>();
        List<Period> periods = cost.periods();
        for (int p = 0; p < periods.size(); p++) {
            qs.add(new Quota(rep.id(), periods.get(p), Money.ofMinor(quota[median][p], cost.currency())));
        }
        CompContext context = new CompContext(alone, Quotas.of(qs), cost.context().rates(), cost.context().leaves());
        int max = 0;
        for (int r = 0; r < quota.length; r++) {
            for (int p = 0; p < periods.size(); p++) {
                int[] s = cost.draws().support(r, p);
                max = Math.max(max, s.length == 0 ? 0 : s[s.length - 1]);
            }
        }
        max = Math.min(max, 400 / cost.model().gridStep());
        long[] curve = new long[max + 1];
        for (int g = 0; g <= max; g++) {
            for (int p = 0; p < periods.size(); p++) {
                long amount = cost.amount(median, p, g);
                List<Credit> credits = amount > 0 ? List.of(cost.credit(0, median, p, amount)) : List.of();
                curve[g] += engine.run(versions, context, credits, periods.get(p), CompState.empty()).totalEarned().minorUnits();
            }
        }
        List<CostReport.CurveStep> steps = new ArrayList<>();
        int step = cost.model().gridStep();
        for (int g = 0; g < max; g++) {
            steps.add(new CostReport.CurveStep(g * step, (g + 1) * step, Money.ofMinor(curve[g], cost.currency()),
                    Money.ofMinor(curve[g + 1], cost.currency())));
        }
        steps.sort(Comparator.comparingLong((CostReport.CurveStep s) -> s.rise().minorUnits()).reversed()
                .thenComparingInt(CostReport.CurveStep::fromPercent));
        return List.copyOf(steps.subList(0, Math.min(n, steps.size())));
    }
}
