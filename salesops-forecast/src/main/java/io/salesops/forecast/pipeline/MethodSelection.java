package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@link PipelineMethod#AUTO} method: rolling-origin backtests over the data's own past periods, each as of
 * the same day of its period as the forecast, score each candidate by its absolute error per group; the forecast
 * is the best pipeline forecast (time-to-event or stage-weighted, each with bookings from deals not yet created)
 * blended with the best run rate (last period's bookings, the mean of the last periods', or the same period a
 * year before) by the one weight that would have erred least over all groups' backtests (from 0, the run rate
 * alone, to 1, the pipeline alone). A backtest uses only what was known on its as-of day: the pipeline runs are
 * the engine's own as of that day, the run rates sum bookings of periods that had ended by then.
 *
 * <p>When the stage model is inferred from the data (no stage model given and the built-in one does not know the
 * open deals' stages), stage-weighted is not a candidate: every inferred open stage carries the overall win rate,
 * so it is win rate x open pipeline, which counts every zombie deal at that rate. Its error grows as zombies pile
 * up, so backtests as of earlier days, when the data held fewer of them, would flatter it. Stateless.
 */
final class MethodSelection {

    /** Most past periods backtested. */
    static final int MAX_ORIGINS = 4;
    /** Most past periods averaged by the run rate. */
    static final int RUN_RATE_PERIODS = 4;

    /** Candidates 0..1 are pipeline forecasts, 2..4 run rates. */
    private static final String[] NAMES = {"time-to-event", "stage-weighted", "last period's bookings",
        "mean of the last periods' bookings", "the same period a year before"};
    private static final int PIPELINES = 2;

    private MethodSelection() {
    }

    /** What one as-of day knows per leaf group: each candidate's forecast (NaN: not available that day). */
    private static final class Inputs {
        final Map<String, double[]> values = new HashMap<>();
        final boolean[] known = new boolean[NAMES.length];

        double[] of(String g) {
            return values.computeIfAbsent(g, x -> new double[NAMES.length]);
        }
    }

    /** One group in one backtest: the actual and each candidate's forecast. */
    private record Trial(String group, double actual, double[] values, long[] range) {
    }

    /** The share of backtest actuals a P10-P90 range should hold. */
    static final double TARGET_COVERAGE = 0.8;

    static ForecastReport run(PipelineForecast f) {
        Context ctx = new Context(f);
        List<Period> origins = ctx.origins();
        int k = NAMES.length;
        boolean[] usable = new boolean[k];
        java.util.Arrays.fill(usable, true);
        usable[1] = ctx.stageWeighted;
        List<Trial> trials = new ArrayList<>();
        for (Period p : origins) {
            Inputs in = ctx.inputs(ctx.sameDay(p), p);
            Map<String, long[]> ranges = f.simulations > 0 ? ctx.ranges(ctx.sameDay(p), p) : Map.of();
            Map<String, Long> actual = ctx.bookings(p);
            Set<String> groups = new HashSet<>(actual.keySet());
            groups.addAll(in.values.keySet());
            for (int c = 0; c < k; c++) {
                usable[c] &= in.known[c];
            }
            for (String g : groups) {
                trials.add(new Trial(g, actual.getOrDefault(g, 0L), in.of(g).clone(), ranges.get(g)));
            }
        }
        Inputs now = ctx.inputs(f.asOf, f.period);
        return choose(f, ctx, origins, trials, usable, now);
    }

    /** Why stage-weighted was no candidate, as the assumptions say it. */
    static final String STAGE_WEIGHTED_LEFT_OUT = "method auto: stage-weighted was not a candidate, since the stages were"
            + " inferred from the data and each open stage has the overall win rate (win rate x open pipeline, zombie"
            + " deals included); give a stage model with your stages' probabilities (--stages) to make it one";

    private static ForecastReport choose(PipelineForecast f, Context ctx, List<Period> origins, List<Trial> trials,
                                         boolean[] usable, Inputs now) {
        int k = NAMES.length;
        double[] err = new double[k];
        double total = 0;
        for (Trial t : trials) {
            total += t.actual();
            for (int c = 0; c < k; c++) {
                err[c] += usable[c] ? Math.abs(t.values()[c] - t.actual()) : 0;
            }
        }
        int pipe = -1;
        int rate = -1;
        int single = -1;
        for (int c = 0; c < k && total > 0; c++) {
            if (!usable[c] || !now.known[c]) {
                continue;
            }
            if (c < PIPELINES && (pipe < 0 || err[c] < err[pipe])) {
                pipe = c;
            }
            if (c >= PIPELINES && (rate < 0 || err[c] < err[rate])) {
                rate = c;
            }
            if (single < 0 || err[c] < err[single]) {
                single = c;
            }
        }
        if (pipe < 0) {
            return ctx.finalReport(0).withNote("method auto: time-to-event alone, since the data before " + f.asOf
                    + " hold no past " + f.period.kind().toString().toLowerCase(Locale.ROOT)
                    + " with bookings and a complete one before it to backtest");
        }
        if (rate < 0) {
            return ctx.finalReport(pipe).withNote(String.format(Locale.ROOT, "method auto: %s alone (per-group WAPE %.1f%%"
                    + " backtested as of day %d of %s), since no run rate of past bookings is known on %s", NAMES[pipe],
                    100 * err[pipe] / total, ctx.offset + 1, origins, f.asOf));
        }
        double[] pipeValues = new double[trials.size()];
        double[] rateValues = new double[trials.size()];
        double[] actuals = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            pipeValues[i] = trials.get(i).values()[pipe];
            rateValues[i] = trials.get(i).values()[rate];
            actuals[i] = trials.get(i).actual();
        }
        double w = weight(pipeValues, rateValues, actuals);
        double blendErr = blendError(w, pipeValues, rateValues, actuals);
        ForecastReport report = ctx.finalReport(pipe);
        Map<String, Long> blend = new HashMap<>();
        for (Map.Entry<String, double[]> e : now.values.entrySet()) {
            double[] v = e.getValue();
            blend.put(e.getKey(), Math.round((1 - w) * (v[rate] - v[pipe])));
        }
        String note = String.format(Locale.ROOT, "method auto: backtested as of day %d of %s; chose %.2f x %s + %.2f x %s,"
                + " the weights with the least backtest error summed over groups (per-group WAPE %.1f%%); runner-up %s"
                + " alone (%.1f%%)", ctx.offset + 1, origins, w, NAMES[pipe], 1 - w, NAMES[rate], 100 * blendErr / total,
                NAMES[single], 100 * err[single] / total);
        ForecastReport out = report.withRunRateBlend(blend).withNote(note);
        return f.simulations > 0 && pipe == 0 ? calibrate(out, trials, w, pipe, rate) : out;
    }

    /**
     * Measures how often the backtests' P10-P90 ranges (the pipeline method's simulation, moved by the blend
     * like the forecast) held the actual, and widens the forecast's ranges around P50 by the smallest factor
     * that would have held {@link #TARGET_COVERAGE} of them when they held fewer.
     */
    private static ForecastReport calibrate(ForecastReport report, List<Trial> trials, double w, int pipe, int rate) {
        List<double[]> rows = new ArrayList<>(); // actual, low, mid, high
        for (Trial t : trials) {
            if (t.range() == null) {
                continue;
            }
            double shift = (1 - w) * (t.values()[rate] - t.values()[pipe]);
            rows.add(new double[] {t.actual(), t.range()[0] + shift, t.range()[1] + shift, t.range()[2] + shift});
        }
        if (rows.isEmpty()) {
            return report;
        }
        double held = coverage(rows, 1);
        double k = 1;
        while (coverage(rows, k) < TARGET_COVERAGE && k < 5) {
            k = Math.round((k + 0.1) * 10) / 10.0;
        }
        String note = String.format(Locale.ROOT, "P10-P90 ranges held %.0f%% of %d backtest actuals", 100 * held, rows.size());
        if (k == 1) {
            return report.withNote(note + ", at least the " + Math.round(100 * TARGET_COVERAGE) + "% they should");
        }
        return report.withWidenedRange(k).withNote(String.format(Locale.ROOT, "%s, fewer than the %d%% they should:"
                + " widened %.1f times around P50, which would have held %.0f%%", note, Math.round(100 * TARGET_COVERAGE), k,
                100 * coverage(rows, k)));
    }

    private static double coverage(List<double[]> rows, double k) {
        int in = 0;
        for (double[] r : rows) {
            double lo = r[2] - k * (r[2] - r[1]);
            double hi = r[2] + k * (r[3] - r[2]);
            in += r[0] >= lo - 0.5 && r[0] <= hi + 0.5 ? 1 : 0;
        }
        return in / (double) rows.size();
    }

    /** Steps of the blend's weight: 0, 1/20, ..., 1. */
    static final int WEIGHT_STEPS = 20;

    /**
     * The pipeline's weight {@code w} in {@code w x pipeline + (1 - w) x run rate}: of 0, 0.05, ..., 1, the one
     * whose absolute errors over all backtest trials (every group in every backtest) sum least, ties to the
     * smaller weight. One weight for all groups: with one to four backtest periods a group's own errors are too
     * few to weigh by, while pooled over groups they are many (on the development exports per-group weights,
     * even shrunk toward all groups', scored worse).
     */
    static double weight(double[] pipeline, double[] runRate, double[] actual) {
        double best = Double.POSITIVE_INFINITY;
        double bestW = 1;
        for (int i = 0; i <= WEIGHT_STEPS; i++) {
            double w = i / (double) WEIGHT_STEPS;
            double e = blendError(w, pipeline, runRate, actual);
            if (e < best) {
                best = e;
                bestW = w;
            }
        }
        return bestW;
    }

    private static double blendError(double w, double[] pipeline, double[] runRate, double[] actual) {
        double e = 0;
        for (int i = 0; i < actual.length; i++) {
            e += Math.abs(w * pipeline[i] + (1 - w) * runRate[i] - actual[i]);
        }
        return e;
    }

    /** The runs a selection needs, on one forecast's settings. */
    private static final class Context {
        final PipelineForecast f;
        final LocalDate firstDay;
        final long offset;
        /** False when the stage model is inferred from the data: stage-weighted is then no candidate. */
        final boolean stageWeighted;
        final Map<Period, Map<String, Long>> bookings = new HashMap<>();

        Context(PipelineForecast f) {
            this.f = f;
            List<Opportunity> h = f.history != null ? f.history : f.opportunityList();
            this.firstDay = DataStart.closesFrom(h, f.asOf);
            this.offset = ChronoUnit.DAYS.between(f.period.start(), f.asOf);
            this.stageWeighted = f.stagesGiven || StageInference.apply(f) == f;
        }

        LocalDate sameDay(Period p) {
            LocalDate d = p.start().plusDays(offset);
            return d.isAfter(p.end()) ? p.end() : d;
        }

        /**
         * True if a period lies wholly inside the data (from its first deal, or from its first close when closes
         * were recorded only from then, see {@link DataStart}) and had ended by the as-of day.
         */
        boolean observed(Period p) {
            return !p.start().isBefore(firstDay) && !p.end().isAfter(f.asOf);
        }

        /** Past periods to backtest, oldest first: observed, with an observed period before them. */
        List<Period> origins() {
            List<Period> out = new ArrayList<>();
            for (int j = 1; j <= MAX_ORIGINS + 8 && out.size() < MAX_ORIGINS; j++) {
                Period p = f.period.plus(-j);
                if (observed(p) && observed(p.previous())) {
                    out.add(0, p);
                }
            }
            return out;
        }

        /** Won bookings per leaf group in a past period. */
        Map<String, Long> bookings(Period p) {
            return bookings.computeIfAbsent(p, x -> closedByLeaf(engine(PipelineRun.actuals(f, x))));
        }

        /** The forecast with all its settings (simulation, quotas, adjustments) by one pipeline method. */
        ForecastReport finalReport(int pipeline) {
            PipelineForecast cfg = PipelineRun.withStageModel(PipelineRun.withMethod(f, method(pipeline)));
            return new ForecastEngine(stageWeighted ? cfg : PipelineRun.withNote(cfg, STAGE_WEIGHTED_LEFT_OUT)).run();
        }

        private static PipelineMethod method(int pipeline) {
            return pipeline == 0 ? PipelineMethod.TIME_TO_EVENT : PipelineMethod.STAGE_WEIGHTED;
        }

        /** Per leaf group, the best pipeline method's simulated {P10, P50, P90} as of {@code day} for {@code p}. */
        Map<String, long[]> ranges(LocalDate day, Period p) {
            PipelineForecast cfg = PipelineRun.backtestWithRange(f, day, p, PipelineMethod.TIME_TO_EVENT,
                    Math.min(f.simulations, 2000), f.seed);
            Map<String, long[]> out = new HashMap<>();
            for (ForecastNode n : leafNodes(engine(cfg).root(), new ArrayList<>())) {
                out.put(n.group(), new long[] {n.p10().orElseThrow().minorUnits(), n.p50().orElseThrow().minorUnits(),
                    n.p90().orElseThrow().minorUnits()});
            }
            return out;
        }

        /** Every candidate's forecast per leaf group as known at the end of {@code day}, for period {@code p}. */
        Inputs inputs(LocalDate day, Period p) {
            Inputs in = new Inputs();
            Map<String, Long> closed = new HashMap<>();
            for (int m = 0; m < PIPELINES; m++) {
                if (m == 1 && !stageWeighted) {
                    continue; // not a candidate: no run
                }
                ForecastReport r = engine(PipelineRun.backtest(f, day, p, method(m)));
                for (ForecastNode n : leafNodes(r.root(), new ArrayList<>())) {
                    in.of(n.group())[m] = n.expected().minorUnits();
                    closed.put(n.group(), n.closed().minorUnits());
                }
                in.known[m] = true;
            }
            double remaining = Math.max(0, ChronoUnit.DAYS.between(day, p.end()))
                    / (double) (ChronoUnit.DAYS.between(p.start(), p.end()) + 1);
            List<Map<String, Long>> previous = new ArrayList<>();
            for (int j = 1; j <= RUN_RATE_PERIODS; j++) {
                Period q = p.plus(-j);
                if (!observed(q) || q.end().isAfter(day)) {
                    break;
                }
                previous.add(bookings(q));
            }
            Period yearBefore = p.plus(-12 / p.kind().months());
            Map<String, Long> seasonal = observed(yearBefore) && !yearBefore.end().isAfter(day) ? bookings(yearBefore) : null;
            in.known[PIPELINES] = !previous.isEmpty();
            in.known[PIPELINES + 1] = !previous.isEmpty();
            in.known[PIPELINES + 2] = seasonal != null;
            Set<String> groups = new HashSet<>(in.values.keySet());
            previous.forEach(m -> groups.addAll(m.keySet()));
            for (String g : groups) {
                double[] v = in.of(g);
                double c = closed.getOrDefault(g, 0L);
                if (!closed.containsKey(g)) {
                    v[0] = c; // no deal of the group existed on the day: nothing in the pipeline
                    v[1] = c;
                }
                double sum = 0;
                for (Map<String, Long> m : previous) {
                    sum += m.getOrDefault(g, 0L);
                }
                v[PIPELINES] = previous.isEmpty() ? Double.NaN : c + remaining * previous.get(0).getOrDefault(g, 0L);
                v[PIPELINES + 1] = previous.isEmpty() ? Double.NaN : c + remaining * sum / previous.size();
                v[PIPELINES + 2] = seasonal == null ? Double.NaN : c + remaining * seasonal.getOrDefault(g, 0L);
            }
            return in;
        }

        private static ForecastReport engine(PipelineForecast cfg) {
            return new ForecastEngine(PipelineRun.withStageModel(cfg)).run();
        }

        private static Map<String, Long> closedByLeaf(ForecastReport r) {
            Map<String, Long> out = new HashMap<>();
            for (ForecastNode n : leafNodes(r.root(), new ArrayList<>())) {
                out.put(n.group(), n.closed().minorUnits());
            }
            return out;
        }

        private static List<ForecastNode> leafNodes(ForecastNode n, List<ForecastNode> out) {
            if (n.children().isEmpty()) {
                out.add(n);
            }
            for (ForecastNode c : n.children()) {
                leafNodes(c, out);
            }
            return out;
        }
    }
}
