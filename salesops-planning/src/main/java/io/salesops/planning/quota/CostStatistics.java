package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/** Percentiles and means of simulated years, as a {@link CostReport}. Stateless. */
final class CostStatistics {

    private CostStatistics() {
    }

    static CostReport report(String plan, int n, long seed, Currency currency, long[] payout, long[] bookings,
                             int[] atQuota, int reps, List<CostReport.CurveStep> steepest, List<String> notes) {
        long[] sortedPay = payout.clone();
        Arrays.sort(sortedPay);
        long[] sortedBookings = bookings.clone();
        Arrays.sort(sortedBookings);
        BigDecimal[] cos = new BigDecimal[n];
        BigDecimal[] share = new BigDecimal[n];
        BigDecimal shareSum = BigDecimal.ZERO;
        BigDecimal paySum = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            cos[k] = bookings[k] == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(payout[k]).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(bookings[k]), MathContext.DECIMAL64);
            share[k] = BigDecimal.valueOf(atQuota[k] * 100L).divide(BigDecimal.valueOf(reps), MathContext.DECIMAL64);
            shareSum = shareSum.add(share[k]);
            paySum = paySum.add(BigDecimal.valueOf(payout[k]));
        }
        Arrays.sort(cos);
        Arrays.sort(share);
        Money mean = Money.ofMinor(paySum.divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN).longValueExact(), currency);
        return new CostReport(plan, n, seed, money(sortedPay, 10, currency), money(sortedPay, 50, currency),
                money(sortedPay, 90, currency), mean, money(sortedBookings, 50, currency),
                pct(cos[rank(n, 10)]), pct(cos[rank(n, 50)]), pct(cos[rank(n, 90)]),
                pct(share[rank(n, 10)]), pct(shareSum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)),
                pct(share[rank(n, 90)]), steepest, payout, notes);
    }

    /** The nearest-rank index of percentile {@code q} in {@code n} sorted values. */
    static int rank(int n, int q) {
        return Math.max(0, (int) Math.ceil(q / 100.0 * n) - 1);
    }

    private static Money money(long[] sorted, int q, Currency c) {
        return Money.ofMinor(sorted[rank(sorted.length, q)], c);
    }

    private static BigDecimal pct(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_EVEN);
    }
}
