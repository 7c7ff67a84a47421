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
        int months = epochMonth(created.plusDays(age)) - epochMonth(created);
        if (dayBins == 1) {
            return months;
        }
        int b = TimeToEvent.binOf(age);
        return b >= dayBins ? bins : months * dayBins + b;
    }

    /**
     * Deal-days at risk, wins and losses per age bin of {@code scale}: per creation phase, and all deals in row
     * {@code phases}. Deal {@code i} lives on timeline {@code st[i]} from age {@code entry[i]} to {@code age[i]}.
     * The counts are integers held in doubles, so sums are exact.
     *
     * @return {days, wins, losses}, each {@code [phases + 1][bins]}
     */
    static double[][][] count(AgeScale scale, int n, int[] st, int[] age, int[] entry, byte[] event,
                                      int phases, int maxAge) {
        int strata = scale.strata();
        long[][] endingAt = new long[strata][];
        long[][] enteringAfter = new long[strata][];
        long[][] winsAt = new long[strata][];
        long[][] lossesAt = new long[strata][];
        for (int s = 0; s < strata; s++) {
            int length = (scale.lastDay(s) < 0 ? maxAge : scale.lastDay(s)) + 2;
            endingAt[s] = new long[length];
            enteringAfter[s] = new long[length];
            winsAt[s] = new long[length];
            lossesAt[s] = new long[length];
        }
        for (int i = 0; i < n; i++) {
            int u = age[i];
            endingAt[st[i]][u]++;
            enteringAfter[st[i]][entry[i]]++;
            if (event[i] == 1) {
                winsAt[st[i]][u]++;
            } else if (event[i] == 2) {
                lossesAt[st[i]][u]++;
            }
        }
        int bins = scale.bins();
        double[][] days = new double[phases + 1][bins];
        double[][] wins = new double[phases + 1][bins];
        double[][] losses = new double[phases + 1][bins];
        for (int s = 0; s < strata; s++) {
            int p = scale.phase(s);
            long atRisk = 0;
            for (int t = 1; t < endingAt[s].length - 1; t++) {
                atRisk += enteringAfter[s][t - 1];
                int b = scale.bin(s, t);
                days[p][b] += atRisk;
                wins[p][b] += winsAt[s][t];
                losses[p][b] += lossesAt[s][t];
                atRisk -= endingAt[s][t];
            }
        }
        for (int p = 0; p < phases; p++) {
            for (int b = 0; b < bins; b++) {
                days[phases][b] += days[p][b];
                wins[phases][b] += wins[p][b];
                losses[phases][b] += losses[p][b];
            }
        }
        return new double[][][] {days, wins, losses};
    }

    /**
     * All phases' hazards per month since the creation quarter began ({@code phase + month}), as seen from phase
     * {@code s}: element {@code b} is the hazard of all deals whose phase plus month equals {@code s + b}.
     */
    static double[] byQuarterMonth(double[][] events, double[][] days, int phases, int s) {
        int bins = days[0].length;
        double[] e = new double[bins + phases];
        double[] d = new double[bins + phases];
        for (int p = 0; p < phases; p++) {
            for (int b = 0; b < bins; b++) {
                e[p + b] += events[p][b];
                d[p + b] += days[p][b];
            }
        }
        double[] out = new double[bins];
        for (int b = 0; b < bins; b++) {
            out[b] = d[s + b] > 0 ? e[s + b] / d[s + b] : 0;
        }
        return out;
    }

    /** @return each deal's timeline on {@code scale} */
    static int[] strata(AgeScale scale, Opportunity[] seen, int[] ph, int n) {
        int[] st = new int[n];
        for (int i = 0; i < n; i++) {
            st[i] = scale.stratum(seen[i], ph[i]);
        }
        return st;
    }

    /**
     * Whether calendar months matter: the likelihood ratio of the phases' hazards per day bin split where calendar
     * months begin ({@code split}) against per day bin ({@code days}), wins and losses Poisson on the deal-days at
     * risk, on one degree of freedom per extra cell with deal-days. The split cells nest in the day bins.
     *
     * @return {likelihood ratio, degrees of freedom, p-value}
     */
    static double[] calendarTest(double[][][] days, double[][][] split, int phases) {
        double[] d = logLikelihood(days, phases);
        double[] s = logLikelihood(split, phases);
        double ratio = Math.max(0, 2 * (s[0] - d[0]));
        int df = (int) (s[1] - d[1]);
        return TimeToEvent.chiSquare(ratio, df);
    }

    /** @return {the maximum log-likelihood of per-cell hazards of winning and losing, cells with deal-days} */
    static double[] logLikelihood(double[][][] counts, int phases) {
        double ll = 0;
        int cells = 0;
        for (int kind = 1; kind <= 2; kind++) {
            for (int s = 0; s < phases; s++) {
                for (int b = 0; b < counts[0][s].length; b++) {
                    double d = counts[0][s][b];
                    double e = counts[kind][s][b];
                    if (d > 0) {
                        cells++;
                        ll += e > 0 ? e * Math.log(e / d) - e : 0;
                    }
                }
            }
        }
        return new double[] {ll, cells};
    }
}
