package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.StageChange;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The pass over the deals of one forecast: each deal's snapshot on the as-of day goes to its leaf of the
 * {@link RollupTree}, booked amounts into {@link NodeSums}, and each open deal's probabilities
 * ({@link DealProbabilities}) and expected value into a {@link DealTable} row. With a fixed node table it runs in
 * chunks on several threads, and the result is the same as one sequential pass: sums, rows and row order.
 * Not thread-safe; used once.
 */
final class DealPass {

    private static final long E9 = 1_000_000_000L;

    /** Chunk size of the parallel pass; chunks merge in input order, so the result does not depend on threads. */
    private static final int CHUNK = 1 << 16;

    private final List<Opportunity> opportunities;
    private final RollupTree tree;
    private final DealProbabilities probabilities;
    private final LocalDate asOf;
    private final Period period;
    private final LocalDate closedEnd;
    private final Currency currency;
    private final RoundingMode rounding;
    private final int threads;

    DealPass(List<Opportunity> opportunities, RollupTree tree, DealProbabilities probabilities, LocalDate asOf,
             Period period, Currency currency, RoundingMode rounding, int threads) {
        this.opportunities = opportunities;
        this.tree = tree;
        this.probabilities = probabilities;
        this.asOf = asOf;
        this.period = period;
        this.closedEnd = asOf.isBefore(period.end()) ? asOf : period.end();
        this.currency = currency;
        this.rounding = rounding;
        this.threads = threads;
    }

    /** A deal at an unknown stage whose P(win), the overall rate, is known only after the pass. */
    private record Pending(int slot, Opportunity source, Opportunity snapshot, int leaf, ForecastCategory category) {
    }

    /** What one pass or chunk adds up: the node sums, the deal rows, closed and won counts, pending deals. */
    static final class Result {
        final NodeSums sums;
        final DealTable deals;
        long closedN;
        long wonN;
        private final List<Pending> pending = new ArrayList<>();

        Result(int nodes, DealTable deals) {
            this.sums = new NodeSums(nodes);
            this.deals = deals;
        }

        /** Adds {@code o}'s sums and counts; its rows are already in this result's table, moved by {@code shift}. */
        void addSums(Result o, int shift) {
            sums.addSums(o.sums);
            for (Pending x : o.pending) {
                pending.add(new Pending(x.slot() + shift, x.source(), x.snapshot(), x.leaf(), x.category()));
            }
            closedN += o.closedN;
            wonN += o.wonN;
        }
    }

    /**
     * Runs the pass: in chunks (in parallel with more than one thread) when the node table is fixed, else in
     * one sequential pass since dimension values create nodes as they appear.
     */
    Result run() {
        List<Opportunity> opps = opportunities;
        if (!tree.isFixed() || opps.size() <= CHUNK) {
            Result p = new Result(tree.size(), new DealTable());
            for (Opportunity o : opps) {
                process(o, p);
            }
            p.sums.ensure(tree.size());
            return p;
        }
        int chunks = (opps.size() + CHUNK - 1) / CHUNK;
        // First an upper bound of each chunk's rows, so that every chunk writes its rows straight into one table
        // allocated once: per-chunk tables grown by doubling and then copied into the final one allocated (and
        // left for the GC) about three times the rows kept.
        int[] bound = new int[chunks];
        List<Runnable> counts = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            counts.add(() -> {
                int to = Math.min(opps.size(), (chunk + 1) * CHUNK);
                int n = 0;
                for (int i = chunk * CHUNK; i < to; i++) {
                    if (mayGetRow(opps.get(i))) {
                        n++;
                    }
                }
                bound[chunk] = n;
            });
        }
        runAll(counts, chunks);
        int[] from = new int[chunks];
        int cap = 0;
        for (int c = 0; c < chunks; c++) {
            from[c] = cap;
            cap = Math.addExact(cap, bound[c]);
        }
        DealTable table = new DealTable();
        table.ensure(cap);
        Result[] parts = new Result[chunks];
        RuntimeException[] failures = new RuntimeException[chunks];
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            tasks.add(() -> {
                // the chunk's rows go to [from[chunk], from[chunk] + bound[chunk]) of the shared table; chunks
                // write disjoint ranges, and the futures' completion publishes them to this thread
                Result p = new Result(tree.size(), table.window(from[chunk]));
                int to = Math.min(opps.size(), (chunk + 1) * CHUNK);
                try {
                    for (int i = chunk * CHUNK; i < to; i++) {
                        process(opps.get(i), p);
                    }
                } catch (RuntimeException e) {
                    failures[chunk] = e;
                }
                parts[chunk] = p;
            });
        }
        runAll(tasks, chunks);
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e; // the first failure in input order, as a sequential pass would report it
            }
        }
        // close the gaps the bounds left, in input order, so rows are where a sequential pass puts them
        Result all = new Result(tree.size(), table);
        int size = 0;
        for (int c = 0; c < chunks; c++) {
            Result part = parts[c];
            int rows = part.deals.size - from[c];
            if (rows > bound[c]) {
                throw new IllegalStateException("chunk " + c + " wrote " + rows + " rows, more than its bound " + bound[c]);
            }
            table.moveRows(from[c], size, rows);
            all.addSums(part, size - from[c]);
            size += rows;
        }
        table.size = size;
        return all;
    }

    /**
     * Whether {@link #process} may record a row for {@code o}: it records none for a deal created after the
     * as-of day (no snapshot) or closed on or before it (the snapshot is the closed deal itself).
     */
    private boolean mayGetRow(Opportunity o) {
        if (o.createdDate().isAfter(asOf)) {
            return false;
        }
        return !(o.status().isClosed() && !o.closeDate().isAfter(asOf));
    }

    /** Runs the tasks on up to {@code threads} threads, or here with one. */
    private void runAll(List<Runnable> tasks, int chunks) {
        if (threads <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(threads, chunks), r -> {
                    Thread t = new Thread(r, "salesops-forecast");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
            for (Runnable t : tasks) {
                fs.add(pool.submit(t));
            }
            for (java.util.concurrent.Future<?> fu : fs) {
                fu.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forecast interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("forecast failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void process(Opportunity o, Result p) {
        Opportunity s = snapshot(o, asOf);
        if (s == null) {
            return;
        }
        checkCurrency(s, currency);
        if (s.status() == OpportunityStatus.LOST) {
            p.closedN++;
            return;
        }
        NodeSums sums = p.sums;
        if (s.status() == OpportunityStatus.WON) {
            p.closedN++;
            p.wonN++;
            LocalDate c = s.closeDate();
            if (!c.isBefore(period.start()) && !c.isAfter(closedEnd)) {
                int leaf = tree.leafOf(s);
                sums.ensure(tree.size());
                sums.closed[leaf] = Math.addExact(sums.closed[leaf], s.amount().minorUnits());
            }
            return;
        }
        DealProbabilities.StageInfo info = probabilities.stageOf(s);
        int leaf = tree.leafOf(s);
        sums.ensure(tree.size());
        long amount = s.amount().minorUnits();
        sums.open[leaf] = Math.addExact(sums.open[leaf], amount);
        sums.openCount[leaf]++;
        ForecastCategory cat = s.forecastCategory() != null ? s.forecastCategory()
                : info != null ? info.stage().forecastCategory() : ForecastCategory.PIPELINE;
        LocalDate cd = s.closeDate();
        if (cd != null && period.contains(cd)) {
            switch (cat) {
                case COMMIT -> sums.commit[leaf] += amount;
                case BEST_CASE -> sums.bestCase[leaf] += amount;
                case PIPELINE -> sums.pipeline[leaf] += amount;
                default -> sums.omitted[leaf] += amount;
            }
        }
        LearnedWinRates.Estimate win = probabilities.win(s, info);
        if (win == null) {
            int slot = p.deals.add();
            p.deals.node[slot] = leaf;
            p.deals.amount[slot] = amount;
            p.pending.add(new Pending(slot, o, s, leaf, cat));
            return;
        }
        complete(p, -1, o, s, leaf, cat, win);
    }

    /** Finds P(in period | win) and the expected value, and records the deal at {@code slot} (-1: append). */
    private void complete(Result p, int slot, Opportunity o, Opportunity s, int leaf, ForecastCategory cat,
                          LearnedWinRates.Estimate win) {
        long amount = s.amount().minorUnits();
        CloseTiming.Estimate in = probabilities.inPeriod(s);
        long pE9 = Math.round(win.p() * in.p() * E9);
        pE9 = Math.max(0, Math.min(E9, pE9));
        long exp = expectedMinor(amount, pE9, rounding);
        p.sums.openExpected[leaf] += exp;
        DealTable t = p.deals;
        int i = slot < 0 ? t.add() : slot;
        t.deal(i, o, s);
        t.node[i] = leaf;
        t.amount[i] = amount;
        t.pWin[i] = win.p();
        t.pIn[i] = in.p();
        t.winSource[i] = win.source();
        t.winWhy[i] = win.explanation();
        t.timingSource[i] = in.source();
        t.timingWhy[i] = in.explanation();
        t.pE9[i] = pE9;
        t.expected[i] = exp;
        t.category[i] = cat;
    }

    /**
     * Resolves the deals at unknown stages once the overall win rate is known.
     *
     * @param history the deals the overall rate comes from when the pass's own closed deals are not the history
     */
    void resolvePending(Result p, List<Opportunity> history, boolean ownHistory) {
        if (p.pending.isEmpty()) {
            return;
        }
        if (!probabilities.hasOverall()) {
            // the pass counted the forecast's own closed deals; a separate history needs its own count
            probabilities.setOverall(ownHistory && p.closedN > 0 ? new double[] {p.wonN / (double) p.closedN, p.closedN, p.wonN}
                    : probabilities.overallRate(history));
        }
        for (Pending x : p.pending) {
            complete(p, x.slot(), x.source(), x.snapshot(), x.leaf(), x.category(), probabilities.overall());
        }
        p.pending.clear();
    }

    /** The deal as known at the end of {@code date}, or null if not yet created; skips the copy when nothing can differ. */
    static Opportunity snapshot(Opportunity o, LocalDate date) {
        if (o.createdDate().isAfter(date)) {
            return null;
        }
        if (o.status().isClosed()) {
            if (!o.closeDate().isAfter(date)) {
                return o;
            }
        } else if (o.history().isEmpty() || nothingToReplay(o, date)) {
            return o;
        }
        return o.asOf(date).orElse(null);
    }

    /**
     * True if an open deal's history holds nothing that {@link Opportunity#asOf} would use instead of the
     * current fields: every change is on or before the date, records no amount or close date, and the last
     * one is at the current stage.
     */
    private static boolean nothingToReplay(Opportunity o, LocalDate date) {
        List<StageChange> h = o.history();
        for (StageChange c : h) {
            if (c.date().isAfter(date) || c.amount() != null || c.closeDate() != null) {
                return false;
            }
        }
        return h.get(h.size() - 1).stage().equals(o.stage());
    }

    /** @throws PipelineInputException if the deal is not in the forecast currency */
    static void checkCurrency(Opportunity o, Currency currency) {
        Currency c = o.amount().currency();
        if (!currency.equals(c)) {
            throw new PipelineInputException(o.id(), "opportunity " + o.id() + " is in " + c.getCurrencyCode()
                    + ", the forecast is in " + currency.getCurrencyCode() + "; convert amounts to one currency first");
        }
    }

    /** amount x pE9 / 10^9 rounded once with {@code mode}; exact in long arithmetic when it fits. */
    static long expectedMinor(long amount, long pE9, RoundingMode mode) {
        if (pE9 == 0 || amount == 0) {
            return 0;
        }
        if (pE9 == E9) {
            return amount;
        }
        long hi = Math.multiplyHigh(amount, pE9);
        long prod = amount * pE9;
        if (hi != 0 || prod < 0 || mode != RoundingMode.HALF_EVEN) {
            return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(pE9, 9)).setScale(0, mode).longValueExact();
        }
        long q = prod / E9;
        long r = prod % E9;
        if (r > E9 / 2 || (r == E9 / 2 && (q & 1) == 1)) {
            q++;
        }
        return q;
    }
}
