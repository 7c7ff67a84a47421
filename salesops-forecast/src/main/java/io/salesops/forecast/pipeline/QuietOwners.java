package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Owners' quiet spells as known at the end of an as-of day: stretches of days on which an owner had created no
 * deal for longer than their own pace makes likely, {@code max(30, 3 x their mean gap between creation days)}
 * (at their pace, a gap three times the mean comes about one time in twenty). A rep who left creates nothing,
 * and the deals left behind may sit open and never close; one who is merely slow does not go quiet by this
 * rule. Closes do not end a spell, so the deals of an owner who stops creating but still wins show in the spell's
 * wins. Owners with fewer than {@value #MIN_ACTIVITY} creation days are never quiet: too little to judge their
 * pace. Uses only creation dates on or before the as-of day. Immutable; thread-safe.
 */
final class QuietOwners {

    /** Fewest days without a deal created that make an owner quiet. */
    static final int MIN_DAYS = 30;
    /** A quiet spell begins this many of the owner's mean gaps after their last deal created. */
    static final int GAPS = 3;
    /** Fewest creation days to judge an owner's pace. */
    static final int MIN_ACTIVITY = 3;

    /** Per owner, quiet spells as epoch days {start0, end0, start1, end1, ...}, inclusive, oldest first. */
    private final Map<String, int[]> spells;
    /** Per owner quiet on the as-of day: {last creation epoch day, days without one that make them quiet}. */
    private final Map<String, int[]> quietNow;

    private QuietOwners(Map<String, int[]> spells, Map<String, int[]> quietNow) {
        this.spells = spells;
        this.quietNow = quietNow;
    }

    /** The quiet spells of the owners of {@code history}'s deals, as known at the end of {@code asOf}. */
    static QuietOwners of(List<Opportunity> history, LocalDate asOf) {
        int today = (int) asOf.toEpochDay();
        Map<String, Integer> index = new HashMap<>();
        List<String> owners = new ArrayList<>();
        long[] active = new long[history.size()]; // owner index << 32 | creation epoch day
        int n = 0;
        for (Opportunity o : history) {
            int created = (int) o.createdDate().toEpochDay();
            if (created > today) {
                continue;
            }
            long owner = index.computeIfAbsent(o.ownerId(), k -> {
                owners.add(k);
                return owners.size() - 1;
            });
            active[n++] = owner << 32 | (created & 0xFFFFFFFFL);
        }
        Arrays.sort(active, 0, n);
        Map<String, int[]> spells = new HashMap<>();
        Map<String, int[]> now = new HashMap<>();
        int i = 0;
        while (i < n) {
            int owner = (int) (active[i] >>> 32);
            int j = i;
            int distinct = 0;
            int previous = Integer.MIN_VALUE;
            while (j < n && (int) (active[j] >>> 32) == owner) {
                int day = (int) active[j];
                distinct += day != previous ? 1 : 0;
                previous = day;
                j++;
            }
            if (distinct >= MIN_ACTIVITY) {
                int first = (int) active[i];
                int last = (int) active[j - 1];
                int threshold = (int) Math.max(MIN_DAYS, Math.ceil(GAPS * (last - first) / (double) (distinct - 1)));
                int[] s = new int[2 * distinct];
                int k = 0;
                for (int m = i + 1; m < j; m++) {
                    int a = (int) active[m - 1];
                    int b = (int) active[m];
                    if (b - a > threshold) {
                        s[k++] = a + threshold;
                        s[k++] = b - 1;
                    }
                }
                if (today - last >= threshold) {
                    s[k++] = last + threshold;
                    s[k++] = today;
                    now.put(owners.get(owner), new int[] {last, threshold});
                }
                if (k > 0) {
                    spells.put(owners.get(owner), Arrays.copyOf(s, k));
                }
            }
            i = j;
        }
        return new QuietOwners(spells, now);
    }

    /**
     * The part of {@code cumulative} (a cumulative hazard by day of age) a deal of {@code owner} created on epoch
     * day {@code created} ran up on days of age {@code entry + 1..age} (the days it was in the record, see
     * {@link DataStart}) that fell in its owner's quiet spells.
     */
    double exposure(String owner, int created, int entry, int age, double[] cumulative) {
        int[] s = spells.get(owner);
        if (s == null) {
            return 0;
        }
        double sum = 0;
        for (int k = 0; k < s.length; k += 2) {
            int lo = Math.max(entry + 1, s[k] - created);
            int hi = Math.min(age, s[k + 1] - created);
            if (lo <= hi) {
                sum += cumulative[hi] - cumulative[lo - 1];
            }
        }
        return sum;
    }

    /** Whether epoch day {@code day} fell in one of {@code owner}'s quiet spells. */
    boolean quietOn(String owner, int day) {
        int[] s = spells.get(owner);
        if (s != null) {
            for (int k = 0; k < s.length; k += 2) {
                if (day >= s[k] && day <= s[k + 1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return how many owners are quiet on the as-of day */
    int quietCount() {
        return quietNow.size();
    }

    /** {last creation epoch day, days without one that make the owner quiet} if quiet on the as-of day, else null. */
    int[] quietNow(String owner) {
        return quietNow.get(owner);
    }
}
