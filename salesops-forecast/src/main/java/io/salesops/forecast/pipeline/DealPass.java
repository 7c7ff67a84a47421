package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Snapshot;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The pass over the deals of one forecast: each deal's snapshot on the as-of day goes to its leaf of the
 * {@link RollupTree}, booked amounts and expected values into {@link NodeSums}, and each open deal's row into a
 * {@link DealTable}. How likely an open deal is ({@link #probabilityE9}) is one method, which the pass and the
 * {@link RecordedDeals} shown afterwards both call, so the deals listed are exactly those summed. With a fixed
 * node table the pass runs in chunks on several threads, and the result is the same as one sequential pass: sums,
 * rows and row order. Not thread-safe while it runs; afterwards read-only.
 */
final class DealPass {

    /** {@link #probabilityE9} of a deal at an unknown stage until the overall rate is known. */
    private static final long PENDING = -1;

    private static final int PIPELINE = ForecastCategory.PIPELINE.ordinal();

    /**
     * Chunk size of the parallel pass, a multiple of 64 (see {@link DealTable#window}); chunks merge in input order,
     * so the result does not depend on threads.
     */
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
    /**
     * Per stage code, P(win) x P(in period | win) x 10^9 of a deal there whose close day is in the window, when
     * neither depends on anything else of the deal (the stage model's fixed rates, timing from the close date):
     * then the pass reads a deal's probability from this array instead of asking the models. Null otherwise.
     */
    private final long[] inWindowPE9;
    private final int windowStartDay;
    /** Per stage code, the ordinal of the forecast category of a deal there that sets none (see {@link #categoryOf}). */
    private final byte[] stageCategory;
    /** Whether the node table is fixed before the pass, so no deal can add a node. */
    private final boolean fixedTree;
    /** Whether a deal at an unknown stage gets the overall win rate (no model that reads the deal itself). */
    private final boolean overallForUnknown;

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
        this.windowStartDay = Math.max(asOfDay + 1, periodStartDay);
        this.stageCategory = new byte[stageInfo.length];
        for (int c = 0; c < stageInfo.length; c++) {
            stageCategory[c] = (byte) (stageInfo[c] == null ? PIPELINE : stageInfo[c].stage().forecastCategory().ordinal());
        }
        this.fixedTree = tree.isFixed();
        this.overallForUnknown = !probabilities.needsSnapshot();
        this.inWindowPE9 = probabilities.needsSnapshot() || !probabilities.timingFromCloseDate() ? null
                : inWindowPE9(probabilities, stageInfo, windowStartDay);
    }

    private static long[] inWindowPE9(DealProbabilities probabilities, DealProbabilities.StageInfo[] stageInfo,
                                      int windowStartDay) {
        CloseTiming.Estimate in = probabilities.inPeriod(windowStartDay, windowStartDay);
        long[] out = new long[stageInfo.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = stageInfo[c] == null ? -1 : ExpectedValue.probabilityE9(probabilities.win(null, stageInfo[c]), in);
        }
        return out;
    }

    /** What one pass or chunk adds up: the node sums, the deal rows, closed and won counts, pending deals. */
    static final class Result {
        final NodeSums sums;
        final DealTable deals;
        long closedN;
        long wonN;
        /** Deals at an unknown stage whose P(win) is the overall rate, found after the pass if not known. */
        int unknownStage;
        /** The indexes in {@link #deals} of those whose expected value waits for the overall rate. */
        int[] pending = new int[0];
        int pendingCount;

        Result(int nodes, DealTable deals) {
            this.sums = new NodeSums(nodes);
            this.deals = deals;
        }

        void addPending(int slot) {
            if (pendingCount == pending.length) {
                pending = java.util.Arrays.copyOf(pending, Math.max(16, pendingCount * 2));
            }
            pending[pendingCount++] = slot;
        }

        /** Adds {@code o}'s sums and counts; its rows are already in this result's table, moved by {@code shift}. */
        void addSums(Result o, int shift) {
            sums.addSums(o.sums);
            unknownStage += o.unknownStage;
            for (int i = 0; i < o.pendingCount; i++) {
                addPending(o.pending[i] + shift);
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
            Result p = new Result(tree.size(), new DealTable(rows, !tree.isFixed()));
            Snapshot snap = new Snapshot();
            for (int r = 0; r < rows; r++) {
                process(r, p, snap);
            }
            p.sums.ensure(tree.size());
            return p;
        }
        int chunks = (rows + CHUNK - 1) / CHUNK;
        // Each chunk sets the bits of its own rows in one table (a bit a row); its deals' record indexes are
        // counted from 0 and shifted by the deals of the chunks before, so they are where a sequential pass puts them.
        DealTable table = new DealTable(rows, false);
        Result[] parts = new Result[chunks];
        RuntimeException[] failures = new RuntimeException[chunks];
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            final int chunk = c;
            tasks.add(() -> {
                // chunks write disjoint words, and the futures' completion publishes them to this thread
                Result p = new Result(tree.size(), table.window());
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
        Result all = new Result(tree.size(), table);
        for (Result part : parts) {
            all.addSums(part, table.size);
            table.size += part.deals.size;
        }
        return all;
    }

    // process and open run once per deal and are kept small enough for the JIT to inline into the chunk's loop;
    // what is rare or needs the models goes to methods of its own.
    private void process(int r, Result p, Snapshot snap) {
        if (!deals.snapshot(r, asOfDay, snap)) {
            return;
        }
        if (deals.currencyCode(r) != currencyCode) {
            throw currencyMismatch(deals.id(r), deals.currency(r), currency);
        }
        OpportunityStatus status = snap.status();
        if (status == OpportunityStatus.OPEN) {
            open(r, p, snap);
            return;
        }
        p.closedN++;
        if (status == OpportunityStatus.WON) {
            p.wonN++;
            int c = snap.closeDay();
            if (c >= periodStartDay && c <= closedEndDay) {
                int leaf = leafOf(r);
                NodeSums sums = p.sums;
                if (!fixedTree) {
                    sums.ensure(tree.size());
                }
                sums.closed[leaf] = Math.addExact(sums.closed[leaf], snap.amountMinor());
            }
        }
    }

    private void open(int r, Result p, Snapshot snap) {
        int stage = snap.stageCode();
        if (stage >= 0 && badStage[stage]) {
            throw badStage(r, stage);
        }
        int leaf = leafOf(r);
        NodeSums sums = p.sums;
        if (!fixedTree) {
            sums.ensure(tree.size());
        }
        long amount = snap.amountMinor();
        sums.open[leaf] = Math.addExact(sums.open[leaf], amount);
        sums.openCount[leaf]++;
        int cd = snap.closeDay();
        // whether the close day is in the period is random from deal to deal: the amount is masked, not branched on
        // (NO_DATE is below any period's start)
        long outside = (((long) cd - periodStartDay) | ((long) periodEndDay - cd)) >> 63;
        sums.addByCategory(leaf, categoryOf(snap), amount & ~outside);
        int slot = p.deals.add(r, leaf);
        if (overallForUnknown && (stage < 0 || stageInfo[stage] == null)) {
            p.unknownStage++;
        }
        long pE9 = probabilityE9(r, stage, cd);
        if (pE9 == PENDING) {
            p.addPending(slot);
            return;
        }
        sums.openExpected[leaf] += ExpectedValue.expectedMinor(amount, pE9, rounding);
    }

    /**
     * P(win) x P(in period | win) x 10^9 of deal {@code r}, open on the as-of day at stage code {@code stage} (-1:
     * unknown) with close day {@code closeDay}: from the per-stage array where the models need nothing else of
     * the deal, else from the models; {@link #PENDING} while the overall rate a deal at an unknown stage needs is
     * not known.
     */
    long probabilityE9(int r, int stage, int closeDay) {
        DealProbabilities.StageInfo info = stageInfo(stage);
        long outside = (((long) closeDay - windowStartDay) | ((long) periodEndDay - closeDay)) >> 63;
        if (inWindowPE9 != null && info != null) {
            // out of the window P(in period | win) is 0, so is the product; masked, since it is random per deal
            return inWindowPE9[stage] & ~outside;
        }
        if (inWindowPE9 != null && outside != 0) {
            return 0;
        }
        LearnedWinRates.Estimate win = win(r, info);
        return win == null ? PENDING : ExpectedValue.probabilityE9(win, inPeriod(r, closeDay));
    }

    /** @return the model's stage for a stage code of the input table, or null for -1 or the unknown stage */
    DealProbabilities.StageInfo stageInfo(int stage) {
        return stage < 0 ? null : stageInfo[stage];
    }

    /** @return P(win) of open deal {@code r} at stage {@code info} (null: unknown), null while the overall rate is not known */
    LearnedWinRates.Estimate win(int r, DealProbabilities.StageInfo info) {
        return probabilities.win(probabilities.needsSnapshot() ? snapshotObject(r) : null, info);
    }

    /** @return P(in period | win) of open deal {@code r} with close day {@code closeDay} */
    CloseTiming.Estimate inPeriod(int r, int closeDay) {
        return probabilities.inPeriod(deals.createdDay(r), closeDay);
    }

    /** @return the leaf of the deal recorded at index {@code i} of {@code table} */
    int leafOf(DealTable table, int i) {
        if (table.node != null) {
            return table.node[i];
        }
        return ownerLeaves != null ? ownerLeaves[deals.ownerCode(table.row(i))] : 0;
    }

    /** The model's error for deal {@code r}, open on the day at a stage it lacks or at a closing stage. */
    private RuntimeException badStage(int r, int stage) {
        try {
            probabilities.stageOf(deals.stages().get(stage), deals.id(r));
        } catch (PipelineInputException e) {
            return e;
        }
        throw new IllegalStateException("stage " + deals.stages().get(stage) + " was found bad, then good");
    }

    /**
     * @return the ordinal of an open deal's {@link ForecastCategory}: the one set on it on the day, else its model
     *         stage's, else pipeline
     */
    int categoryOf(Snapshot snap) {
        ForecastCategory set = snap.forecastCategory();
        int stage = snap.stageCode();
        return set != null ? set.ordinal() : stage >= 0 ? stageCategory[stage] : PIPELINE;
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


    /** @return the deals recorded in {@code table}, shown as {@link DealForecast}s made on access */
    RecordedDeals recorded(DealTable table, List<String> groups) {
        return new RecordedDeals(this, deals, table, groups, asOf, currency, rounding);
    }

    /**
     * Resolves the deals at unknown stages once the overall win rate is known.
     *
     * @param history the deals the overall rate comes from when the pass's own closed deals are not the history
     */
    void resolvePending(Result p, List<Opportunity> history, boolean ownHistory) {
        if (p.unknownStage == 0) {
            return;
        }
        if (!probabilities.hasOverall()) {
            // the pass counted the forecast's own closed deals; a separate history needs its own count
            probabilities.setOverall(ownHistory && p.closedN > 0 ? new double[] {p.wonN / (double) p.closedN, p.closedN, p.wonN}
                    : probabilities.overallRate(history));
        }
        DealTable t = p.deals;
        Snapshot snap = new Snapshot();
        for (int k = 0; k < p.pendingCount; k++) {
            int i = p.pending[k];
            int r = t.row(i);
            deals.snapshot(r, asOfDay, snap);
            long pE9 = probabilityE9(r, snap.stageCode(), snap.closeDay());
            p.sums.openExpected[leafOf(t, i)] += ExpectedValue.expectedMinor(snap.amountMinor(), pE9, rounding);
        }
        p.pendingCount = 0;
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

}
