package io.salesops.forecast.pipeline;

import java.util.Arrays;

/**
 * The open deals a forecast's pass recorded, in input order: one bit per row of the input table and, only when
 * rolling up by dimensions (where a leaf comes from the deal's fields and is costly to find again), each deal's
 * leaf. Everything else about a recorded deal (its snapshot, probability, expected value) {@link RecordedDeals}
 * derives on access with the pass's own code, so a million deals cost the pass a bit each to keep and no object;
 * the rows as an index are made once, when the deals are first read.
 *
 * <p>Filled by one thread (or by chunks of a parallel pass, each setting the bits of its own range of rows, which
 * start at multiples of 64), then read-only; {@link #row} may then be called from several threads.
 */
final class DealTable {

    /** Bit {@code r} is set when row {@code r} of the input table is recorded. */
    private final long[] recorded;
    /** Each deal's leaf by record index, or null when the pass finds it from the row (by owner, or no grouping). */
    int[] node;
    int size;
    /** The recorded rows in order, made from {@link #recorded} on first read (a race makes the same array twice). */
    private volatile int[] rows;

    /** An empty table over an input of {@code tableRows} rows; {@code keepNodes} if the leaves must be kept. */
    DealTable(int tableRows, boolean keepNodes) {
        recorded = new long[(tableRows + 63) >>> 6];
        node = keepNodes ? new int[256] : null;
    }

    private DealTable(long[] recorded) {
        this.recorded = recorded;
    }

    /**
     * Records deal {@code tableRow} at leaf {@code leaf} and returns its index; rows are recorded in increasing
     * order.
     */
    int add(int tableRow, int leaf) {
        recorded[tableRow >>> 6] |= 1L << tableRow;
        if (node != null) {
            if (size == node.length) {
                node = Arrays.copyOf(node, size * 2);
            }
            node[size] = leaf;
        }
        return size++;
    }

    /**
     * A table setting this one's bits, for one chunk of a parallel pass over rows starting at a multiple of 64
     * (so chunks never share a word); it keeps no leaves and counts only its own deals.
     */
    DealTable window() {
        return new DealTable(recorded);
    }

    /** @return the input row of the deal recorded at index {@code i} */
    int row(int i) {
        return rows()[i];
    }

    /** @return the input rows of the recorded deals, in record order (not to be changed) */
    int[] rows() {
        int[] r = rows;
        if (r == null) {
            r = new int[size];
            int k = 0;
            for (int w = 0; w < recorded.length && k < size; w++) {
                long bits = recorded[w];
                while (bits != 0) {
                    r[k++] = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
            rows = r;
        }
        return r;
    }
}
