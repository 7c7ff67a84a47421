package io.salesops.forecast.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A deal's expected value: {@code amount x P(win) x P(in period | win)}, the probability taken to 9 decimal places
 * and the money rounded once with the forecast's rounding mode, in long arithmetic where it is exact (BigDecimal
 * where a product would not fit). Stateless.
 */
final class ExpectedValue {

    private static final long E9 = 1_000_000_000L;
    private static final long HALF = E9 / 2;

    private ExpectedValue() {
    }

    /** P(win) x P(in period | win) x 10^9, rounded, in [0, 10^9]. */
    static long probabilityE9(LearnedWinRates.Estimate win, CloseTiming.Estimate in) {
        long pE9 = Math.round(win.p() * in.p() * E9);
        return Math.max(0, Math.min(E9, pE9));
    }

    /** amount x pE9 / 10^9 rounded once with {@code mode}; exact in long arithmetic when it fits. */
    static long expectedMinor(long amount, long pE9, RoundingMode mode) {
        long hi = Math.multiplyHigh(amount, pE9);
        long prod = amount * pE9;
        if (hi == 0 && prod >= 0) {
            // a non-negative product that fits: quotient and remainder decide every mode. The remainder is random
            // from deal to deal, so each mode's round-up is a 0 or 1 from sign bits rather than a branch.
            long q = prod / E9;
            long r = prod - q * E9;
            long above = (HALF - r) >>> 63;      // 1 if r > 10^9 / 2
            long tie = ((r ^ HALF) - 1) >>> 63;  // 1 if r == 10^9 / 2 (both are in [0, 10^9))
            switch (mode) {
                case HALF_EVEN:
                    return q + (above | (tie & q));
                case HALF_UP:
                    return q + (above | tie);
                case HALF_DOWN:
                    return q + above;
                case UP:
                case CEILING:
                    return q + (-r >>> 63);      // 1 if r > 0
                case DOWN:
                case FLOOR:
                    return q;
                default:
                    break; // UNNECESSARY: BigDecimal says whether it is exact
            }
        }
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(pE9, 9)).setScale(0, mode).longValueExact();
    }
}
