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
 * ("of the deals that were ever at S, the share that was won"), from each stage among the deals that stayed
 * in it longer than the deal at hand has so far (a stale deal is judged against deals that were as stale),
 * and optionally per segment (any {@link Opportunity#field(String)}), each level shrunk toward the one above
 * by {@link Shrinkage}. Immutable once learned; thread-safe.
 */
final class LearnedWinRates {

    /** Counts for one cell: each deal's stay, outcome and value; sorted by stay once learned. */
    private static final class Cell {
        private long[] stays = new long[8];
        private boolean[] wins = new boolean[8];
        private double[] values = new double[8];
        private int size;
        // suffix sums over deals sorted by stay: from index i on
        private double[] sufN;
        private double[] sufK;
        private double[] sufValue;
        private double[] sufWonValue;

        void add(long stay, boolean won, double amount) {
            if (size == stays.length) {
                stays = java.util.Arrays.copyOf(stays, size * 2);
                wins = java.util.Arrays.copyOf(wins, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            stays[size] = stay;
            wins[size] = won;
            values[size] = amount;
            size++;
        }

        void freeze() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(stays[a], stays[b]));
            long[] st = new long[size];
            sufN = new double[size + 1];
            sufK = new double[size + 1];
            sufValue = new double[size + 1];
            sufWonValue = new double[size + 1];
            for (int j = size - 1; j >= 0; j--) {
                int i = order[j];
                st[j] = stays[i];
                sufN[j] = sufN[j + 1] + 1;
                sufK[j] = sufK[j + 1] + (wins[i] ? 1 : 0);
                sufValue[j] = sufValue[j + 1] + values[i];
                sufWonValue[j] = sufWonValue[j + 1] + (wins[i] ? values[i] : 0);
            }
            stays = st;
            wins = null;
            values = null;
        }

        /** Index of the first deal that stayed more than {@code days} days. */
        int from(long days) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (stays[mid] <= days) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        double n(int from) {
            return sufN[from];
        }

        double k(int from) {
            return sufK[from];
        }

        /** Successes for the shrinkage: wins, or trials x value-weighted rate. */
        double successes(int from, boolean valueWeighted) {
            if (!valueWeighted) {
                return sufK[from];
            }
            return sufValue[from] > 0 ? sufN[from] * sufWonValue[from] / sufValue[from] : 0;
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
        byStage.values().forEach(Cell::freeze);
        bySeg.values().forEach(Cell::freeze);
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
        Map<String, Long> stays = new HashMap<>(8);
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
            // consecutive entries at the same stage (a new close date, say) are one stay
            int j = i + 1;
            while (j < h.size() && h.get(j).stage().equalsIgnoreCase(c.stage())) {
                j++;
            }
            LocalDate to = j < h.size() ? h.get(j).date() : end;
            long stay = Math.max(0, ChronoUnit.DAYS.between(from, to));
            stays.merge(key(c.stage()), stay, Math::max);
            i = j - 1;
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
     * (null if not segmenting): the stage's rate, then the rate among deals that stayed in the stage longer
     * than this deal has so far, then that rate within the segment, each shrunk toward the one before.
     * Thread-safe.
     */
    Estimate estimate(String stage, long daysInStage, String segment) {
        String cacheKey = stage + '\u0000' + daysInStage + '\u0000' + segment;
        Estimate e = cache.get(cacheKey);
        if (e == null) {
            e = compute(stage, daysInStage, segment);
            cache.put(cacheKey, e);
        }
        return e;
    }

    private Estimate compute(String stage, long days, String segment) {
        if (stage.equals(Opportunity.UNKNOWN_STAGE)) {
            return new Estimate(overall, ProbabilitySource.OVERALL, "stage unknown on the day: " + overallText);
        }
        String key = key(stage);
        Cell cell = byStage.get(key);
        if (cell == null) {
            return new Estimate(overall, ProbabilitySource.OVERALL, "no closed deal was ever at " + stage + ": " + overallText);
        }
        StringBuilder why = new StringBuilder();
        double p = Shrinkage.shrink(cell.successes(0, valueWeighted), cell.n(0), overall, m);
        why.append(String.format(Locale.ROOT, "%s: %d of %d won", stage, (long) cell.k(0), (long) cell.n(0)));
        int i = cell.from(days);
        p = Shrinkage.shrink(cell.successes(i, valueWeighted), cell.n(i), p, m);
        why.append(String.format(Locale.ROOT, "; of those more than %d days in stage: %d of %d", days, (long) cell.k(i), (long) cell.n(i)));
        if (segment != null) {
            Cell sc = byStageSegment.get(key + '\u0000' + segment);
            if (sc != null) {
                int j = sc.from(days);
                p = Shrinkage.shrink(sc.successes(j, valueWeighted), sc.n(j), p, m);
                why.append(String.format(Locale.ROOT, "; %s=%s: %d of %d", segmentField, segment, (long) sc.k(j), (long) sc.n(j)));
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
