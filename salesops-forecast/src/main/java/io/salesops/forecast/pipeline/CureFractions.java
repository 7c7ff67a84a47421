package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cohorts of deals (those created in one calendar month) that differ in the share of deals that never close: a
 * mixture cure model beside {@link TimeToEvent}'s hazards. Real exports hold batches of leads of which a third sit
 * open for good while other months' hold a sixth; the deals of a batch that do close, close at the usual pace.
 * Hazards pooled over all deals then give a weak batch's survivors the usual chance, and, pooled over batches
 * whose shares differ, level off below any batch's share of deals that never close.
 *
 * <p>A deal of cohort {@code k} never closes with probability {@code pi_k}; else it closes (won or lost) with the
 * latency hazards shared by all cohorts of its creation phase, whose survival {@code L(t)} is zero past the oldest
 * age any deal closed at. Ages fall in bins on {@link TimeToEvent}'s scale ({@link AgeScale}): day bins, or calendar
 * months since the creation month when the calendar matters. Fitted by expectation-maximisation on the deals as known on the as-of day: a deal still
 * open at age {@code c} can still close with probability {@code w = (1 - pi_k) L(c) / (pi_k + (1 - pi_k) L(c))}
 * (ages counted from its entry into the record, {@link DataStart}); the latency hazards are events over deal-days
 * at risk weighted by {@code w}; {@code pi_k} is the cohort's expected share that never closes, with
 * {@link #PRIOR_DEALS} pseudo-deals at its phase's share. A young cohort, whose open deals could all still close,
 * stays near its phase's share.
 *
 * <p>An open deal's chance of winning is {@link TimeToEvent}'s times this model's over the pooled hazards' (both
 * without the levels' factors), so size, owner and quiet owners act as before. The model is used only when a
 * likelihood-ratio test says the cohorts' shares differ ({@link #TEST_P}), one share per creation phase against
 * one per cohort; otherwise no deal's chance changes. Immutable; thread-safe.
 */
final class CureFractions {

    /** Pseudo-deals at the phase's share that each cohort's share is shrunk toward. */
    static final double PRIOR_DEALS = 20;
    /** The p-value below which the cohorts' shares are taken to differ. */
    static final double TEST_P = 0.001;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-8;

    private final Function<Opportunity, String> cohort;
    private final String cohortName;
    /** Per phase, the latency's daily win hazard per age bin. */
    private final double[][] win;
    /** Per phase, the latency's daily loss hazard per age bin. */
    private final double[][] loss;
    /** Per timeline ({@link AgeScale}), the latency's survival by day (zero past the oldest close). */
    private final double[][] latency;
    /** Per phase, the last day of a timeline on which a deal closed. */
    private final int[] lastClose;
    private final AgeScale scale;
    /** Per cohort and phase ({@link #unit}): {share that never closes, deals}. */
    private final Map<String, double[]> shares;
    /** Per phase, the share of all its deals that never close. */
    private final double[] phaseShare;
    /** {likelihood ratio, degrees of freedom, p-value}. */
    private final double[] test;
    private final LocalDate recordedFrom;

    private CureFractions(Function<Opportunity, String> cohort, String cohortName, Fit fit, double[] test,
                          LocalDate recordedFrom) {
        this.cohort = cohort;
        this.cohortName = cohortName;
        this.win = fit.win;
        this.loss = fit.loss;
        this.latency = fit.latency;
        this.lastClose = fit.lastClose;
        this.scale = fit.scale;
        this.phaseShare = fit.phaseShare;
        this.test = test;
        this.recordedFrom = recordedFrom;
        this.shares = new HashMap<>();
        for (int u = 0; u < fit.units.size(); u++) {
            shares.put(fit.units.get(u), new double[] {fit.share[u], fit.unitDeals[u]});
        }
    }

    /**
     * A cohort in a phase; its deals created before the record of closes began are a unit of their own, since only
     * those still open then are in the record, and its share is theirs.
     */
    private static String unit(String cohort, int phase, boolean late) {
        return cohort + "|" + phase + (late ? "|late" : "");
    }

    /**
     * Learns each cohort's share of deals that never close, and the latency, from the deals as {@link TimeToEvent}
     * saw them.
     *
     * @param deals        the deals, {@code n} of them used
     * @param age          each deal's age at its close, or on the as-of day if open then (at least 1)
     * @param entry        the age at which each deal entered the record (0 unless created before it began)
     * @param event        0 still open, 1 won, 2 lost
     * @param phase        each deal's creation phase in {@code 0 .. phases - 1}
     * @param scale        how ages fall in bins; on the day scale its timelines are the phases
     * @param stratum      each deal's timeline in {@code scale}
     * @param recordedFrom the first day of the record of closes
     * @return the model and its test, or null without a closed deal
     */
    static CureFractions learn(Opportunity[] deals, int n, int[] age, int[] entry, byte[] event, int[] phase, int phases,
                               AgeScale scale, int[] stratum, Function<Opportunity, String> cohort,
                               String cohortName, LocalDate recordedFrom) {
        Data data = new Data(phases, scale);
        Map<String, Integer> units = new TreeMap<>();
        int[] unitOf = new int[n];
        for (int i = 0; i < n; i++) {
            unitOf[i] = units.computeIfAbsent(unit(cohort.apply(deals[i]), phase[i], entry[i] > 0), k -> units.size());
        }
        data.units = new ArrayList<>(units.keySet());
        // TreeMap order differs from first-seen order: renumber to the sorted order
        int[] renumber = new int[units.size()];
        int sorted = 0;
        for (Map.Entry<String, Integer> e : units.entrySet()) {
            renumber[e.getValue()] = sorted++;
        }
        data.unitPhase = new int[units.size()];
        data.unitLate = new boolean[units.size()];
        data.unitDeals = new double[units.size()];
        Map<Long, int[]> groups = new HashMap<>();
        int maxAge = 1;
        for (int i = 0; i < n; i++) {
            int u = renumber[unitOf[i]];
            int s = phase[i];
            int k = stratum[i];
            int a = age[i];
            int e = entry[i];
            data.unitPhase[u] = s;
            data.unitLate[u] = entry[i] > 0;
            data.unitDeals[u]++;
            maxAge = Math.max(maxAge, a);
            if (event[i] != 0) {
                data.closed.add(new int[] {s, u, a, e, event[i], k});
                data.lastClose[s] = Math.max(data.lastClose[s], a);
                double[] events = event[i] == 1 ? data.wins[s] : data.losses[s];
                events[scale.bin(k, a)]++;
                addDays(data.closedDays[s], scale, k, e, a, 1);
            } else {
                // ages are below 2^13 (MAX_AGE): on a calendar scale unit and timeline take the bits above them
                long key = scale.calendarMonths() ? (((long) u * scale.strata() + k) << 26) | ((long) a << 13) | e
                        : ((long) u << 40) | ((long) a << 20) | e;
                int[] group = {s, u, a, e, 0, k};
                groups.computeIfAbsent(key, x -> group)[4]++;
            }
        }
        if (data.closed.isEmpty()) {
            return null;
        }
        data.maxAge = maxAge;
        data.open = new ArrayList<>(groups.values());
        data.openDays = new double[data.open.size()][];
        for (int g = 0; g < data.open.size(); g++) {
            int[] o = data.open.get(g);
            data.openDays[g] = new double[scale.bins()];
            addDays(data.openDays[g], scale, o[5], o[3], o[2], 1);
        }
        Fit common = data.fit(true);
        Fit own = data.fit(false);
        double ratio = 2 * (own.logLikelihood - common.logLikelihood);
        ratio = Double.isFinite(ratio) ? Math.max(0, ratio) : 0; // a likelihood of 0 in either fit: no evidence
        int df = 0;
        boolean[] seen = new boolean[phases];
        for (int k = 0; k < data.units.size(); k++) {
            if (!data.unitLate[k]) {
                df += seen[data.unitPhase[k]] ? 1 : 0;
                seen[data.unitPhase[k]] = true;
            }
        }
        return new CureFractions(cohort, cohortName, own, TimeToEvent.chiSquare(ratio, df), recordedFrom);
    }

    /** Adds {@code weight} deal-days per day {@code entry + 1 .. age} of timeline {@code k} to the age bins. */
    private static void addDays(double[] days, AgeScale scale, int k, int entry, int age, double weight) {
        for (int t = entry + 1; t <= age; t++) {
            days[scale.bin(k, t)] += weight;
        }
    }

    /** The deals as the fit sees them: closed deals one by one, open deals grouped by cohort, age and entry. */
    private static final class Data {
        final int phases;
        final int bins;
        final AgeScale scale;
        final double[][] wins;
        final double[][] losses;
        final double[][] closedDays;
        final int[] lastClose;
        /** {phase, unit, day, entry day, type, timeline} per closed deal. */
        final List<int[]> closed = new ArrayList<>();
        /** {phase, unit, day, entry day, count, timeline} per group of open deals. */
        List<int[]> open;
        /** Per group of open deals, one deal's days at risk per age bin. */
        double[][] openDays;
        List<String> units;
        int[] unitPhase;
        boolean[] unitLate;
        double[] unitDeals;
        int maxAge;

        Data(int phases, AgeScale scale) {
            this.phases = phases;
            this.scale = scale;
            this.bins = scale.bins();
            wins = new double[phases][bins];
            losses = new double[phases][bins];
            closedDays = new double[phases][bins];
            lastClose = new int[phases];
        }

        /** Maximum likelihood by EM: one share per phase ({@code common}) or per cohort, shrunk toward the phase's. */
        Fit fit(boolean common) {
            int u = units.size();
            double[] share = new double[u];
            java.util.Arrays.fill(share, 0.2);
            double[] w = new double[open.size()];
            java.util.Arrays.fill(w, 1);
            Fit fit = new Fit(phases, scale, maxAge, lastClose);
            for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
                // latency: events over deal-days at risk, open deals weighted by their chance of closing
                for (int s = 0; s < phases; s++) {
                    System.arraycopy(closedDays[s], 0, fit.days[s], 0, bins);
                }
                for (int g = 0; g < open.size(); g++) {
                    int[] o = open.get(g);
                    double weight = o[4] * w[g];
                    double[] d = fit.days[o[0]];
                    double[] one = openDays[g];
                    for (int b = 0; b < bins; b++) {
                        d[b] += weight * one[b];
                    }
                }
                fit.hazards(wins, losses);
                // each open group's chance of still closing; then the shares
                double[] never = new double[u];
                double[] phaseNever = new double[phases];
                double[] phaseDeals = new double[phases];
                for (int g = 0; g < open.size(); g++) {
                    int[] o = open.get(g);
                    w[g] = closable(share[o[1]], fit.conditional(o[5], o[2], o[3]));
                    never[o[1]] += o[4] * (1 - w[g]);
                }
                for (int k = 0; k < u; k++) {
                    if (!unitLate[k]) {
                        phaseNever[unitPhase[k]] += never[k];
                        phaseDeals[unitPhase[k]] += unitDeals[k];
                    }
                }
                double change = 0;
                for (int k = 0; k < u; k++) {
                    int s = unitPhase[k];
                    double target = phaseDeals[s] > 0 ? phaseNever[s] / phaseDeals[s] : never[k] / unitDeals[k];
                    double next = unitLate[k] ? never[k] / unitDeals[k]
                            : common ? target : (never[k] + PRIOR_DEALS * target) / (unitDeals[k] + PRIOR_DEALS);
                    next = Math.min(1 - 1e-9, Math.max(1e-9, next));
                    change = Math.max(change, Math.abs(next - share[k]));
                    share[k] = next;
                    fit.phaseShare[s] = target;
                }
                if (change < TOLERANCE) {
                    break;
                }
            }
            fit.share = share;
            fit.units = units;
            fit.unitDeals = unitDeals;
            fit.logLikelihood = logLikelihood(fit, share);
            return fit;
        }

        /** Each closed deal's chance of its close at its age, each open deal's of still being open, from entry. */
        double logLikelihood(Fit fit, double[] share) {
            double ll = 0;
            for (int[] c : closed) {
                double[] l = fit.latency[c[5]];
                double h = (c[4] == 1 ? fit.win : fit.loss)[c[0]][scale.bin(c[5], c[2])];
                ll += Math.log1p(-share[c[1]]) + Math.log(Math.max(1e-300, l[c[2] - 1] / l[c[3]] * h));
            }
            for (int[] o : open) {
                double r = fit.conditional(o[5], o[2], o[3]);
                double pi = share[o[1]];
                ll += o[4] * Math.log(pi + (1 - pi) * r);
            }
            return ll;
        }
    }

    /** A fitted model: latency hazards and survival per phase, shares per cohort. */
    private static final class Fit {
        final double[][] days;
        final double[][] win;
        final double[][] loss;
        final double[][] latency;
        final double[] phaseShare;
        final AgeScale scale;
        final int[] lastClose;
        double[] share;
        List<String> units;
        double[] unitDeals;
        double logLikelihood;

        Fit(int phases, AgeScale scale, int maxAge, int[] lastClose) {
            int bins = scale.bins();
            this.scale = scale;
            this.lastClose = lastClose;
            days = new double[phases][bins];
            win = new double[phases][bins];
            loss = new double[phases][bins];
            latency = new double[scale.strata()][];
            for (int k = 0; k < latency.length; k++) {
                latency[k] = new double[(scale.lastDay(k) < 0 ? maxAge : scale.lastDay(k)) + 1];
            }
            phaseShare = new double[phases];
        }

        void hazards(double[][] wins, double[][] losses) {
            for (int s = 0; s < win.length; s++) {
                for (int b = 0; b < win[s].length; b++) {
                    win[s][b] = days[s][b] > 0 ? wins[s][b] / days[s][b] : 0;
                    loss[s][b] = days[s][b] > 0 ? losses[s][b] / days[s][b] : 0;
                }
            }
            for (int k = 0; k < latency.length; k++) {
                int s = scale.phase(k);
                double[] l = latency[k];
                l[0] = 1;
                for (int t = 1; t < l.length; t++) {
                    int b = scale.bin(k, t);
                    // past the oldest close no deal that closes is left
                    l[t] = t > lastClose[s] ? 0 : l[t - 1] * Math.max(0, 1 - win[s][b] - loss[s][b]);
                }
            }
        }

        double conditional(int timeline, int day, int entry) {
            return survivalFrom(latency[timeline], entry, day);
        }
    }

    /** The chance that a deal still open, its cohort's share {@code share} never closing, is one that can close. */
    private static double closable(double share, double survival) {
        double open = share + (1 - share) * survival;
        return open <= 0 ? 0 : (1 - share) * survival / open;
    }

    /** @return whether the cohorts' shares differ by the test, so that the model is used */
    boolean used() {
        return test[2] < TEST_P;
    }

    /**
     * This model's probability that {@code deal}, open at {@code age} in creation {@code phase}, is won at an age in
     * {@code [from, to]}, or -1 for a cohort the model did not see.
     */
    double probability(Opportunity deal, int phase, int age, int from, int to) {
        int entry = (int) Math.max(0, Math.min(age, ChronoUnit.DAYS.between(deal.createdDate(), recordedFrom) - 1));
        double[] share = shares.get(unit(cohort.apply(deal), phase, entry > 0));
        int k = scale.stratum(deal, phase);
        if (share == null || k < 0) {
            return -1;
        }
        if (scale.calendarMonths()) {
            return onCalendar(deal, share[0], phase, k, age, entry, from, to);
        }
        double[] l = latency[phase];
        double at = l[Math.min(age, l.length - 1)];
        double susceptible = closable(share[0], survivalFrom(l, entry, age));
        if (at <= 0 || susceptible <= 0) {
            return 0;
        }
        double p = 0;
        for (int t = Math.max(age + 1, from); t <= to && t < l.length; t++) {
            p += l[t - 1] / at * win[phase][TimeToEvent.binOf(t)];
        }
        return susceptible * p;
    }

    /**
     * {@link #probability} on the calendar-month scale: the latency past the deal's timeline as learned (the as-of
     * day) goes on with its phase's hazards at each day's month lag.
     */
    private double onCalendar(Opportunity deal, double share, int phase, int k, int age, int entry, int from, int to) {
        double[] l = latency[k];
        int day = Math.min(age, l.length - 1);
        double susceptible = closable(share, survivalFrom(l, entry, day));
        if (l[day] <= 0 || susceptible <= 0) {
            return 0;
        }
        double survive = 1;
        double p = 0;
        for (int t = age + 1; t <= to && t - 1 <= lastClose[phase]; t++) {
            int b = scale.bin(deal.createdDate(), t);
            if (b >= win[phase].length) {
                break;
            }
            if (t >= from) {
                p += survive * win[phase][b];
            }
            survive *= Math.max(0, 1 - win[phase][b] - loss[phase][b]);
        }
        return susceptible * p;
    }

    /** The latency {@code l}'s survival from age {@code entry} to {@code age} (0 once none is left at entry). */
    private static double survivalFrom(double[] l, int entry, int age) {
        double from = l[Math.min(entry, l.length - 1)];
        return from <= 0 ? 0 : l[Math.min(age, l.length - 1)] / from;
    }

    /** The reasoning behind a deal's factor, to append to its explanation. */
    String explain(Opportunity deal, int phase, int age, double cure, double pooled) {
        String key = cohort.apply(deal);
        int entry = (int) Math.max(0, Math.min(age, ChronoUnit.DAYS.between(deal.createdDate(), recordedFrom) - 1));
        double[] share = shares.get(unit(key, phase, entry > 0));
        if (share == null) {
            return String.format(Locale.ROOT, "; %s %s: no deals known, all deals' hazards", cohortName, key);
        }
        return String.format(Locale.ROOT, "; %s %s: %.0f%% of its %d deals never close (%.0f%% of all deals%s), so open at"
                + " %dd P(won) %.3f vs %.3f by the pooled hazards -> x%.2f", cohortName, key, 100 * share[0], (long) share[1],
                100 * phaseShare[phase], phaseShare.length > 1 ? " of its month of the quarter" : "", age, cure, pooled,
                pooled > 0 ? cure / pooled : 1);
    }

    /** @return the shares as the assumptions state them */
    String assumption() {
        StringBuilder months = new StringBuilder();
        new TreeMap<>(shares).forEach((k, v) -> {
            if (!k.endsWith("|late")) {
                months.append(months.length() == 0 ? "" : ", ").append(k, 0, k.lastIndexOf('|'))
                        .append(String.format(Locale.ROOT, " %.0f%%", 100 * v[0]));
            }
        });
        String p = TimeToEvent.pValue(test[2]);
        return String.format(Locale.ROOT, "deals of each %s differ in the share that never closes (likelihood ratio %.1f on"
                + " %d degrees of freedom against one share for all, p %s < %s): a mixture cure model fitted by maximum"
                + " likelihood (each %s's share shrunk toward all deals' by %.0f deals, the time to close of deals that do"
                + " close shared) scales each open deal's chance by its own over the pooled hazards' (%s)", cohortName,
                test[0], (long) test[1], p, TEST_P, cohortName, PRIOR_DEALS, months);
    }
}
