package io.salesops.comp.internal;

/**
 * The order of rows by two {@code long} keys, major then minor, as a permutation: a stable least-significant-digit
 * radix sort, 16 bits a pass, that skips the passes whose digit is the same in every row. A period's bookings are
 * ordered by (day, id prefix) this way instead of comparing objects: a comparison sort of a month's bookings
 * chases a pointer per comparison, this reads two primitive arrays a few times. Stateless; thread-safe.
 */
final class RadixOrder {

    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private RadixOrder() {
    }

    /**
     * @param major the first key of each row, any values
     * @param minor the second key of each row; each at least 0
     * @param n     the number of rows, a prefix of both arrays
     * @return the row indices ordered by {@code major}, then {@code minor}, rows with equal keys in their given
     *         order
     */
    static int[] order(long[] major, long[] minor, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n < 2) {
            return order;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long minorBits = 0;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, major[i]);
            max = Math.max(max, major[i]);
            minorBits |= minor[i];
        }
        int[] scratch = new int[n];
        int[] count = new int[BUCKETS + 1];
        for (int shift = 0; shift < 64 && minorBits >>> shift != 0; shift += BITS) {
            if (pass(minor, 0, shift, order, scratch, n, count)) {
                int[] t = order;
                order = scratch;
                scratch = t;
            }
        }
        // Offsets from the smallest major key, read as unsigned, so any range of longs sorts.
        long span = max - min;
        for (int shift = 0; shift < 64 && span >>> shift != 0; shift += BITS) {
            if (pass(major, min, shift, order, scratch, n, count)) {
                int[] t = order;
                order = scratch;
                scratch = t;
            }
        }
        return order;
    }

    /**
     * Moves {@code from} into {@code to} ordered stably by the digit of {@code key - offset} at {@code shift}.
     *
     * @return false, leaving {@code to} untouched, if every row has the same digit
     */
    private static boolean pass(long[] key, long offset, int shift, int[] from, int[] to, int n, int[] count) {
        java.util.Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            count[digit(key[from[i]] - offset, shift) + 1]++;
        }
        for (int b = 1; b <= BUCKETS; b++) {
            if (count[b] == n) {
                return false;
            }
            count[b] += count[b - 1];
        }
        for (int i = 0; i < n; i++) {
            int row = from[i];
            to[count[digit(key[row] - offset, shift)]++] = row;
        }
        return true;
    }

    private static int digit(long value, int shift) {
        return (int) (value >>> shift) & (BUCKETS - 1);
    }
}
