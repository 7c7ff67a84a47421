package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule group as numbers the searches work on: each measure scaled to exact longs (10^scale units), each
 * rep's band [min, max] around its capacity-share target (rounded inwards, so a load inside the long band is
 * inside the exact band), distances in metres, the previous rep and pins. Built once per group; the
 * assignment arrays the searches mutate live elsewhere. Not thread-safe to mutate; immutable after construction.
 */
final class GroupProblem {

    static final int NONE = -1;
    /** Previous rep not among this group's reps: the account must move. */
    static final int GONE = -2;
    private static final int MAX_SCALE = 6;
    private static final BigDecimal MAX_TOTAL = new BigDecimal("1e17");
    private static final int PRECOMPUTE_LIMIT = 20_000_000;

    final String name;
    final List<Account> accounts;
    final List<TerritoryRep> reps;
    final int n;
    final int m;
    /** [measure][account] scaled value. */
    final long[][] value = new long[2][];
    /** [measure][rep] band ends; an unbalanced measure has the widest band. */
    final long[][] min = new long[2][];
    final long[][] max = new long[2][];
    /** [measure][rep] 1e6 / target (scaled), to express excess in parts per million of the target. */
    final double[][] ppm = new double[2][];
    final boolean[] balanced = new boolean[2];
    final int[] previous;
    final boolean[] pinned;
    final int moveCap;
    /**
     * Soft cost of moving one account, in metres: five times the mean distance from an account to its nearest
     * rep, so the solver moves an account away from its current rep only for a clear gain in compactness, and
     * brings accounts back home where balance allows (disruption weighs more than a little travel).
     */
    final long movePenalty;
    private final float[] distance;

    GroupProblem(String name, List<Account> accounts, List<TerritoryRep> reps, AccountBook book,
                 AlignmentSettings settings) {
        this.name = name;
        this.accounts = accounts;
        this.reps = reps;
        this.n = accounts.size();
        this.m = reps.size();
        Map<String, Integer> repIndex = new HashMap<>();
        for (int j = 0; j < m; j++) {
            repIndex.put(reps.get(j).id(), j);
        }
        previous = new int[n];
        pinned = new boolean[n];
        for (int i = 0; i < n; i++) {
            String prev = book.current().get(accounts.get(i).id());
            previous[i] = prev == null ? NONE : repIndex.getOrDefault(prev, GONE);
            pinned[i] = book.pinned().contains(accounts.get(i).id()) && previous[i] >= 0;
        }
        moveCap = settings.moveCap(n);
        BigDecimal capTotal = reps.stream().map(TerritoryRep::capacity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tol = settings.tolerancePercent().movePointLeft(2);
        for (Measure measure : Measure.values()) {
            int k = measure.ordinal();
            balanced[k] = settings.balances(measure);
            BigDecimal total = BigDecimal.ZERO;
            int scale = 0;
            for (Account a : accounts) {
                BigDecimal v = a.value(measure);
                total = total.add(v);
                scale = Math.max(scale, Math.min(MAX_SCALE, Math.max(0, v.stripTrailingZeros().scale())));
            }
            while (scale > 0 && total.movePointRight(scale).compareTo(MAX_TOTAL) > 0) {
                scale--;
            }
            if (total.movePointRight(scale).compareTo(MAX_TOTAL) > 0) {
                throw new IllegalArgumentException("group " + name + ": total " + measure + " " + total.toPlainString()
                        + " is too large to balance (limit 1e17)");
            }
            value[k] = new long[n];
            for (int i = 0; i < n; i++) {
                value[k][i] = accounts.get(i).value(measure).movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN)
                        .longValueExact();
            }
            min[k] = new long[m];
            max[k] = new long[m];
            ppm[k] = new double[m];
            BigDecimal scaledTotal = total.movePointRight(scale);
            for (int j = 0; j < m; j++) {
                BigDecimal target = scaledTotal.multiply(reps.get(j).capacity());
                BigDecimal hi = target.multiply(BigDecimal.ONE.add(tol));
                BigDecimal lo = target.multiply(BigDecimal.ONE.subtract(tol));
                // band ends: floor(hi / capTotal), ceil(lo / capTotal), exactly
                max[k][j] = balanced[k] ? hi.divide(capTotal, 0, RoundingMode.FLOOR).longValueExact() : Long.MAX_VALUE / 4;
                min[k][j] = balanced[k] ? lo.divide(capTotal, 0, RoundingMode.CEILING).longValueExact() : 0;
                double t = target.divide(capTotal, java.math.MathContext.DECIMAL64).doubleValue();
                ppm[k][j] = t > 0 ? 1e6 / t : 0;
            }
        }
        boolean precompute = (long) n * m <= PRECOMPUTE_LIMIT;
        distance = precompute ? new float[n * m] : null;
        double nearestSum = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < m; j++) {
                double d = haversineMetres(accounts.get(i), reps.get(j));
                if (precompute) {
                    distance[i * m + j] = (float) d;
                }
                best = Math.min(best, d);
            }
            nearestSum += best;
        }
        movePenalty = n == 0 ? 0 : Math.round(5 * nearestSum / n);
    }

    /** @return the distance from account i to rep j's home in whole metres */
    long distance(int i, int j) {
        return distance != null ? (long) distance[i * m + j] : (long) haversineMetres(accounts.get(i), reps.get(j));
    }

    /** @return the rep the search starts account i with: its previous rep in this group, else the nearest */
    int start(int i) {
        if (previous[i] >= 0) {
            return previous[i];
        }
        int best = 0;
        for (int j = 1; j < m; j++) {
            if (distance(i, j) < distance(i, best)) {
                best = j;
            }
        }
        return best;
    }

    /** @return whether account i at rep j counts as moved */
    boolean moved(int i, int j) {
        return previous[i] != NONE && previous[i] != j;
    }

    /** @return how far {@code load} is outside rep j's band on measure k, in parts per million of the target */
    long excessPpm(int k, int j, long load) {
        long over = load > max[k][j] ? load - max[k][j] : load < min[k][j] ? min[k][j] - load : 0;
        return over == 0 ? 0 : (long) Math.ceil(over * ppm[k][j]);
    }

    static double haversineMetres(Account a, TerritoryRep r) {
        return haversineMetres(a.lat(), a.lon(), r.lat(), r.lon());
    }

    static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
