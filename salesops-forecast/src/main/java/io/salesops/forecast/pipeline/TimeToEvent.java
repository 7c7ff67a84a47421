package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * P(an open deal is won inside a window), from won, lost and still-open deals as competing risks on the deal's
 * age, learned from history exactly as it was known at the end of the as-of day.
 *
 * <p>Every deal created on or before the as-of day is one observation: won or lost at its age on its close day
 * if it closed by then, else censored at its age on the as-of day (a deal closed later was simply still open
 * then; its outcome is not used). Hazards of winning and of losing are piecewise constant per day over age
 * bins (a week up to 13 weeks, then 30 days up to a year, then 91 days), each the bin's events over its
 * deal-days at risk. The probability of a deal of age {@code a} being won between ages {@code a+s} and
 * {@code a+h} is the Aalen-Johansen cumulative incidence {@code sum S(t-1)/S(a) x hWin(t)}, with
 * {@code S} the probability of still being open. A deal older than anything that ever won meets hazards of
 * zero, so its probability falls to zero; a deal older than almost every won deal, toward it.
 *
 * <p>Groups differ by a proportional factor on each hazard, shrunk hierarchically: each level's factor is
 * {@code (events + k) / (expected events + k)}, with the expected events under the level above (global, then
 * each key function in turn, e.g. segment then owner) and {@code k} pseudo-events.
 *
 * <p>Before those levels, a factor for deals whose owner has gone quiet ({@link QuietOwners}: no deal created for
 * longer than the owner's own pace makes likely), learned the same way from the deal-days that fell
 * in owners' past quiet spells: a rep who left leaves deals that sit open and never close, and the data say how
 * much less such deals won. Like the other levels it is relative to the hazards above it, which are fitted on all
 * deal-days alike. It applies to an open deal whose owner is quiet on the as-of day.
 *
 * <p>With the phases, when the calendar matters (day bins split where calendar months begin fit better than day
 * bins alone, by a likelihood-ratio test), a deal's age is counted in calendar months since the month it was created
 * in ({@link AgeScale}): exports whose deals close within their creation quarter or the next or never put the closes
 * on the calendar, which day bins blur (a deal two quarters on shares ages with deals of a later month one quarter
 * on). Each phase's hazard in a month is then shrunk toward all deals' at the same month since their creation
 * quarter began, the same place in the calendar.
 *
 * <p>When the deals created in different calendar months differ in the share that never closes (batches of leads
 * of which a third sit open for good), {@link CureFractions} scales each open deal's chance by its month's mixture
 * cure model over the pooled hazards. Immutable once learned; thread-safe.
 */
final class TimeToEvent {

    /** Pseudo-events of each level's shrinkage toward the level above. */
    static final double PRIOR_EVENTS = 8;
    private static final int MAX_AGE = 20 * 366;

    /** A probability and how it was reached. */
    record Estimate(double p, String explanation) {
    }

    /** Per creation phase (one row without phases), the daily win hazard per age bin. */
    private final double[][] winHazard;
    /** Per creation phase, the daily loss hazard per age bin. */
    private final double[][] lossHazard;
    /** A deal's creation phase, or null for none (every deal in phase 0): phases not asked for or not different. */
    private final ToIntFunction<Opportunity> phase;
    /** The test of the phases' hazards against all deals' ({@link #phaseTest}), or null if none was made. */
    private final double[] phaseTest;
    /** How ages fall into the hazards' bins: days, or calendar months since creation when the phases are used. */
    private final AgeScale scale;
    /** The test of calendar months against day bins ({@link #calendarTest}), or null if none was made. */
    private final double[] calendarTest;
    private final int[] wonAges;
    private final int observations;
    private final List<Function<Opportunity, String>> keys;
    private final List<String> keyNames;
    private final List<Map<String, double[]>> factors;
    private final QuietOwners quiet;
    /** The quiet-owner level: {win factor, loss factor, wins in quiet spells, expected wins there}. */
    private final double[] quietFactor;
    /** Creation months' shares of deals that never close, or null when they did not differ (or none learned). */
    private final CureFractions cure;

    private TimeToEvent(double[][] winHazard, double[][] lossHazard, ToIntFunction<Opportunity> phase, double[] phaseTest,
                        AgeScale scale, double[] calendarTest, int[] wonAges, int observations, List<Function<Opportunity, String>> keys, List<String> keyNames,
                        List<Map<String, double[]>> factors, QuietOwners quiet, double[] quietFactor, CureFractions cure) {
        this.cure = cure;
        this.phase = phase;
        this.phaseTest = phaseTest;
        this.scale = scale;
        this.calendarTest = calendarTest;
        this.quiet = quiet;
        this.quietFactor = quietFactor;
        this.winHazard = winHazard;
        this.lossHazard = lossHazard;
        this.wonAges = wonAges;
        this.observations = observations;
        this.keys = keys;
        this.keyNames = keyNames;
        this.factors = factors;
    }

    /** The first day (age) of each bin, and the end sentinel. */
    static int binOf(int age) {
        if (age <= 91) {
            return (age - 1) / 7;
        }
        if (age <= 365) {
            return 13 + (age - 92) / 30;
        }
        return 23 + (age - 366) / 91;
    }

    /**
     * Learns from the deals of {@code history} created on or before {@code asOf}, as known then, one hazard for all
     * deals (no creation phases, no cohorts). Returns null if no deal had closed by then.
     *
     * @param keys     level key functions, broad to narrow (the deal as known on the day); may be empty
     * @param keyNames their names, for explanations
     */
    static TimeToEvent learn(List<Opportunity> history, LocalDate asOf, List<Function<Opportunity, String>> keys,
                             List<String> keyNames) {
        return learn(history, asOf, keys, keyNames, null, null, null);
    }

    /** Creation phases: the month of its quarter a deal was created in. */
    static final int PHASES = 3;

    /**
     * A deal's creation phase: the month (0, 1 or 2) of its quarter it was created in, quarters counted from the
     * month {@code period} starts in (a fiscal quarter's months when the period is one).
     */
    static ToIntFunction<Opportunity> quarterPhase(io.salesops.core.period.Period period) {
        int first = period.start().getMonthValue();
        return o -> Math.floorMod(o.createdDate().getMonthValue() - first, PHASES);
    }

    /**
     * As {@link #learn(List, LocalDate, List, List)}, with baseline hazards of their own for each creation phase:
     * each phase's hazard in an age bin is its events there plus {@link #PRIOR_EVENTS} pseudo-events at all deals'
     * hazard, over its deal-days at risk plus the deal-days those pseudo-events take at that hazard. Deals
     * created early in a quarter may close fast or never, those created later slowly (a real export's pattern);
     * the survivors of a fast phase then meet their own phase's low hazards at their age, not all deals'.
     *
     * @param phase a deal's creation phase in {@code 0 .. PHASES - 1}, or null for one hazard for all deals
     */
    static TimeToEvent learn(List<Opportunity> history, LocalDate asOf, List<Function<Opportunity, String>> keys,
                             List<String> keyNames, ToIntFunction<Opportunity> phase) {
        return learn(history, asOf, keys, keyNames, phase, CREATION_MONTH, "creation month");
    }

    /** A deal's creation month, the cohort whose share of deals that never close {@link CureFractions} learns. */
    static final Function<Opportunity, String> CREATION_MONTH = o -> java.time.YearMonth.from(o.createdDate()).toString();

    /**
     * As {@link #learn(List, LocalDate, List, List, ToIntFunction)}, with cohorts of deals that may differ in the
     * share that never closes ({@link CureFractions}), used when they do.
     *
     * @param cohort     a deal's cohort, or null for none
     * @param cohortName the cohorts' name, for explanations
     */
    static TimeToEvent learn(List<Opportunity> history, LocalDate asOf, List<Function<Opportunity, String>> keys,
                             List<String> keyNames, ToIntFunction<Opportunity> phase, Function<Opportunity, String> cohort,
                             String cohortName) {
        int phases = phase == null ? 1 : PHASES;
        int n = 0;
        // a deal created before the record of closes began entered it by surviving until then (DataStart)
        LocalDate recordedFrom = DataStart.closesFrom(history, asOf);
        int[] age = new int[history.size()];
        int[] entry = new int[history.size()];
        byte[] event = new byte[history.size()]; // 0 censored, 1 won, 2 lost
        int[] ph = new int[history.size()];
        Opportunity[] seen = new Opportunity[history.size()];
        int maxAge = 1;
        int closed = 0;
        int won = 0;
        for (Opportunity o : history) {
            if (o.createdDate().isAfter(asOf)) {
                continue;
            }
            boolean closedThen = o.status().isClosed() && !o.closeDate().isAfter(asOf);
            LocalDate end = closedThen ? o.closeDate() : asOf;
            int a = (int) Math.min(MAX_AGE, Math.max(1, ChronoUnit.DAYS.between(o.createdDate(), end)));
            age[n] = a;
            entry[n] = !o.createdDate().isBefore(recordedFrom) ? 0
                    : (int) Math.min(a - 1, ChronoUnit.DAYS.between(o.createdDate(), recordedFrom) - 1);
            event[n] = closedThen ? (byte) (o.isWon() ? 1 : 2) : 0;
            seen[n] = o;
            ph[n] = phase == null ? 0 : phase.applyAsInt(o);
            if (closedThen) {
                closed++;
                won += o.isWon() ? 1 : 0;
            }
            maxAge = Math.max(maxAge, a);
            n++;
        }
        if (closed == 0) {
            return null;
        }
        int[] wonAges = new int[won];
        int w = 0;
        for (int i = 0; i < n; i++) {
            if (event[i] == 1) {
                wonAges[w++] = age[i];
            }
        }
        Arrays.sort(wonAges);
        // deal-days at risk and events per age bin: per phase, and all deals in row `phases`
        AgeScale scale = AgeScale.days(phases, maxAge);
        int[] st = ph;
        double[][][] counts = AgeScale.count(scale, n, st, age, entry, event, phases, maxAge);
        double[] allW = hazards(counts[1][phases], counts[0][phases], null);
        double[] allL = hazards(counts[2][phases], counts[0][phases], null);
        // the phases' own hazards only where the data say they differ; else all deals' (as with no phases)
        double[] test = phases == 1 ? null : phaseTest(counts[1], counts[2], counts[0], allW, allL);
        boolean phased = test != null && test[2] < PHASE_TEST_P;
        double[] calendarTest = null;
        AgeScale split = phased ? AgeScale.calendar(seen, n, age, phase, true) : null;
        if (split != null) {
            // the calendar matters when day bins split where calendar months begin fit better than day bins alone
            int[] splitSt = AgeScale.strata(split, seen, ph, n);
            calendarTest = AgeScale.calendarTest(counts, AgeScale.count(split, n, splitSt, age, entry, event, phases, maxAge),
                    phases);
            if (calendarTest[2] < PHASE_TEST_P) {
                scale = AgeScale.calendar(seen, n, age, phase, false);
                st = AgeScale.strata(scale, seen, ph, n);
                counts = AgeScale.count(scale, n, st, age, entry, event, phases, maxAge);
            }
        }
        if (!phased) {
            scale = AgeScale.days(1, maxAge);
            st = new int[n];
        }
        double[][] hw = new double[phases][];
        double[][] hl = new double[phases][];
        for (int s = 0; s < phases; s++) {
            // on the calendar scale a phase is shrunk toward all deals in the same month since their creation quarter
            // began (phase + month), which the calendar puts at the same place; else toward all deals at its age
            double[] towardW = scale.calendarMonths() ? AgeScale.byQuarterMonth(counts[1], counts[0], phases, s) : allW;
            double[] towardL = scale.calendarMonths() ? AgeScale.byQuarterMonth(counts[2], counts[0], phases, s) : allL;
            hw[s] = phased ? hazards(counts[1][s], counts[0][s], towardW) : allW;
            hl[s] = phased ? hazards(counts[2][s], counts[0][s], towardL) : allL;
        }
        // cumulative hazards along each timeline, for each deal's expected events
        double[][] cumW = new double[scale.strata()][];
        double[][] cumL = new double[scale.strata()][];
        for (int s = 0; s < scale.strata(); s++) {
            int last = scale.lastDay(s) < 0 ? maxAge : scale.lastDay(s);
            int p = scale.phase(s);
            cumW[s] = new double[last + 1];
            cumL[s] = new double[last + 1];
            for (int t = 1; t <= last; t++) {
                int b = scale.bin(s, t);
                cumW[s][t] = cumW[s][t - 1] + hw[p][b];
                cumL[s][t] = cumL[s][t - 1] + hl[p][b];
            }
        }
        // deals of owners gone quiet: events and expected events on the days that fell in their quiet spells
        QuietOwners quiet = QuietOwners.of(history, asOf);
        double[] quietW = new double[n];
        double[] quietL = new double[n];
        double[] q = new double[4]; // wins, expected wins, losses, expected losses
        for (int i = 0; i < n; i++) {
            String owner = seen[i].ownerId();
            int created = (int) seen[i].createdDate().toEpochDay();
            quietW[i] = quiet.exposure(owner, created, entry[i], age[i], cumW[st[i]]);
            quietL[i] = quiet.exposure(owner, created, entry[i], age[i], cumL[st[i]]);
            q[1] += quietW[i];
            q[3] += quietL[i];
            if (event[i] != 0 && quiet.quietOn(owner, created + age[i])) {
                q[event[i] == 1 ? 0 : 2]++;
            }
        }
        double[] quietFactor = {(q[0] + PRIOR_EVENTS) / (q[1] + PRIOR_EVENTS), (q[2] + PRIOR_EVENTS) / (q[3] + PRIOR_EVENTS),
            q[0], q[1]};
        List<Map<String, double[]>> factors = new ArrayList<>();
        double[] fw = new double[n];
        double[] fl = new double[n];
        Arrays.fill(fw, 1);
        Arrays.fill(fl, 1);
        for (Function<Opportunity, String> key : keys) {
            Map<String, double[]> sums = new HashMap<>(); // events won, expected won, events lost, expected lost
            String[] k = new String[n];
            for (int i = 0; i < n; i++) {
                k[i] = key.apply(seen[i]); // owners and segments carry no history: the record's value
                double[] s = sums.computeIfAbsent(k[i], x -> new double[4]);
                s[0] += event[i] == 1 ? 1 : 0;
                s[1] += fw[i] * (cumW[st[i]][age[i]] - cumW[st[i]][entry[i]] + (quietFactor[0] - 1) * quietW[i]);
                s[2] += event[i] == 2 ? 1 : 0;
                s[3] += fl[i] * (cumL[st[i]][age[i]] - cumL[st[i]][entry[i]] + (quietFactor[1] - 1) * quietL[i]);
            }
            Map<String, double[]> level = new HashMap<>();
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                double[] s = e.getValue();
                level.put(e.getKey(), new double[] {(s[0] + PRIOR_EVENTS) / (s[1] + PRIOR_EVENTS),
                    (s[2] + PRIOR_EVENTS) / (s[3] + PRIOR_EVENTS), s[0], s[1]});
            }
            for (int i = 0; i < n; i++) {
                double[] f = level.get(k[i]);
                fw[i] *= f[0];
                fl[i] *= f[1];
            }
            factors.add(level);
        }
        int[] curePhase = phased ? ph : new int[n];
        CureFractions cure = cohort == null ? null : CureFractions.learn(seen, n, age, entry, event, curePhase,
                phased ? phases : 1, scale, st, cohort, cohortName, recordedFrom);
        if (cure != null && !cure.used()) {
            cure = null; // the cohorts do not differ: every deal's chance as without them
        }
        return new TimeToEvent(hw, hl, phased ? phase : null, test, scale, calendarTest, wonAges, n, List.copyOf(keys),
                List.copyOf(keyNames), List.copyOf(factors), quiet, quietFactor, cure);
    }

    /** @return the creation months' shares of deals that never close as the assumptions state them, or null if unused */
    String cureAssumption() {
        return cure == null ? null : cure.assumption();
    }

    /** The p-value below which the creation phases' hazards are taken to differ. */
    static final double PHASE_TEST_P = 0.001;

    /**
     * Whether the creation phases' hazards differ from all deals': the Poisson deviance of each phase's wins and
     * losses per age bin against the counts all deals' hazards would give over its deal-days, on one degree of
     * freedom per phase beyond the first in each bin where all deals had the event.
     *
     * @return {deviance, degrees of freedom, p-value}, or null without a bin to compare
     */
    private static double[] phaseTest(double[][] wins, double[][] losses, double[][] days, double[] allW, double[] allL) {
        double deviance = 0;
        int df = 0;
        int phases = days.length - 1;
        for (int kind = 0; kind < 2; kind++) {
            double[][] events = kind == 0 ? wins : losses;
            double[] all = kind == 0 ? allW : allL;
            for (int b = 0; b < all.length; b++) {
                if (all[b] <= 0) {
                    continue;
                }
                int with = 0;
                for (int s = 0; s < phases; s++) {
                    if (days[s][b] <= 0) {
                        continue;
                    }
                    double expected = days[s][b] * all[b];
                    double o = events[s][b];
                    deviance += 2 * (o > 0 ? o * Math.log(o / expected) - (o - expected) : expected);
                    with++;
                }
                df += Math.max(0, with - 1);
            }
        }
        if (df == 0) {
            return null;
        }
        return chiSquare(deviance, df);
    }

    /**
     * A chi-square test of {@code statistic} on {@code df} degrees of freedom, as the phase, calendar and cure tests
     * state it.
     *
     * @return {statistic, degrees of freedom, p-value}; the p-value is 1 without a degree of freedom
     */
    static double[] chiSquare(double statistic, int df) {
        double p = df <= 0 ? 1 : 1 - new ChiSquaredDistribution(df).cumulativeProbability(statistic);
        return new double[] {statistic, df, p};
    }

    /** @return a test's p-value as the assumptions state it: "< 0.0001", else four decimals */
    static String pValue(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * @return the creation phases as the assumptions state them, or null when the model has none (not asked for,
     *         nothing to compare, or the months did not differ: one hazard for all deals, as before phases)
     */
    String phaseAssumption() {
        if (phaseTest == null || phase == null) {
            return null;
        }
        String test = String.format(Locale.ROOT, "deviance %.1f on %d degrees of freedom against all deals' hazards,"
                + " p %s", phaseTest[0], (long) phaseTest[1], pValue(phaseTest[2]));
        String ages = "";
        if (calendarTest != null) {
            String ratio = String.format(Locale.ROOT, "likelihood ratio %.1f on %d degrees of freedom against day bins alone,"
                    + " p %s", calendarTest[0], (long) calendarTest[1], pValue(calendarTest[2]));
            ages = scale.calendarMonths()
                    ? "; ages counted in calendar months since the month a deal was created in, since the calendar"
                        + " matters (day bins split where calendar months begin: " + ratio + " < " + PHASE_TEST_P + ")"
                    : "; ages in day bins (splitting them where calendar months begin: " + ratio + ", not < " + PHASE_TEST_P + ")";
        }
        return "hazards per month of the quarter a deal was created in (" + test + " < " + PHASE_TEST_P + "), each shrunk"
                + " toward all deals' by " + Math.round(PRIOR_EVENTS) + " pseudo-events per age bin" + ages;
    }

    /**
     * Daily hazards per age bin: events over deal-days; with {@code all} (all deals' hazards and events) given,
     * shrunk toward them by {@link #PRIOR_EVENTS} pseudo-events at that hazard (a bin where no deal ever had the
     * event keeps 0).
     */
    private static double[] hazards(double[] events, double[] days, double[] all) {
        double[] h = new double[events.length];
        for (int b = 0; b < h.length; b++) {
            if (all == null) {
                h[b] = days[b] > 0 ? events[b] / days[b] : 0;
            } else {
                h[b] = all[b] > 0 ? (events[b] + PRIOR_EVENTS) / (days[b] + PRIOR_EVENTS / all[b]) : 0;
            }
        }
        return h;
    }

    /**
     * Deal-size quartiles of the deals created on or before {@code asOf}, as a level key ("q1".."q4"), or null
     * when amounts cannot tell deals apart: fewer than 40 deals, or lost deals recorded at zero (some exports
     * keep only the value won), which would make every deal with an amount look unlosable.
     */
    static Function<Opportunity, String> sizeBands(List<Opportunity> history, LocalDate asOf) {
        long[] amounts = new long[history.size()];
        int n = 0;
        int lost = 0;
        int lostZero = 0;
        for (Opportunity o : history) {
            if (o.createdDate().isAfter(asOf)) {
                continue;
            }
            amounts[n++] = o.amount().minorUnits();
            if (o.isLost() && !o.closeDate().isAfter(asOf)) {
                lost++;
                lostZero += o.amount().isZero() ? 1 : 0;
            }
        }
        if (n < 40 || lostZero * 5 > lost) {
            return null;
        }
        long[] sorted = Arrays.copyOf(amounts, n);
        Arrays.sort(sorted);
        long q1 = sorted[n / 4];
        long q2 = sorted[n / 2];
        long q3 = sorted[3 * n / 4];
        return o -> {
            long a = o.amount().minorUnits();
            return a < q1 ? "q1" : a < q2 ? "q2" : a < q3 ? "q3" : "q4";
        };
    }

    /** @return deals the model learned from */
    int observations() {
        return observations;
    }

    /** @return the quiet-owner level as the assumptions state it: its factor, where it was learned, whom it touches */
    String quietAssumption() {
        return String.format(Locale.ROOT, "deals of owners quiet on the as-of day (no deal created for max(%d, %d x their"
                + " mean gap) days; %d owners) have the win hazard x%.2f and the loss hazard x%.2f, learned from owners'"
                + " past quiet spells (%d wins vs %.1f expected), shrunk toward 1 by %.0f pseudo-events",
                QuietOwners.MIN_DAYS, QuietOwners.GAPS, quiet.quietCount(), quietFactor[0], quietFactor[1],
                (long) quietFactor[2], quietFactor[3], PRIOR_EVENTS);
    }

    /** @return whether {@code owner} is quiet on the as-of day (see {@link QuietOwners}) */
    boolean quiet(String owner) {
        return quiet.quietNow(owner) != null;
    }

    /** @return won deals (by the as-of day) the model learned from */
    int wonDeals() {
        return wonAges.length;
    }

    /**
     * The probability that {@code deal} (as known on {@code asOf}, open then) is won on a day in
     * {@code [windowStart, windowEnd]}, with the reasoning.
     */
    Estimate estimate(Opportunity deal, LocalDate asOf, LocalDate windowStart, LocalDate windowEnd) {
        int a = (int) Math.max(0, Math.min(MAX_AGE, ChronoUnit.DAYS.between(deal.createdDate(), asOf)));
        if (windowEnd.isBefore(windowStart)) {
            return new Estimate(0, "no days of the period left");
        }
        double fw = 1;
        double fl = 1;
        StringBuilder groups = new StringBuilder();
        int[] quietNow = quiet.quietNow(deal.ownerId());
        if (quietNow != null) {
            fw = quietFactor[0];
            fl = quietFactor[1];
            groups.append(String.format(Locale.ROOT, "; owner %s quiet: no deal created since %s (%d days make"
                    + " this owner quiet), and deals in owners' past quiet spells won %d vs %.1f expected -> win hazard"
                    + " x%.2f", deal.ownerId(), LocalDate.ofEpochDay(quietNow[0]), quietNow[1], (long) quietFactor[2],
                    quietFactor[3], quietFactor[0]));
        }
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i).apply(deal);
            double[] f = factors.get(i).get(k);
            if (f == null) {
                groups.append(String.format(Locale.ROOT, "; %s %s: no history, global rates", keyNames.get(i), k));
                continue;
            }
            fw *= f[0];
            fl *= f[1];
            groups.append(String.format(Locale.ROOT, "; %s %s: %d wins vs %.1f expected -> win hazard x%.2f",
                    keyNames.get(i), k, (long) f[2], f[3], f[0]));
        }
        int from = (int) Math.max(a + 1, a + ChronoUnit.DAYS.between(asOf, windowStart));
        int to = (int) Math.min(MAX_AGE, a + ChronoUnit.DAYS.between(asOf, windowEnd));
        double survive = 1;
        double p = 0;
        double pooledSurvive = 1;
        double pooled = 0; // without the levels' factors, for the cure model's factor
        int s = phase == null ? 0 : phase.applyAsInt(deal);
        if (phase != null) {
            groups.insert(0, "; created in month " + (s + 1) + " of its quarter: that month's deals' hazards"
                    + (scale.calendarMonths() ? " by calendar month since its creation month (month " + scale.bin(deal.createdDate(), a)
                    + " on " + asOf + ")" : ""));
        }
        double[] winH = winHazard[s];
        double[] lossH = lossHazard[s];
        int lastBin = winH.length - 1;
        for (int t = a + 1; t <= to; t++) {
            int b = scale.bin(deal.createdDate(), t);
            double hw = b <= lastBin ? Math.min(1, fw * winH[b]) : 0;
            double hl = b <= lastBin ? Math.min(1, fl * lossH[b]) : 0;
            if (t >= from) {
                p += survive * hw;
            }
            survive *= Math.max(0, 1 - hw - hl);
            if (cure != null && b <= lastBin) {
                if (t >= from) {
                    pooled += pooledSurvive * winH[b];
                }
                pooledSurvive *= Math.max(0, 1 - winH[b] - lossH[b]);
            }
        }
        if (cure != null) {
            double own = cure.probability(deal, s, a, from, to);
            if (own >= 0) {
                p = pooled > 0 ? p * own / pooled : 0;
                groups.append(cure.explain(deal, s, a, own, pooled));
            }
        }
        p = Math.max(0, Math.min(1, p));
        int younger = countBelowOrAt(a);
        double share = wonAges.length == 0 ? 1 : younger / (double) wonAges.length;
        String age = String.format(Locale.ROOT, "time to event: age %dd, older than %.0f%% of the %d won deals at their close",
                a, 100 * share, wonAges.length);
        if (younger == wonAges.length) {
            age += " (older than any deal that ever won: its chance falls to zero)";
        } else if (share >= 0.95) {
            age += " (older than almost any deal that ever won: its chance falls toward zero)";
        }
        String why = String.format(Locale.ROOT, "%s; competing risks (won, lost, still open) over %d deals known on %s%s"
                + " -> P(won %s..%s) %.3f", age, observations, asOf, groups, windowStart, windowEnd, p);
        return new Estimate(p, why);
    }

    private int countBelowOrAt(int age) {
        int lo = 0;
        int hi = wonAges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (wonAges[mid] <= age) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
