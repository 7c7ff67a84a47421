package io.salesops.comp.internal;

import java.math.RoundingMode;

/**
 * {@code a x b x 10^shift} rounded to a whole number on {@code long}s, for the bounds of tier tables on the
 * measure axis (a quota times a percentage, or an amount in minor units), where {@link java.math.BigDecimal} would
 * allocate per bound, payee and period. Gives exactly what {@code BigDecimal.setScale(0, mode)} gives, and
 * {@link #NOT_IN_LONGS} whenever the arithmetic would not fit, so the caller falls back to it. Stateless.
 */
final class Rounding {

    /** The answer when the product does not fit a {@code long} (or is negative, or the mode is UNNECESSARY). */
    static final long NOT_IN_LONGS = Long.MIN_VALUE;

    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private Rounding() {
    }

    /**
     * @param a     a whole number
     * @param u     the unscaled value of {@code b}
     * @param scale the scale of {@code b}: {@code b = u x 10^-scale}
     * @param shift the power of ten to multiply by
     * @param mode  how to round
     * @return {@code a x b x 10^shift} rounded by {@code mode}, or {@link #NOT_IN_LONGS}
     */
    static long scaled(long a, long u, int scale, int shift, RoundingMode mode) {
        if (a < 0 || u < 0 || mode == RoundingMode.UNNECESSARY) {
            return NOT_IN_LONGS;
        }
        int down = scale - shift; // divide by 10^down (multiply when negative)
        long product = a * u;
        if (Math.multiplyHigh(a, u) != 0 || product < 0) {
            return NOT_IN_LONGS;
        }
        if (down <= 0) {
            if (-down >= POWERS.length) {
                return product == 0 ? 0 : NOT_IN_LONGS;
            }
            long p = POWERS[-down];
            long r = product * p;
            return Math.multiplyHigh(product, p) != 0 || r < 0 ? NOT_IN_LONGS : r;
        }
        if (down >= POWERS.length) {
            return NOT_IN_LONGS;
        }
        return divide(product, POWERS[down], mode);
    }

    /** @return {@code n / d} rounded by {@code mode}, for {@code n >= 0} and {@code d > 0} */
    private static long divide(long n, long d, RoundingMode mode) {
        long q = n / d;
        long r = n % d;
        if (r == 0) {
            return q;
        }
        long twice = r * 2; // r < d <= 10^18, so no overflow
        boolean up = switch (mode) {
            case UP, CEILING -> true;
            case DOWN, FLOOR -> false;
            case HALF_UP -> twice >= d;
            case HALF_DOWN -> twice > d;
            case HALF_EVEN -> twice > d || twice == d && (q & 1) == 1;
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
        };
        return up ? q + 1 : q;
    }
}
