package io.salesops.planning.quota;

import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The share of a year's bookings that falls in each fiscal month (month 1 is the first month of the fiscal
 * year). The twelve shares are positive and sum to one (up to the 16 significant digits they are held to).
 *
 * <p>Immutable and thread-safe.
 */
public final class Seasonality {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final BigDecimal[] shares;
    private final String source;

    private Seasonality(BigDecimal[] shares, String source) {
        this.shares = shares;
        this.source = source;
    }

    /**
     * Every fiscal month carries one twelfth.
     *
     * @return the even seasonality
     */
    public static Seasonality even() {
        BigDecimal[] s = new BigDecimal[12];
        Arrays.fill(s, BigDecimal.ONE.divide(BigDecimal.valueOf(12), MC));
        return new Seasonality(s, "even: every month one twelfth");
    }

    /**
     * Given weights: 4 (one per fiscal quarter, spread evenly over its months) or 12 (one per fiscal month).
     * They need not sum to anything; they are normalised: {@code 1, 1, 1, 2} puts 40% of the year in Q4.
     *
     * @param weights 4 or 12 positive weights in fiscal order, in any unit; not null, no null element
     * @return the seasonality
     * @throws IllegalArgumentException if there are not 4 or 12 weights, or one is not positive or has more than 30
     *                                  digits before or after the point
     */
    public static Seasonality given(List<BigDecimal> weights) {
        if (weights.size() != 4 && weights.size() != 12) {
            throw new IllegalArgumentException("seasonality has " + weights.size()
                    + " weights; give 4 (quarters) or 12 (months)");
        }
        BigDecimal[] monthly = new BigDecimal[12];
        int per = 12 / weights.size();
        for (int i = 0; i < weights.size(); i++) {
            MethodMix.bounded(weights.get(i), "seasonality weight " + (i + 1));
            if (weights.get(i).signum() <= 0) {
                throw new IllegalArgumentException("seasonality weight " + (i + 1) + " is "
                        + weights.get(i).toPlainString() + "; every period needs a positive weight");
            }
            for (int k = 0; k < per; k++) {
                monthly[i * per + k] = weights.get(i).divide(BigDecimal.valueOf(per), MC);
            }
        }
        List<String> text = weights.stream().map(w -> w.stripTrailingZeros().toPlainString()).toList();
        return new Seasonality(normalise(monthly), "given: " + String.join(", ", text));
    }

    /**
     * Learned from the bookings history: for each fiscal year with bookings in every month (quarter rows are
     * spread evenly over their months), each month's share of that year; the shares are averaged over those
     * years. With no complete year the seasonality is {@link #even()}, and {@link #source()} says so.
     *
     * @param history  bookings per rep and period (months, quarters, halves or years; all reps are pooled); not
     *                 null
     * @param calendar the fiscal calendar whose months are numbered; not null
     * @return the learned seasonality, or even if no fiscal year is complete
     */
    public static Seasonality learn(Collection<Bookings> history, FiscalCalendar calendar) {
        Map<Integer, BigDecimal[]> years = new TreeMap<>();
        for (Bookings b : history) {
            Period p = b.period();
            List<Period> months = p.kind() == PeriodKind.MONTH ? List.of(p) : p.split(PeriodKind.MONTH);
            BigDecimal part = b.amount().amount().divide(BigDecimal.valueOf(months.size()), MC);
            for (Period m : months) {
                Period inCalendar = calendar.periodOf(m.start(), PeriodKind.MONTH);
                BigDecimal[] y = years.computeIfAbsent(inCalendar.fiscalYear(), k -> zeros());
                y[inCalendar.index() - 1] = y[inCalendar.index() - 1].add(part, MC);
            }
        }
        List<Integer> used = new ArrayList<>();
        BigDecimal[] sum = zeros();
        for (Map.Entry<Integer, BigDecimal[]> e : years.entrySet()) {
            BigDecimal[] y = e.getValue();
            if (Arrays.stream(y).allMatch(v -> v.signum() > 0)) {
                BigDecimal[] shares = normalise(y);
                for (int i = 0; i < 12; i++) {
                    sum[i] = sum[i].add(shares[i], MC);
                }
                used.add(e.getKey());
            }
        }
        if (used.isEmpty()) {
            Seasonality even = even();
            return new Seasonality(even.shares, "even: the history has no fiscal year with bookings in every month");
        }
        return new Seasonality(normalise(sum), "learned from bookings in " + (used.size() == 1 ? "FY" + used.get(0)
                : "FY" + used.get(0) + "..FY" + used.get(used.size() - 1) + " (" + used.size() + " complete years)"));
    }

    /**
     * The share of one fiscal month.
     *
     * @param month the fiscal month, 1 (the fiscal year's first month, not January) to 12
     * @return the month's share of the year, a fraction between 0 and 1 (16 decimal places)
     * @throws IllegalArgumentException if {@code month} is outside 1..12
     */
    public BigDecimal month(int month) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("fiscal month " + month + " is out of range 1..12");
        }
        return shares[month - 1];
    }

    /**
     * The share of a period of the fiscal year: a quarter's is the sum of its three months'.
     *
     * @param period a month, quarter, half or year of the calendar the shares are numbered in; not null
     * @return the period's share of the year, a fraction between 0 and 1 (1 for the year, up to rounding)
     */
    public BigDecimal of(Period period) {
        if (period.kind() == PeriodKind.MONTH) {
            return month(period.index());
        }
        BigDecimal s = BigDecimal.ZERO;
        for (Period m : period.split(PeriodKind.MONTH)) {
            s = s.add(month(m.index()), MC);
        }
        return s;
    }

    /** @return where the shares came from, e.g. {@code learned from bookings in FY2025..FY2026 (2 complete years)} */
    public String source() {
        return source;
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] z = new BigDecimal[12];
        Arrays.fill(z, BigDecimal.ZERO);
        return z;
    }

    private static BigDecimal[] normalise(BigDecimal[] v) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal x : v) {
            total = total.add(x, MC);
        }
        BigDecimal[] out = new BigDecimal[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].divide(total, MC).setScale(16, RoundingMode.HALF_EVEN);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Seasonality[" + source + "]";
    }
}
