package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How a deal's age falls into the bins of {@link TimeToEvent}'s and {@link CureFractions}' hazards.
 *
 * <p>On the day scale every deal of a creation phase shares one timeline: its age in days, in day bins
 * ({@link TimeToEvent#binOf}). On the calendar-month scale, used with the creation phases when the calendar
 * matters, a deal's age is counted in calendar months since its creation month (month 0 is that month, month 1 the
 * next), so the hazards follow the calendar: where deals close within their creation quarter or the next or never, a
 * deal two quarters past its creation quarter meets its phase's hazard at that month (often none), where day bins
 * would mix it with deals of other months that close near a quarter's end. Deals created on one day share a
 * timeline (a stratum). The split scale, day bins split where calendar months begin, nests both and serves to
 * test whether the months matter.
 *
 * <p>Immutable; thread-safe.
 */
final class AgeScale {

    /** Days of the calendar scales' timelines summed over creation days, beyond which day bins serve. */
    static final long MAX_DAYS = 1L << 21;

    /** Per stratum, its creation phase. */
    private final int[] phaseOf;
    /** Per stratum (creation day), the bin of each day of age; null on the day scale. */
    private final int[][] lag;
    /** Per creation epoch day, its stratum (calendar scales only). */
    private final Map<Integer, Integer> strata;
    private final int bins;
    /** Day bins within each calendar month (1 on the calendar-month scale; 0 on the day scale). */
    private final int dayBins;

    private AgeScale(int[] phaseOf, int[][] lag, Map<Integer, Integer> strata, int bins, int dayBins) {
        this.dayBins = dayBins;
        this.phaseOf = phaseOf;
        this.lag = lag;
        this.strata = strata;
        this.bins = bins;
    }

    /** The day scale: one timeline per phase, day bins up to {@code maxAge}. */
    static AgeScale days(int phases, int maxAge) {
        int[] phaseOf = new int[phases];
        for (int s = 0; s < phases; s++) {
            phaseOf[s] = s;
        }
        return new AgeScale(phaseOf, null, null, TimeToEvent.binOf(maxAge) + 1, 0);
    }

    /**
     * A calendar scale for the first {@code n} of {@code deals}, each of age {@code age[i]} (at its close, or on the
     * as-of day), or null when their timelines would exceed {@link #MAX_DAYS} days.
     *
     * @param split day bins split where calendar months begin, else calendar months since the creation month
     */
    static AgeScale calendar(Opportunity[] deals, int n, int[] age, ToIntFunction<Opportunity> phase, boolean split) {
        Map<Integer, int[]> first = new HashMap<>(); // creation epoch day -> {max age, phase}
        int maxAge = 1;
        for (int i = 0; i < n; i++) {
            Opportunity deal = deals[i];
            int[] m = first.computeIfAbsent((int) deal.createdDate().toEpochDay(), k -> new int[] {0, phase.applyAsInt(deal)});
            m[0] = Math.max(m[0], age[i]);
            maxAge = Math.max(maxAge, age[i]);
        }
        long total = 0;
        for (int[] m : first.values()) {
            total += m[0] + 1L;
        }
        if (total > MAX_DAYS) {
            return null;
        }
        int dayBins = split ? TimeToEvent.binOf(maxAge) + 1 : 1;
        int[] phaseOf = new int[first.size()];
        int[][] lag = new int[first.size()][];
        Map<Integer, Integer> strata = new HashMap<>();
        int lags = 1;
        for (Map.Entry<Integer, int[]> e : new java.util.TreeMap<>(first).entrySet()) {
            int s = strata.size();
            strata.put(e.getKey(), s);
            phaseOf[s] = e.getValue()[1];
            LocalDate created = LocalDate.ofEpochDay(e.getKey());
            int[] l = new int[e.getValue()[0] + 1];
            LocalDate day = created;
            for (int t = 0; t < l.length; t++, day = day.plusDays(1)) {
                l[t] = epochMonth(day) - epochMonth(created);
            }
            lag[s] = l;
            lags = Math.max(lags, l[l.length - 1] + 1);
        }
        for (int[] l : lag) {
            for (int t = 0; t < l.length; t++) {
                l[t] = split ? l[t] * dayBins + TimeToEvent.binOf(t) : l[t];
            }
        }
        return new AgeScale(phaseOf, lag, strata, lags * dayBins, dayBins);
    }

    private static int epochMonth(LocalDate d) {
        return d.getYear() * 12 + d.getMonthValue() - 1;
    }

    /** @return whether ages are counted in calendar months since the creation month */
    boolean calendarMonths() {
        return lag != null;
    }

    /** @return the timelines */
    int strata() {
        return phaseOf.length;
    }

    /** @return the bins of the hazards */
    int bins() {
        return bins;
    }

    /** @return the creation phase of stratum {@code s} */
    int phase(int s) {
        return phaseOf[s];
    }

    /** @return the last day {@code u} of stratum {@code s}'s timeline, or -1 for no limit (day scale) */
    int lastDay(int s) {
        return lag == null ? -1 : lag[s].length - 1;
    }

    /** @return the bin of day {@code u} of stratum {@code s}'s timeline */
    int bin(int s, int u) {
        return lag == null ? TimeToEvent.binOf(u) : lag[s][u];
    }

    /** @return the stratum of {@code deal} in creation phase {@code phase}, or -1 for a creation month not seen */
    int stratum(Opportunity deal, int phase) {
        if (lag == null) {
            return phase;
        }
        Integer s = strata.get((int) deal.createdDate().toEpochDay());
        return s == null ? -1 : s;
    }

    /**
     * @return the bin of a deal created on {@code created}, at {@code age} days (for deals whose creation month the
     *         scale did not see, as well)
     */
    int bin(LocalDate created, int age) {
        if (lag == null) {
            return TimeToEvent.binOf(age);
        }
        int lag = epochMonth(created.plusDays(age)) - epochMonth(created);
        if (dayBins == 1) {
            return lag;
        }
        int b = TimeToEvent.binOf(age);
        return b >= dayBins ? bins : lag * dayBins + b;
    }
}
