package io.salesops.comp.internal;

/**
 * A read-only index of positions by string hash: one {@code long} per entry, {@code hash << 32 | position},
 * sorted, so that entries with one hash lie together in position order and a binary search finds the first. A
 * third of an open-addressing table's size at the same entries; for indexes a state keeps for a year and searches
 * rarely (reversals). Stateless.
 */
public final class HashIndex {

    private HashIndex() {
    }

    /**
     * @param index {@code hash << 32 | position} per entry, positions non-negative, sorted ascending
     * @param hash  the hash searched for
     * @return the index of the first entry with {@code hash}, or where it would be; entries with the hash follow
     *         while {@code (int) (index[i] >>> 32) == hash}
     */
    public static int first(long[] index, int hash) {
        long from = (long) hash << 32;
        int lo = 0;
        int hi = index.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
