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

    /**
     * Sorts an index built in position order ({@code hash << 32 | position}, positions ascending), so that it can
     * be searched by {@link #first}: a large index by a stable radix sort on the hash alone (two passes of 16 bits,
     * in time linear in its size; a period's index of deals is built every period), a small one by a plain sort.
     *
     * @param index the entries, in ascending position order; sorted in place
     */
    public static void sort(long[] index) {
        int n = index.length;
        if (n < RADIX_FROM) {
            java.util.Arrays.sort(index);
            return;
        }
        long[] scratch = new long[n];
        int[] count = new int[(1 << 16) + 1];
        // Low digit of the hash, then its high digit with the sign bit flipped so that negative hashes come first.
        pass(index, scratch, count, 32, 0);
        java.util.Arrays.fill(count, 0);
        pass(scratch, index, count, 48, 0x8000);
    }

    private static final int RADIX_FROM = 4096;

    /** Moves {@code from} into {@code to}, stably ordered by the 16 bits at {@code shift} xor {@code flip}. */
    private static void pass(long[] from, long[] to, int[] count, int shift, int flip) {
        for (long v : from) {
            count[((int) (v >>> shift) & 0xFFFF ^ flip) + 1]++;
        }
        for (int b = 1; b < count.length; b++) {
            count[b] += count[b - 1];
        }
        for (long v : from) {
            to[count[(int) (v >>> shift) & 0xFFFF ^ flip]++] = v;
        }
    }
}
