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
        int first = 0;
        while (first + 1 < ns && bp[first + 1] <= start) {
            first++;
        }
        // A first pass counts each slice's pieces, so each slice's credits and weights are sized once.
        int[] sliceCount = new int[ns];
        walk(bp, first, start, credited, sliceCount, null, null, null);
        long[] sliceBase = new long[ns];
        List<List<CreditedAmount>> sliceCredits = new ArrayList<>(ns);
        long[][] sliceWeights = new long[ns][];
        for (int i = 0; i < ns; i++) {
            sliceCredits.add(sliceCount[i] == 0 ? null : new ArrayList<>(sliceCount[i]));
            sliceWeights[i] = sliceCount[i] == 0 ? null : new long[sliceCount[i]];
        }
        walk(bp, first, start, credited, new int[ns], sliceBase, sliceCredits, sliceWeights);
        List<Slice> out = new ArrayList<>();
        for (int i = 0; i < ns; i++) {
            if (sliceCredits.get(i) == null) {
                continue;
            }
            long lo = bp[i];
            long hi = i + 1 < ns ? bp[i + 1] : Long.MAX_VALUE;
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
            out.add(new Slice(tier, mult, sliceBase[i], sliceCredits.get(i), sliceWeights[i]));
        }
        return out;
    }

    /**
     * Cuts the credits into slices at the breakpoints, from {@code start} on the axis in slice {@code s}: counts
     * each slice's pieces into {@code count}, and, when {@code base} is given, adds each piece to its slice's base,
     * credits and weights.
     */
    private static void walk(long[] bp, int s, long start, List<CreditedAmount> credited, int[] count, long[] base,
                             List<List<CreditedAmount>> credits, long[][] weights) {
        int ns = bp.length;
        long pos = start;
        for (int i = 0, n = credited.size(); i < n; i++) {
            CreditedAmount c = credited.get(i);
            long rem = c.amount;
            do {
                long hi = s + 1 < ns ? bp[s + 1] : Long.MAX_VALUE;
                long take = Math.min(rem, hi - pos);
                if (base != null) {
                    credits.get(s).add(c);
                    weights[s][count[s]] = take;
                    base[s] = Math.addExact(base[s], take);
                }
                count[s]++;
                pos += take;
                rem -= take;
                if (pos == hi && s + 1 < ns) {
                    s++;
                }
            } while (rem > 0);
        }
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
        long[] sorted = Arrays.copyOf(all, n);
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || sorted[i] != sorted[k - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
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
