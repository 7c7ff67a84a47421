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
     * One more unit to each of the {@code leftover} largest remainders, ties to the earlier part. The order is a
     * primitive sort of {@code (sum - 1 - remainder) x n + index}, which sorts larger remainders first and equal
     * remainders by index; when that key could overflow, a sort of boxed indices gives the same order.
     */
    private static void giveLeftover(long[] parts, long[] rem, long sum, int n, int leftover) {
        if (sum <= Long.MAX_VALUE / n) {
            long[] key = new long[n];
            for (int i = 0; i < n; i++) {
                key[i] = (sum - 1 - rem[i]) * n + i;
            }
            Arrays.sort(key);
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

    private static long[] viaMoney(long total, long[] weights, int n) {
        List<Money> m = Money.ofMinor(total, Currency.getInstance("USD")).allocate(Arrays.copyOf(weights, n));
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = m.get(i).minorUnits();
        }
        return out;
    }
}
