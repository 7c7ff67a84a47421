package io.salesops.forecast.pipeline;

import java.util.Arrays;

/**
 * The open deals a forecast's pass recorded, in input order: each deal's row in the input table and, only when
 * rolling up by dimensions (where a leaf comes from the deal's fields and is costly to find again), its leaf.
 * Everything else about a recorded deal (its snapshot, probability, expected value) {@link RecordedDeals} derives
 * on access with the pass's own code, so a million deals cost the pass 4 bytes each to keep and no object.
 * Filled by one thread (or by chunks writing disjoint ranges), then read-only.
 */
final class DealTable {

    int[] row;
    /** Each deal's leaf, or null when the pass finds it from the row (by owner, or no grouping). */
    int[] node;
    int size;

    /** An empty table that grows as rows are added; {@code keepNodes} if the leaves must be kept. */
    DealTable(boolean keepNodes) {
        this(256, keepNodes);
    }

    /** A table with room for {@code capacity} rows. */
    DealTable(int capacity, boolean keepNodes) {
        row = new int[capacity];
        node = keepNodes ? new int[capacity] : null;
    }

    /** Records deal {@code tableRow} at leaf {@code leaf} and returns its index. */
    int add(int tableRow, int leaf) {
        if (size == row.length) {
            int c = Math.max(16, size * 2);
            row = Arrays.copyOf(row, c);
            node = node == null ? null : Arrays.copyOf(node, c);
        }
        row[size] = tableRow;
        if (node != null) {
            node[size] = leaf;
        }
        return size++;
    }

    /**
     * A table writing into this one's arrays from index {@code from} on, for one chunk of a parallel pass; the
     * caller guarantees room for every row the chunk adds, so the window never regrows.
     */
    DealTable window(int from) {
        DealTable w = new DealTable(0, false);
        w.row = row;
        w.node = node;
        w.size = from;
        return w;
    }

    /** Moves {@code n} rows from index {@code from} to index {@code to} (overlap allowed), as when closing gaps. */
    void moveRows(int from, int to, int n) {
        if (from == to || n == 0) {
            return;
        }
        System.arraycopy(row, from, row, to, n);
        if (node != null) {
            System.arraycopy(node, from, node, to, n);
        }
    }
}
