package io.salesops.core.money;

import java.math.BigInteger;
import java.util.Arrays;

/** The largest-remainder split behind {@link Money#allocate(long...)}, kept apart from the value type. */
final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Splits {@code whole} minor units in proportion to {@code ratios}: each part is its exact share rounded down,
     * and the leftover units (fewer than the number of parts) go one each to the largest remainders, ties to the
     * earlier part.
     *
     * @param whole  the non-negative amount to split, in minor units
     * @param ratios non-negative weights, not all zero
     * @return the parts, in the order of the ratios, summing exactly to {@code whole}
     */
    static long[] split(BigInteger whole, BigInteger[] ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("allocation needs at least one ratio");
        }
        BigInteger total = BigInteger.ZERO;
        for (BigInteger r : ratios) {
            total = total.add(r);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("allocation ratios are all zero");
        }
        long[] parts = new long[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] qr = whole.multiply(ratios[i]).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated = allocated.add(qr[0]);
        }
        int leftover = whole.subtract(allocated).intValueExact(); // < ratios.length
        Integer[] order = new Integer[ratios.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort: equal remainders keep index order, so ties go to the earlier part.
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
        for (int k = 0; k < leftover; k++) {
            parts[order[k]]++;
        }
        return parts;
    }
}
