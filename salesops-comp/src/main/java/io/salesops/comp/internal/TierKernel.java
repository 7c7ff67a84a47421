package io.salesops.comp.internal;

import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one tier kernel, shared by commission and bonus: it places a measure on a tier axis and says which
 * rate and multiplier each part of it earns. Marginal: the period's credited amounts are laid on the axis from
 * where the year to date left off and cut at every tier and multiplier bound, each slice at its own rate and
 * factor. Retroactive: the whole measure at the rate of the tier reached and the factor of the multiplier
 * covering the attainment reached. A flat rate is a marginal table of one open tier. The caller turns a slice
 * into money: commission pays {@code base x rate x factor}, a marginal bonus {@code target x base / quota x
 * rate x factor}, a retroactive bonus {@code target x rate x factor}. Stateless.
 */
final class TierKernel {

    /**
     * A part of the measure earning one rate and at most one multiplier.
     *
     * @param tier       index of the tier in the table
     * @param multiplier the multiplier covering the slice, or null
     * @param base       the slice's size in minor units (retroactive: the whole measure)
     * @param credited   the credited amounts that fall in it
     * @param weights    per credited amount, how much of it falls in the slice
     */
    record Slice(int tier, Multiplier multiplier, long base, List<CreditedAmount> credited, long[] weights) {
    }

    private TierKernel() {
    }

    /**
     * Marginal slices.
     *
     * @param tierFrom   tier lower bounds on the axis, minor units
     * @param tierTo     tier upper bounds, {@link Long#MAX_VALUE} for the open tier
     * @param mults      the multipliers
     * @param multFrom   multiplier lower bounds on the axis
     * @param multTo     multiplier upper bounds, {@link Long#MAX_VALUE} for open
     * @param start      where this period starts on the axis (the year to date for cumulative measures)
     * @param credited   the period's credited amounts, in order
     */
    static List<Slice> marginal(long[] tierFrom, long[] tierTo, List<Multiplier> mults, long[] multFrom, long[] multTo,
                                long start, List<CreditedAmount> credited) {
        long[] bp = breakpoints(tierFrom, tierTo, multFrom, multTo);
        int ns = bp.length;
        int s = 0;
        while (s + 1 < ns && bp[s + 1] <= start) {
            s++;
        }
        // The slices are met in axis order and each one's pieces are consecutive credits, each credit one piece
        // of it: whole credits but the first (maybe the rest of a credit cut at the slice's lower bound) and the
        // last (maybe cut at its upper bound). So one pass notes where each slice's run of credits starts and
        // ends and the size of those two pieces; a slice's credits are a view of the run, not a copy.
        List<Slice> out = new ArrayList<>(2);
        long pos = start;
        int runFrom = -1;
        long firstTake = 0;
        long lastTake = 0;
        long base = 0;
        for (int i = 0, n = credited.size(); i < n; i++) {
            CreditedAmount c = credited.get(i);
            long rem = c.amount;
            do {
                long hi = s + 1 < ns ? bp[s + 1] : Long.MAX_VALUE;
                long take = Math.min(rem, hi - pos);
                if (runFrom < 0) {
                    runFrom = i;
                    firstTake = take;
                }
                lastTake = take;
                base = Math.addExact(base, take);
                pos += take;
                rem -= take;
                if (pos == hi && s + 1 < ns) {
                    out.add(slice(bp, s, tierFrom, tierTo, mults, multFrom, multTo, base, credited, runFrom, i,
                            firstTake, lastTake));
                    runFrom = -1;
                    base = 0;
                    s++;
                }
            } while (rem > 0);
        }
        if (runFrom >= 0) {
            out.add(slice(bp, s, tierFrom, tierTo, mults, multFrom, multTo, base, credited, runFrom,
                    credited.size() - 1, firstTake, lastTake));
        }
        return out;
    }

    /** The slice {@code s} of the axis holding credits {@code from .. to}: its tier, multiplier and weights. */
    private static Slice slice(long[] bp, int s, long[] tierFrom, long[] tierTo, List<Multiplier> mults,
                               long[] multFrom, long[] multTo, long base, List<CreditedAmount> credited, int from,
                               int to, long firstTake, long lastTake) {
        long lo = bp[s];
        long hi = s + 1 < bp.length ? bp[s + 1] : Long.MAX_VALUE;
        int tier = 0;
        for (int t = 0; t < tierFrom.length; t++) {
            if (tierFrom[t] <= lo && tierTo[t] >= hi) {
                tier = t;
                break;
            }
        }
        Multiplier mult = null;
        for (int m = 0; m < mults.size(); m++) {
            if (multFrom[m] <= lo && multTo[m] >= hi) {
                mult = mults.get(m);
                break;
            }
        }
        long[] weights = new long[to - from + 1];
        for (int i = from + 1; i < to; i++) {
            weights[i - from] = credited.get(i).amount;
        }
        weights[0] = firstTake;
        weights[to - from] = from == to ? firstTake : lastTake;
        List<CreditedAmount> run = from == 0 && to == credited.size() - 1 ? credited : credited.subList(from, to + 1);
        return new Slice(tier, mult, base, run, weights);
    }

    /** Every tier and multiplier bound, and zero, sorted without repeats. */
    private static long[] breakpoints(long[] tierFrom, long[] tierTo, long[] multFrom, long[] multTo) {
        long[] all = new long[1 + 2 * tierFrom.length + 2 * multFrom.length];
        int n = 0;
        all[n++] = 0;
        for (int i = 0; i < tierFrom.length; i++) {
            all[n++] = tierFrom[i];
            if (tierTo[i] != Long.MAX_VALUE) {
                all[n++] = tierTo[i];
            }
        }
        for (int i = 0; i < multFrom.length; i++) {
            all[n++] = multFrom[i];
            if (multTo[i] != Long.MAX_VALUE) {
                all[n++] = multTo[i];
            }
        }
        Arrays.sort(all, 0, n);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || all[i] != all[k - 1]) {
                all[k++] = all[i];
            }
        }
        return k == all.length ? all : Arrays.copyOf(all, k);
    }

    /**
     * The tier a measure reaches: by attainment percent on an attainment table, else by the amount.
     *
     * @param attainment the attainment percent, or null when the quota is zero (any credit then reaches the top)
     * @param amount     the measured amount in major units, for amount tables
     * @param positive   whether anything was credited (decides the tier at a zero quota)
     */
    static int reached(TierTable table, BigDecimal attainment, BigDecimal amount, boolean positive) {
        List<Tier> tiers = table.tiers();
        BigDecimal v;
        if (table.basis() == TierTable.Basis.ATTAINMENT) {
            if (attainment == null) {
                return positive ? tiers.size() - 1 : 0;
            }
            v = attainment;
        } else {
            v = amount;
        }
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (t.upTo() == null) {
                return i;
            }
            int cmp = v.compareTo(t.upTo());
            if (cmp < 0 || (cmp == 0 && t.upToInclusive())) {
                return i;
            }
        }
        return tiers.size() - 1;
    }

    /** @return the first multiplier covering {@code attainment} (0 when unknown), or null */
    static Multiplier multiplierAt(List<Multiplier> mults, BigDecimal attainment) {
        BigDecimal att = attainment == null ? BigDecimal.ZERO : attainment;
        for (Multiplier m : mults) {
            if (m.covers(att)) {
                return m;
            }
        }
        return null;
    }
}
