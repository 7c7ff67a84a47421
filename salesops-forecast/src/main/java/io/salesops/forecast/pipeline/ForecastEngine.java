package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.money.CurrencyMismatchException;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@link PipelineForecast}: learns the models the configuration asks for, runs the {@link DealPass}
 * over the {@link RollupTree}, adds {@link NotYetCreated} bookings, rolls the {@link NodeSums} up, simulates, and
 * builds the report's node tree with quotas and adjustments. Not thread-safe; used once.
 */
final class ForecastEngine {

    private final PipelineForecast f;
    private final Period period;
    private final LocalDate asOf;
    private final LocalDate windowStart;
    private Currency currency;
    private final List<String> assumptions = new ArrayList<>();

    private RollupTree tree;
    private NodeSums sums;
    private boolean keepDraws;
    private SimulatedBookings simulated;
    /** The time-to-event model when the method learned one, else null. */
    private TimeToEvent timeToEvent;

    ForecastEngine(PipelineForecast f) {
        this.f = f;
        this.period = f.period;
        this.asOf = f.asOf;
        LocalDate next = asOf.plusDays(1);
        this.windowStart = next.isAfter(period.start()) ? next : period.start();
        this.currency = f.currency;
        assumptions.addAll(f.notes);
    }

    /** Runs the forecast and returns each owner's simulated bookings in simulation order (by owner, simulated). */
    SimulatedBookings runKeepingDraws() {
        keepDraws = true;
        run();
        return simulated;
    }

    ForecastReport run() {
        OpportunityTable deals = f.table != null ? f.table : OpportunityTable.of(f.opportunities);
        List<Opportunity> history = f.history != null ? f.history : f.opportunities != null ? f.opportunities : deals.asList();
        tree = new RollupTree(f.org, f.byOwner, f.dimensions);
        DealProbabilities probabilities = probabilities(deals, history);
        if (currency == null) {
            currency = deals.size() > 0 ? deals.currency(0)
                    : history.isEmpty() ? Currency.getInstance("USD") : history.get(0).amount().currency();
        }
        DealPass pass = new DealPass(deals, tree, probabilities, asOf, period, currency, f.rounding, f.threads);
        DealPass.Result result = pass.run();
        pass.resolvePending(result, history, f.history == null);
        sums = result.sums;
        DealTable table = result.deals;
        RecordedDeals recorded = pass.recorded(table, tree.groups());

        NotYetCreated nyc = null;
        if (f.notYetCreated) {
            nyc = NotYetCreated.learn(history, tree, f.byOwner, period, asOf, f.lookback, currency, f.rounding);
            if (nyc != null && f.method == PipelineMethod.TIME_TO_EVENT) {
                TimeToEvent tte = timeToEvent;
                nyc = nyc.splitByPace(history, tree, f.byOwner, asOf, period.days(), currency,
                        tte == null ? owner -> false : tte::quiet);
            }
            if (nyc == null) {
                assumptions.add("no bookings from not-yet-created opportunities: no complete past period before " + asOf);
            } else {
                assumptions.add(nyc.assumption());
            }
        }
        int n = tree.size();
        sums.ensure(n);
        if (nyc != null) {
            System.arraycopy(nyc.average(), 0, sums.notYetCreated, 0, n);
        }
        long[] base = Arrays.copyOf(sums.closed, n);
        long[] nycLeaf = Arrays.copyOf(sums.notYetCreated, n);
        int[] parent = tree.parents();
        sums.rollUp(parent, n);

        long[][] sims = null;
        if (f.simulations > 0) {
            long[] simBase = base;
            long[][] simNew = null;
            if (nyc != null && f.simulateNotYetCreated) {
                simNew = nyc.byPeriod();
            } else {
                simBase = new long[n];
                for (int i = 0; i < n; i++) {
                    simBase[i] = base[i] + nycLeaf[i];
                }
            }
            RecordedDeals.Draws draws = recorded.draws();
            sims = Simulation.simulate(parent, draws.node(), draws.amount(), draws.probability(), simBase, simNew,
                    f.simulations, f.seed, f.threads, f.progress);
            if (keepDraws) {
                simulated = SimulatedBookings.byOwner(f, currency, tree, sims);
            }
            Simulation.sortRows(sims);
            assumptions.add(f.simulations + " simulations with seed " + f.seed + ": each open deal wins inside the period with"
                    + " P(win) x P(in period | win), independently"
                    + (simNew != null ? "; not-yet-created bookings drawn from one of the past periods per simulation" : ""));
        }

        Map<String, List<Adjustment>> adj = new HashMap<>();
        for (Adjustment a : f.adjustments) {
            if (!tree.has(a.group())) {
                throw SalesopsInputException.of("adjustment by " + a.by() + " names group \"" + a.group()
                        + "\", which is not a node of this forecast");
            }
            if (!a.value().currency().equals(currency)) {
                throw SalesopsInputException.of("adjustment by " + a.by() + " of " + a.group() + " is in "
                        + a.value().currency() + ", the forecast in " + currency);
            }
            adj.computeIfAbsent(a.group(), k -> new ArrayList<>()).add(a);
        }
        ForecastNode root = build(0, tree.children(), sims, adj);
        return new ForecastReport(period, asOf, currency, root, recorded.asList(), assumptions,
                f.simulations, f.seed);
    }

    /** Learns P(win) and timing as configured, stating each choice among the assumptions. */
    private DealProbabilities probabilities(OpportunityTable deals, List<Opportunity> history) {
        if (f.method == PipelineMethod.TIME_TO_EVENT) {
            TimeToEvent tte = timeToEvent(history);
            if (tte != null) {
                return new DealProbabilities(f.stages, tte, asOf, windowStart, period);
            }
        }
        LearnedWinRates learned = null;
        if (f.learned) {
            learned = LearnedWinRates.learn(history, asOf, f.stages, f.segmentBy, f.valueWeighted, f.priorStrength);
            if (learned.hasData()) {
                assumptions.add("P(win) learned from deals closed on or before " + asOf + " (" + learned.overallText()
                        + "), by stage, days in stage" + (f.segmentBy != null ? " and " + f.segmentBy : "")
                        + ", shrunk toward the broader rate with prior strength " + f.priorStrength
                        + (f.valueWeighted ? ", weighted by value" : ""));
            } else {
                assumptions.add("P(win) from the stage model: no deal in the history closed on or before " + asOf);
                learned = null;
            }
        } else {
            assumptions.add("P(win) from the stage model's fixed probabilities");
        }
        CloseTiming timing = null;
        if (f.timing != TimingSource.CLOSE_DATE) {
            // the forecast's own deals are a table already; a separate history is made one
            timing = CloseTiming.learn(f.history != null ? OpportunityTable.of(f.history) : deals, asOf, period, f.lookback);
            if (timing == null && f.timing == TimingSource.LEARNED) {
                throw new IllegalArgumentException("timing LEARNED needs deals won on or before " + asOf + " in the history; there are none");
            }
        }
        assumptions.add(timing == null
                ? "P(in period | win) from the close date: 1 if it falls between " + windowStart + " and " + period.end()
                        + ", else 0 (a close date already passed counts as slipped)"
                : "P(in period | win) learned from the days to close of " + timing.wonDeals() + " won deals, conditioned on age,"
                        + " blended with how deals in the same close-date situation closed in the last " + f.lookback + " periods");
        return new DealProbabilities(f.stages, learned, f.segmentBy, timing, asOf, windowStart, period);
    }

    /**
     * The time-to-event model by deal size (where amounts tell deals apart), the segment field if set, then
     * owner; null, with the assumption saying so, if no deal had closed by the as-of day.
     */
    private TimeToEvent timeToEvent(List<Opportunity> history) {
        List<java.util.function.Function<Opportunity, String>> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        java.util.function.Function<Opportunity, String> size = TimeToEvent.sizeBands(history, asOf);
        if (size != null) {
            keys.add(size);
            names.add("deal size");
        }
        if (f.segmentBy != null) {
            String field = f.segmentBy;
            keys.add(o -> o.field(field).orElse(""));
            names.add(field);
        }
        keys.add(Opportunity::ownerId);
        names.add("owner");
        TimeToEvent tte = TimeToEvent.learn(history, asOf, keys, names, TimeToEvent.quarterPhase(period));
        timeToEvent = tte;
        if (tte == null) {
            assumptions.add("time to event impossible: no deal in the history closed on or before " + asOf
                    + "; the stage model's probabilities instead");
        } else {
            assumptions.add("P(won in the period) from won, lost and still-open deals as competing risks by age (time to"
                    + " event), learned from " + tte.observations() + " deals as known on " + asOf + ", by "
                    + String.join(" then ", names) + ", each shrunk toward the level above");
            assumptions.add(tte.quietAssumption());
            String phases = tte.phaseAssumption();
            if (phases != null) {
                assumptions.add(phases);
            }
            String cure = tte.cureAssumption();
            if (cure != null) {
                assumptions.add(cure);
            }
            LocalDate firstDeal = DataStart.firstCreated(history, asOf);
            LocalDate closesFrom = DataStart.closesFrom(history, asOf);
            if (closesFrom.isAfter(firstDeal)) {
                assumptions.add("closes recorded from " + closesFrom + ", the first close, "
                        + ChronoUnit.DAYS.between(firstDeal, closesFrom) + " days after the first deal (deals closed before"
                        + " it archived?: at least " + DataStart.EVIDENCE + " deals had waited longer for it than half of"
                        + " the closed deals took to close): deals created before it count as at risk only from then on,"
                        + " and the auto method neither backtests past periods begun before it nor takes them as run rates");
            }
        }
        return tte;
    }

    private ForecastNode build(int i, List<List<Integer>> children, long[][] sims, Map<String, List<Adjustment>> adj) {
        List<ForecastNode> kids = new ArrayList<>();
        Money childQuota = null;
        Money childAdjusted = null;
        Money childExpected = null;
        for (int c : children.get(i)) {
            if (tree.kind(c).equals("own") && sums.openCount[c] == 0 && sums.closed[c] == 0 && sums.notYetCreated[c] == 0
                    && !adj.containsKey(tree.group(c))) {
                continue; // a manager without deals of their own: nothing to show, nothing to sum
            }
            ForecastNode k = build(c, children, sims, adj);
            kids.add(k);
            if (k.quota().isPresent()) {
                childQuota = childQuota == null ? k.quota().get() : childQuota.plus(k.quota().get());
            }
            childAdjusted = childAdjusted == null ? k.adjustedExpected() : childAdjusted.plus(k.adjustedExpected());
            childExpected = childExpected == null ? k.expected() : childExpected.plus(k.expected());
        }
        Money quota = quota(tree.repId(i));
        if (quota == null) {
            quota = childQuota;
        }
        Money p10 = null;
        Money p50 = null;
        Money p90 = null;
        Money mean = null;
        if (sims != null) {
            long[] row = sims[i];
            p10 = money(Simulation.percentile(row, 0.10));
            p50 = money(Simulation.percentile(row, 0.50));
            p90 = money(Simulation.percentile(row, 0.90));
            mean = money(mean(row));
        }
        List<Adjustment> mine = adj.getOrDefault(tree.group(i), List.of());
        Money expected = money(sums.closed[i]).plus(money(sums.openExpected[i])).plus(money(sums.notYetCreated[i]));
        Money adjusted;
        if (!mine.isEmpty()) {
            Adjustment latest = mine.get(0);
            for (Adjustment a : mine) {
                if (!a.at().isBefore(latest.at())) {
                    latest = a;
                }
            }
            adjusted = latest.value();
        } else if (childExpected == null) {
            adjusted = expected;
        } else {
            adjusted = expected.minus(childExpected).plus(childAdjusted);
        }
        return new ForecastNode(tree.group(i), tree.label(i), tree.kind(i), money(sums.closed[i]), money(sums.open[i]),
                money(sums.openExpected[i]), money(sums.notYetCreated[i]), money(sums.commit[i]), money(sums.bestCase[i]),
                money(sums.pipeline[i]), money(sums.omitted[i]), sums.openCount[i], p10, p50, p90, mean, quota, kids, mine,
                adjusted, money(0));
    }

    /** The rep's quota for the period in the forecast currency, or null for no rep or no quota. */
    private Money quota(String rep) {
        if (rep == null) {
            return null;
        }
        Money quota;
        try {
            quota = f.quotas.quota(rep, period).orElse(null);
        } catch (CurrencyMismatchException e) {
            throw new IllegalArgumentException("quotas of rep " + rep + " for " + period + " mix currencies: " + e.getMessage(), e);
        }
        if (quota != null && !quota.currency().equals(currency)) {
            throw new IllegalArgumentException("quota of rep " + rep + " for " + period + " is " + quota
                    + ", not in the forecast currency " + currency.getCurrencyCode());
        }
        return quota;
    }

    /** The mean of simulated totals rounded half-even, exact even where the running sum would overflow a long. */
    private static long mean(long[] row) {
        BigDecimal sum = BigDecimal.ZERO;
        long acc = 0;
        for (long v : row) {
            long r = acc + v;
            if (((acc ^ r) & (v ^ r)) < 0) {
                sum = sum.add(BigDecimal.valueOf(acc));
                r = v;
            }
            acc = r;
        }
        sum = sum.add(BigDecimal.valueOf(acc));
        return sum.divide(BigDecimal.valueOf(row.length), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }
}
