package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import java.util.Arrays;

/**
 * The measures of each roll-up node in minor units, indexed like the {@link RollupTree}'s nodes: a deal pass
 * adds to its leaf, {@link #addSums} merges another pass's sums, {@link #rollUp} adds every node into its parent.
 * Mutable and not thread-safe: one per pass or chunk.
 */
final class NodeSums {

    long[] closed;
    long[] open;
    long[] openExpected;
    long[] notYetCreated;
    long[] commit;
    long[] bestCase;
    long[] pipeline;
    long[] omitted;
    int[] openCount;
    /**
     * The category measures indexed by {@link ForecastCategory} ordinal (omitted, pipeline, best case, commit, and
     * closed counted as omitted), so adding an open deal's amount by its category is an index, not a branch on
     * random data.
     */
    private long[][] byCategory;

    NodeSums(int nodes) {
        closed = new long[nodes];
        open = new long[nodes];
        openExpected = new long[nodes];
        notYetCreated = new long[nodes];
        commit = new long[nodes];
        bestCase = new long[nodes];
        pipeline = new long[nodes];
        omitted = new long[nodes];
        openCount = new int[nodes];
        indexCategories();
    }

    private void indexCategories() {
        byCategory = new long[ForecastCategory.values().length][];
        for (ForecastCategory c : ForecastCategory.values()) {
            byCategory[c.ordinal()] = c == ForecastCategory.COMMIT ? commit : c == ForecastCategory.BEST_CASE ? bestCase
                    : c == ForecastCategory.PIPELINE ? pipeline : omitted;
        }
    }

    int size() {
        return closed.length;
    }

    /** Grows to {@code nodes} nodes (new ones zero) when a roll-up by dimension created nodes on the way. */
    void ensure(int nodes) {
        if (nodes <= closed.length) {
            return;
        }
        closed = Arrays.copyOf(closed, nodes);
        open = Arrays.copyOf(open, nodes);
        openExpected = Arrays.copyOf(openExpected, nodes);
        notYetCreated = Arrays.copyOf(notYetCreated, nodes);
        commit = Arrays.copyOf(commit, nodes);
        bestCase = Arrays.copyOf(bestCase, nodes);
        pipeline = Arrays.copyOf(pipeline, nodes);
        omitted = Arrays.copyOf(omitted, nodes);
        openCount = Arrays.copyOf(openCount, nodes);
        indexCategories();
    }

    /**
     * Adds an open deal's amount to node {@code node}'s measure of forecast category {@code category} (an ordinal of
     * {@link ForecastCategory}): commit, best case, pipeline, else omitted.
     */
    void addByCategory(int node, int category, long amount) {
        byCategory[category][node] += amount;
    }

    /** Adds {@code o}'s node {@code from} into this one's node {@code to}; booked amounts fail on overflow. */
    void add(int to, NodeSums o, int from) {
        closed[to] = Math.addExact(closed[to], o.closed[from]);
        open[to] = Math.addExact(open[to], o.open[from]);
        openExpected[to] += o.openExpected[from];
        notYetCreated[to] += o.notYetCreated[from];
        commit[to] += o.commit[from];
        bestCase[to] += o.bestCase[from];
        pipeline[to] += o.pipeline[from];
        omitted[to] += o.omitted[from];
        openCount[to] += o.openCount[from];
    }

    /** Adds every node of {@code o} (which has no more nodes than this) to the same node here. */
    void addSums(NodeSums o) {
        for (int i = 0; i < o.size(); i++) {
            add(i, o, i);
        }
    }

    /** Adds each node into its parent, children first; parents always come before children in {@code parent}. */
    void rollUp(int[] parent, int nodes) {
        for (int i = nodes - 1; i > 0; i--) {
            add(parent[i], this, i);
        }
    }
}
