package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Win rates learned from deals closed on or before the as-of date: the overall rate, the rate from each stage
 * ("of the deals that were ever at S, the share that was won"), from each stage after at least 30/90/180 days
 * in it, and optionally per segment (any {@link Opportunity#field(String)}), each level shrunk toward the one
 * above by {@link Shrinkage}. Immutable once learned.
 */
final class LearnedWinRates {

    /** Minimum days in stage for the age levels; 0 is the stage level itself. */
    static final int[] AGE_THRESHOLDS = {0, 30, 90, 180};

    /** Counts for one cell: per age threshold, trials, wins, total value and won value. */
    private static final class Cell {
        final double[] n = new double[AGE_THRESHOLDS.length];
        final double[] k = new double[AGE_THRESHOLDS.length];
        final double[] value = new double[AGE_THRESHOLDS.length];
        final double[] wonValue = new double[AGE_THRESHOLDS.length];

        void add(long stay, boolean won, double amount) {
            for (int t = 0; t < AGE_THRESHOLDS.length; t++) {
                if (stay >= AGE_THRESHOLDS[t]) {
                    n[t]++;
                    value[t] += amount;
                    if (won) {
                        k[t]++;
                        wonValue[t] += amount;
                    }
                }
            }
        }

        /** Successes for the shrinkage: wins, or trials x value-weighted rate. */
        double successes(int t, boolean valueWeighted) {
            if (!valueWeighted) {
                return k[t];
            }
            return value[t] > 0 ? n[t] * wonValue[t] / value[t] : 0;
        }
    }

    /** A learned probability and how it was reached. */
    record Estimate(double p, ProbabilitySource source, String explanation) {
    }

    private final double closedDeals;
    private final double overall;
    private final String overallText;
    private final Map<String, Cell> byStage;
    private final Map<String, Cell> byStageSegment;
    private final String segmentField;
    private final boolean valueWeighted;
    private final double m;
    private final Map<String, Estimate> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private LearnedWinRates(double closedDeals, double overall, String overallText, Map<String, Cell> byStage,
                            Map<String, Cell> byStageSegment, String segmentField, boolean valueWeighted, double m) {
        this.closedDeals = closedDeals;
        this.overall = overall;
        this.overallText = overallText;
        this.byStage = byStage;
        this.byStageSegment = byStageSegment;
        this.segmentField = segmentField;
        this.valueWeighted = valueWeighted;
        this.m = m;
    }

    /**
     * Learns from the deals in {@code history} that closed on or before {@code asOf}.
     *
     * @param segmentField a field to segment by, or null
     */
    static LearnedWinRates learn(List<Opportunity> history, LocalDate asOf, StageModel model, String segmentField,
                                 boolean valueWeighted, double m) {
        Map<String, Cell> byStage = new HashMap<>();
        Map<String, Cell> bySeg = new HashMap<>();
        double n = 0;
        double k = 0;
        double value = 0;
        double wonValue = 0;
        for (Opportunity o : history) {
            if (!o.status().isClosed() || o.closeDate().isAfter(asOf)) {
                continue;
            }
            boolean won = o.isWon();
            double amount = o.amount().minorUnits();
            n++;
            value += amount;
            if (won) {
                k++;
                wonValue += amount;
            }
            Map<String, Long> stays = stays(o, model);
            String seg = segmentField == null ? null : o.field(segmentField).orElse("");
            for (Map.Entry<String, Long> e : stays.entrySet()) {
                byStage.computeIfAbsent(e.getKey(), x -> new Cell()).add(e.getValue(), won, amount);
                if (seg != null) {
                    bySeg.computeIfAbsent(e.getKey() + '\u0000' + seg, x -> new Cell()).add(e.getValue(), won, amount);
                }
            }
        }
        double overall = n == 0 ? Double.NaN : valueWeighted ? (value > 0 ? wonValue / value : 0) : k / n;
        String text = valueWeighted
                ? String.format(Locale.ROOT, "overall %.1f%% of value won over %d closed deals", 100 * overall, (long) n)
                : String.format(Locale.ROOT, "overall %d of %d closed deals won", (long) k, (long) n);
        return new LearnedWinRates(n, overall, text, byStage, bySeg, segmentField, valueWeighted, m);
    }

    /**
     * The longest stay in each open stage the deal passed through, keyed by lower-case stage name. A deal
     * without history counts at its recorded stage if that is an open one (a CRM export of lost deals at the
     * stage they were lost in).
     */
    static Map<String, Long> stays(Opportunity o, StageModel model) {
        Map<String, Long> stays = new HashMap<>();
        List<StageChange> h = o.history();
        LocalDate end = o.closeDate() != null ? o.closeDate() : o.createdDate();
        if (h.isEmpty()) {
            if (isOpenStage(o.stage(), model)) {
                stays.put(key(o.stage()), ChronoUnit.DAYS.between(o.createdDate(), end));
            }
            return stays;
        }
        for (int i = 0; i < h.size(); i++) {
            StageChange c = h.get(i);
            if (!isOpenStage(c.stage(), model)) {
                continue;
            }
            LocalDate from = i == 0 ? o.createdDate() : c.date();
            LocalDate to = i + 1 < h.size() ? h.get(i + 1).date() : end;
            long stay = Math.max(0, ChronoUnit.DAYS.between(from, to));
            stays.merge(key(c.stage()), stay, Math::max);
        }
        return stays;
    }

    private static boolean isOpenStage(String stage, StageModel model) {
        if (stage.equals(Opportunity.UNKNOWN_STAGE)) {
            return false;
        }
        Optional<Stage> s = model.find(stage);
        return s.isEmpty() || !s.get().isClosed();
    }

    static String key(String stage) {
        return stage.strip().toLowerCase(Locale.ROOT);
    }

    /** @return true if any closed deal was seen */
    boolean hasData() {
        return closedDeals > 0;
    }

    /** @return the overall win rate, NaN without data */
    double overall() {
        return overall;
    }

    /** @return how the overall rate was reached */
    String overallText() {
        return overallText;
    }

    /**
     * The learned probability for a deal at {@code stage} for {@code daysInStage} days in {@code segment}
     * (null if not segmenting). Thread-safe.
     */
    Estimate estimate(String stage, long daysInStage, String segment) {
        int t = 0;
        for (int i = AGE_THRESHOLDS.length - 1; i > 0; i--) {
            if (daysInStage >= AGE_THRESHOLDS[i]) {
                t = i;
                break;
            }
        }
        String cacheKey = stage + '\u0000' + t + '\u0000' + segment;
        Estimate e = cache.get(cacheKey);
        if (e == null) {
            e = compute(stage, t, segment);
            cache.put(cacheKey, e);
        }
        return e;
    }

    private Estimate compute(String stage, int t, String segment) {
        if (stage.equals(Opportunity.UNKNOWN_STAGE)) {
            return new Estimate(overall, ProbabilitySource.OVERALL, "stage unknown on the day: " + overallText);
        }
        String key = key(stage);
        Cell cell = byStage.get(key);
        StringBuilder why = new StringBuilder();
        double p = overall;
        if (cell == null) {
            return new Estimate(overall, ProbabilitySource.OVERALL, "no closed deal was ever at " + stage + ": " + overallText);
        }
        p = Shrinkage.shrink(cell.successes(0, valueWeighted), cell.n[0], p, m);
        why.append(String.format(Locale.ROOT, "%s: %d of %d won", stage, (long) cell.k[0], (long) cell.n[0]));
        for (int i = 1; i <= t; i++) {
            p = Shrinkage.shrink(cell.successes(i, valueWeighted), cell.n[i], p, m);
        }
        if (t > 0) {
            why.append(String.format(Locale.ROOT, "; %d+ days in stage: %d of %d", AGE_THRESHOLDS[t], (long) cell.k[t], (long) cell.n[t]));
        }
        if (segment != null) {
            Cell sc = byStageSegment.get(key + '\u0000' + segment);
            if (sc != null) {
                p = Shrinkage.shrink(sc.successes(t, valueWeighted), sc.n[t], p, m);
                why.append(String.format(Locale.ROOT, "; %s=%s: %d of %d", segmentField, segment, (long) sc.k[t], (long) sc.n[t]));
            } else {
                why.append("; ").append(segmentField).append('=').append(segment).append(": no history");
            }
        }
        why.append(String.format(Locale.ROOT, "; %s; prior strength %s -> %.1f%%", overallText, fmt(m), 100 * p));
        return new Estimate(p, ProbabilitySource.LEARNED, "learned " + why);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
