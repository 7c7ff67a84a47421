package io.salesops.comp.internal;

import io.salesops.core.money.Money;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * Largest-remainder allocation on {@code long} minor units, with exactly the guarantees and tie-breaking of
 * {@link Money#allocate(long...)} (parts sum to the whole, each within one minor unit of its share, leftover
 * units to the largest remainders, ties to the earlier part), without a BigInteger per part on the hot path.
 */
public final class Alloc {

    private Alloc() {
    }

    /**
     * Splits {@code total} in proportion to {@code weights[0..n)}.
     *
     * @throws IllegalArgumentException if a weight is negative or all are zero
     */
    public static long[] allocate(long total, long[] weights, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("allocation weight " + weights[i] + " at index " + i + " is negative");
            }
            sum = Math.addExact(sum, weights[i]);
        }
        if (sum == 0) {
            throw new IllegalArgumentException("allocation weights are all zero");
        }
        if (total == Long.MIN_VALUE) {
            return viaMoney(total, weights, n);
        }
        long whole = Math.abs(total);
        long[] parts = new long[n];
        long[] rem = new long[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            long hi = Math.multiplyHigh(whole, weights[i]);
            long lo = whole * weights[i];
            if (hi != 0 || lo < 0) {
                return viaMoney(total, weights, n);
            }
            parts[i] = lo / sum;
            rem[i] = lo % sum;
            allocated += parts[i];
        }
        long leftover = whole - allocated;
        if (leftover > 0) {
            giveLeftover(parts, rem, sum, n, (int) leftover);
        }
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }

    /**
     * One more unit to each of the {@code leftover} largest remainders, ties to the earlier part. The key
     * {@code (sum - 1 - remainder) x n + index} orders larger remainders first and equal remainders by index, and
     * keys are distinct; the {@code leftover} smallest keys are selected in linear time (no sort: only which parts
     * get a unit matters, not their order). When that key could overflow, a sort of boxed indices gives the same
     * parts.
     */
    private static void giveLeftover(long[] parts, long[] rem, long sum, int n, int leftover) {
        if (sum <= Long.MAX_VALUE / n) {
            long[] key = rem; // the remainders are not needed after this: their keys take their place
            for (int i = 0; i < n; i++) {
                key[i] = (sum - 1 - rem[i]) * n + i;
            }
            selectSmallest(key, leftover);
            for (int k = 0; k < leftover; k++) {
                parts[(int) (key[k] % n)]++;
            }
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(rem[b], rem[a]));
        for (int k = 0; k < leftover; k++) {
            parts[order[k]]++;
        }
    }

    /**
     * Rearranges {@code a} so that its {@code k} smallest values (distinct values) come first, in any order:
     * Hoare's selection with a median-of-three pivot, then a sort for short ranges.
     */
    static void selectSmallest(long[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            long x = a[lo];
            long y = a[mid];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            // Now a[lo..j] <= pivot <= a[i..hi], and everything between j and i equals the pivot.
            if (k - 1 <= j) {
                hi = j;
            } else if (k - 1 >= i) {
                lo = i;
            } else {
                return;
            }
        }
        Arrays.sort(a, lo, hi + 1);
    }

    private static long[] viaMoney(long total, long[] weights, int n) {
        List<Money> m = Money.ofMinor(total, Currency.getInstance("USD")).allocate(Arrays.copyOf(weights, n));
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = m.get(i).minorUnits();
        }
        return out;
    }
}
