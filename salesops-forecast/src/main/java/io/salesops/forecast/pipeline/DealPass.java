package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Snapshot;
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

    private final OpportunityTable deals;
    private final RollupTree tree;
    private final DealProbabilities probabilities;
    private final LocalDate asOf;
    private final int asOfDay;
    private final int periodStartDay;
    private final int periodEndDay;
    private final int closedEndDay;
    private final Currency currency;
    private final int currencyCode;
    private final RoundingMode rounding;
    private final int threads;
    /** Per owner code, the leaf rolling up by owner (-1: not in the org); null otherwise. */
    private final int[] ownerLeaves;
    /** Per stage code, the model's stage (null: unknown stage), and whether an open deal there is an error. */
    private final DealProbabilities.StageInfo[] stageInfo;
    private final boolean[] badStage;

    DealPass(OpportunityTable deals, RollupTree tree, DealProbabilities probabilities, LocalDate asOf,
             Period period, Currency currency, RoundingMode rounding, int threads) {
        this.deals = deals;
        this.tree = tree;
        this.probabilities = probabilities;
        this.asOf = asOf;
        this.asOfDay = (int) asOf.toEpochDay();
        this.periodStartDay = (int) period.start().toEpochDay();
        this.periodEndDay = (int) period.end().toEpochDay();
        this.closedEndDay = Math.min(asOfDay, periodEndDay);
        this.currency = currency;
        this.currencyCode = deals.currencies().indexOf(currency);
        this.rounding = rounding;
        this.threads = threads;
        this.ownerLeaves = tree.ownerLeaves(deals.owners());
        List<String> stages = deals.stages();
        this.stageInfo = new DealProbabilities.StageInfo[stages.size()];
        this.badStage = new boolean[stages.size()];
        for (int c = 0; c < stageInfo.length; c++) {
            try {
                stageInfo[c] = probabilities.stageOf(stages.get(c), "");
            } catch (PipelineInputException e) {
                badStage[c] = true; // reported, naming the deal, only if a deal is open at this stage on the day
            }
        }
    }

    /** A deal at an unknown stage whose P(win), the overall rate, is known only after the pass. */
    private record Pending(int slot, int leaf, ForecastCategory category) {
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
                pending.add(new Pending(x.slot() + shift, x.leaf(), x.category()));
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
        int rows = deals.size();
        if (!tree.isFixed() || rows <= CHUNK) {
            Result p = new Result(tree.size(), new DealTable());
            Snapshot snap = new Snapshot();
            for (int r = 0; r < rows; r++) {
                process(r, p, snap);
            }
            p.sums.ensure(tree.size());
            return p;
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        // First an upper bound of each chunk's rows, so that every chunk writes its rows straight into one table
        // allocated once: per-chunk tables grown by doubling and then copied into the final one allocated (and
        // left for the GC) about three times the rows kept.
        int[] bound = new int[chunks];
        List<Runnable> counts = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            counts.add(() -> {
                int to = Math.min(rows, (chunk + 1) * CHUNK);
                int n = 0;
                for (int i = chunk * CHUNK; i < to; i++) {
                    if (mayGetRow(i)) {
                        n++;
                    }
                }
                bound[chunk] = n;
            });
        }
        ParallelTasks.runAll(counts, threads, "salesops-forecast");
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
                int to = Math.min(rows, (chunk + 1) * CHUNK);
                Snapshot snap = new Snapshot();
                try {
                    for (int i = chunk * CHUNK; i < to; i++) {
                        process(i, p, snap);
                    }
                } catch (RuntimeException e) {
                    failures[chunk] = e;
                }
                parts[chunk] = p;
            });
        }
        ParallelTasks.runAll(tasks, threads, "salesops-forecast");
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
            int written = part.deals.size - from[c];
            if (written > bound[c]) {
                throw new IllegalStateException("chunk " + c + " wrote " + written + " rows, more than its bound " + bound[c]);
            }
            table.moveRows(from[c], size, written);
            all.addSums(part, size - from[c]);
            size += written;
        }
        table.size = size;
        return all;
    }

    /**
     * Whether {@link #process} may record a row for deal {@code r}: it records none for a deal created after the
     * as-of day (no snapshot) or closed on or before it (the snapshot is the closed deal itself).
     */
    private boolean mayGetRow(int r) {
        if (deals.createdDay(r) > asOfDay) {
            return false;
        }
        return !(deals.status(r).isClosed() && deals.closeDay(r) <= asOfDay);
    }

    private void process(int r, Result p, Snapshot snap) {
        if (!deals.snapshot(r, asOfDay, snap)) {
            return;
        }
        if (deals.currencyCode(r) != currencyCode) {
            throw currencyMismatch(deals.id(r), deals.currency(r), currency);
        }
        OpportunityStatus status = snap.status();
        if (status == OpportunityStatus.LOST) {
            p.closedN++;
            return;
        }
        NodeSums sums = p.sums;
        if (status == OpportunityStatus.WON) {
            p.closedN++;
            p.wonN++;
            int c = snap.closeDay();
            if (c >= periodStartDay && c <= closedEndDay) {
                int leaf = leafOf(r);
                sums.ensure(tree.size());
                sums.closed[leaf] = Math.addExact(sums.closed[leaf], snap.amountMinor());
            }
            return;
        }
        int stage = snap.stageCode();
        DealProbabilities.StageInfo info = stage < 0 ? null : stageInfo[stage];
        if (stage >= 0 && badStage[stage]) {
            probabilities.stageOf(deals.stages().get(stage), deals.id(r)); // throws, naming the deal
        }
        int leaf = leafOf(r);
        sums.ensure(tree.size());
        long amount = snap.amountMinor();
        sums.open[leaf] = Math.addExact(sums.open[leaf], amount);
        sums.openCount[leaf]++;
        ForecastCategory cat = snap.forecastCategory() != null ? snap.forecastCategory()
                : info != null ? info.stage().forecastCategory() : ForecastCategory.PIPELINE;
        int cd = snap.closeDay();
        if (cd != OpportunityTable.NO_DATE && cd >= periodStartDay && cd <= periodEndDay) {
            switch (cat) {
                case COMMIT -> sums.commit[leaf] += amount;
                case BEST_CASE -> sums.bestCase[leaf] += amount;
                case PIPELINE -> sums.pipeline[leaf] += amount;
                default -> sums.omitted[leaf] += amount;
            }
        }
        LearnedWinRates.Estimate win = probabilities.win(probabilities.needsSnapshot() ? snapshotObject(r) : null, info);
        DealTable t = p.deals;
        int slot = t.add();
        t.deal(slot, r, stage, cd);
        t.node[slot] = leaf;
        t.amount[slot] = amount;
        if (win == null) {
            p.pending.add(new Pending(slot, leaf, cat));
            return;
        }
        complete(p, slot, leaf, cat, win);
    }

    /** The leaf of deal {@code r}: by owner one array load; by dimensions from its snapshot's fields. */
    private int leafOf(int r) {
        if (ownerLeaves != null) {
            int leaf = ownerLeaves[deals.ownerCode(r)];
            return leaf >= 0 ? leaf : tree.leafOf(snapshotObject(r)); // the latter throws, naming the deal
        }
        return tree.isFixed() ? 0 : tree.leafOf(snapshotObject(r));
    }

    /** Deal {@code r} as an {@link Opportunity} as it stood on the as-of day, for the models that read its fields. */
    private Opportunity snapshotObject(int r) {
        return deals.get(r).asOf(asOf).orElseThrow();
    }

    /** Finds P(in period | win) and the expected value of the deal recorded in row {@code i}. */
    private void complete(Result p, int i, int leaf, ForecastCategory cat, LearnedWinRates.Estimate win) {
        DealTable t = p.deals;
        CloseTiming.Estimate in = probabilities.inPeriod(deals.createdDay(t.row[i]), t.closeDay[i]);
        long pE9 = Math.round(win.p() * in.p() * E9);
        pE9 = Math.max(0, Math.min(E9, pE9));
        long exp = expectedMinor(t.amount[i], pE9, rounding);
        p.sums.openExpected[leaf] += exp;
        t.pE9[i] = pE9;
        t.expected[i] = exp;
        t.category[i] = (byte) cat.ordinal();
    }

    /** The pass's answers again for one recorded deal, once the pass is done (the overall rate is known). */
    DealTable.Explainer explainer() {
        return new DealTable.Explainer() {
            @Override
            public LearnedWinRates.Estimate win(int tableRow, int stageCode) {
                return probabilities.win(probabilities.needsSnapshot() ? snapshotObject(tableRow) : null,
                        stageCode < 0 ? null : stageInfo[stageCode]);
            }

            @Override
            public CloseTiming.Estimate inPeriod(int tableRow, int closeDay) {
                return probabilities.inPeriod(deals.createdDay(tableRow), closeDay);
            }
        };
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
            complete(p, x.slot(), x.leaf(), x.category(), probabilities.overall());
        }
        p.pending.clear();
    }

    /** @throws PipelineInputException if the deal is not in the forecast currency */
    static void checkCurrency(Opportunity o, Currency currency) {
        if (!currency.equals(o.amount().currency())) {
            throw currencyMismatch(o.id(), o.amount().currency(), currency);
        }
    }

    private static PipelineInputException currencyMismatch(String id, Currency c, Currency currency) {
        return new PipelineInputException(id, "opportunity " + id + " is in " + c.getCurrencyCode()
                + ", the forecast is in " + currency.getCurrencyCode() + "; convert amounts to one currency first");
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
