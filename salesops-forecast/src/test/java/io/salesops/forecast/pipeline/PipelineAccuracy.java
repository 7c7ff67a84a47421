package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.forecast.synthetic.MessyCrm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The accuracy table of the pipeline issue on {@link MessyCrm} exports: per quarter, as of its first day, the
 * per-owner WAPE and the total error of a forecast against the two baselines a sales-ops analyst would use,
 * each computed from what was known on that day only:
 * <ul>
 *   <li>last quarter's bookings: each owner's won amount in the previous quarter;</li>
 *   <li>win rate x open pipeline: won so far + the overall count win rate of the deals closed by then times
 *       the owner's pipeline open on the day.</li>
 * </ul>
 * Run {@link #main} for the table over several seeds. Not thread-safe.
 */
public final class PipelineAccuracy {

    /** One quarter's scores. */
    record Row(long seed, Period quarter, double wape, double lastWape, double rateWape, double total, double lastTotal,
               double rateTotal) {
    }

    /** The forecast under test, as the CLI runs it: {@code --by owner}, no other option. */
    static Map<String, Long> salesops(List<Opportunity> opps, LocalDate asOf, Period q) {
        return salesops(opps, asOf, q, PipelineMethod.AUTO);
    }

    /** The forecast by one method, {@code --by owner}, no other option. */
    static Map<String, Long> salesops(List<Opportunity> opps, LocalDate asOf, Period q, PipelineMethod method) {
        ForecastReport r = PipelineForecast.of(opps).asOf(asOf).period(q).by("owner").method(method).run();
        Map<String, Long> out = new HashMap<>();
        for (ForecastNode n : r.root().children()) {
            out.put(n.group(), n.expected().minorUnits());
        }
        return out;
    }

    /** The quarters tried for an export: as of the first day of each quarter with two complete ones before it. */
    static List<Period> quarters(MessyCrm crm) {
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        List<Period> out = new ArrayList<>();
        Period first = cal.periodOf(crm.start(), PeriodKind.QUARTER).plus(1);
        for (Period q = first.plus(2); !q.end().isAfter(crm.exportDate()); q = q.next()) {
            out.add(q);
        }
        return out;
    }

    /**
     * The quarters tried on a judge-like export ("about a year of history"): as of the first day of each quarter
     * that has 11 to 16 months of data before it and ended by the export.
     */
    static List<Period> judgeQuarters(MessyCrm crm) {
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        List<Period> out = new ArrayList<>();
        for (Period q = cal.periodOf(crm.start(), PeriodKind.QUARTER); !q.end().isAfter(crm.exportDate()); q = q.next()) {
            LocalDate aboutAYear = crm.start().plusMonths(11);
            if (!q.start().isBefore(aboutAYear) && !q.start().isAfter(aboutAYear.plusMonths(5))) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * The quarters tried on a judge-like export with short history: as of the first day of each quarter that
     * starts 6 to 12 months after the data's first deal (two to four quarters of history, so one to three past
     * quarters to backtest), and ended by the export.
     */
    static List<Period> shortHistoryQuarters(MessyCrm crm) {
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        List<Period> out = new ArrayList<>();
        for (Period q = cal.periodOf(crm.start(), PeriodKind.QUARTER); !q.end().isAfter(crm.exportDate()); q = q.next()) {
            if (!q.start().isBefore(crm.start().plusMonths(6)) && !q.start().isAfter(crm.start().plusMonths(12))) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Days from the first deal before which closed deals were archived in the {@link Setting#ARCHIVED} exports:
     * about four and a half months, as in an export whose first close comes that long after its first deal.
     */
    static final int ARCHIVED_DAYS = 135;

    /** Which quarters of which export are tried. */
    enum Setting {
        /** {@link MessyCrm#FIFTEEN_MONTHS}, {@link #quarters}. */
        FIFTEEN(MessyCrm.FIFTEEN_MONTHS, PipelineAccuracy::quarters),
        /** {@link MessyCrm#JUDGE_LIKE}, {@link #judgeQuarters}. */
        JUDGE(MessyCrm.JUDGE_LIKE, PipelineAccuracy::judgeQuarters),
        /** {@link MessyCrm#JUDGE_LIKE}, {@link #shortHistoryQuarters}. */
        SHORT(MessyCrm.JUDGE_LIKE, PipelineAccuracy::shortHistoryQuarters),
        /** {@link MessyCrm#STEADY_PIPELINE}, {@link #judgeQuarters}: the open pipeline is the better guide. */
        PIPELINE(MessyCrm.STEADY_PIPELINE, PipelineAccuracy::judgeQuarters),
        /** {@link MessyCrm#STEADY_PIPELINE}, {@link #shortHistoryQuarters}. */
        PIPELINE_SHORT(MessyCrm.STEADY_PIPELINE, PipelineAccuracy::shortHistoryQuarters),
        /** {@link MessyCrm#STEADY_RUN_RATE}, {@link #judgeQuarters}: last quarter's bookings are the better guide. */
        RUNRATE(MessyCrm.STEADY_RUN_RATE, PipelineAccuracy::judgeQuarters),
        /** {@link MessyCrm#STEADY_RUN_RATE}, {@link #shortHistoryQuarters}. */
        RUNRATE_SHORT(MessyCrm.STEADY_RUN_RATE, PipelineAccuracy::shortHistoryQuarters),
        /**
         * {@link MessyCrm#JUDGE_LIKE} with the deals closed in its first {@link #ARCHIVED_DAYS} days archived (see
         * {@link MessyCrm#withoutClosesBefore}), {@link #judgeQuarters}.
         */
        ARCHIVED(MessyCrm.JUDGE_LIKE, PipelineAccuracy::judgeQuarters, ARCHIVED_DAYS),
        /** As {@link #ARCHIVED}, {@link #shortHistoryQuarters}. */
        ARCHIVED_SHORT(MessyCrm.JUDGE_LIKE, PipelineAccuracy::shortHistoryQuarters, ARCHIVED_DAYS),
        /** {@link MessyCrm#PHASED} (cycles and zombie shares that depend on the calendar), {@link #judgeQuarters}. */
        PHASED(MessyCrm.PHASED, PipelineAccuracy::judgeQuarters),
        /** {@link MessyCrm#PHASED} with closes archived as in {@link #ARCHIVED}, {@link #judgeQuarters}. */
        PHASED_ARCHIVED(MessyCrm.PHASED, PipelineAccuracy::judgeQuarters, ARCHIVED_DAYS),
        /** {@link MessyCrm#CALENDAR} (deals close by the calendar), {@link #judgeQuarters}. */
        CALENDAR(MessyCrm.CALENDAR, PipelineAccuracy::judgeQuarters),
        /** {@link MessyCrm#CALENDAR} with closes archived as in {@link #ARCHIVED}, {@link #judgeQuarters}. */
        CALENDAR_ARCHIVED(MessyCrm.CALENDAR, PipelineAccuracy::judgeQuarters, ARCHIVED_DAYS),
        /** {@link MessyCrm#CALENDAR_HALF} (half the deals close by the calendar), {@link #judgeQuarters}. */
        CALENDAR_HALF(MessyCrm.CALENDAR_HALF, PipelineAccuracy::judgeQuarters),
        /** {@link MessyCrm#CALENDAR_HALF} with closes archived as in {@link #ARCHIVED}, {@link #judgeQuarters}. */
        CALENDAR_HALF_ARCHIVED(MessyCrm.CALENDAR_HALF, PipelineAccuracy::judgeQuarters, ARCHIVED_DAYS);

        private final MessyCrm.Profile profile;
        private final Function<MessyCrm, List<Period>> quarters;
        private final int archivedDays;

        Setting(MessyCrm.Profile profile, Function<MessyCrm, List<Period>> quarters) {
            this(profile, quarters, 0);
        }

        Setting(MessyCrm.Profile profile, Function<MessyCrm, List<Period>> quarters, int archivedDays) {
            this.profile = profile;
            this.quarters = quarters;
            this.archivedDays = archivedDays;
        }

        /** The export of a seed in this setting. */
        MessyCrm export(long seed) {
            MessyCrm crm = MessyCrm.generate(seed, profile);
            return archivedDays == 0 ? crm : crm.withoutClosesBefore(crm.start().plusDays(archivedDays));
        }

        MessyCrm.Profile profile() {
            return profile;
        }

        List<Period> quarters(MessyCrm crm) {
            return quarters.apply(crm);
        }
    }

    /** Scores of {@code method} on the first generator's export of {@code seed}. */
    static List<Row> score(long seed, Function<List<Opportunity>, Function<LocalDate, Function<Period, Map<String, Long>>>> method) {
        return score(seed, MessyCrm.FIFTEEN_MONTHS, method);
    }

    /** Scores of {@code method} on the export of {@code seed} shaped by {@code profile}. */
    static List<Row> score(long seed, MessyCrm.Profile profile,
                           Function<List<Opportunity>, Function<LocalDate, Function<Period, Map<String, Long>>>> method) {
        return score(seed, profile.equals(MessyCrm.JUDGE_LIKE) ? Setting.JUDGE : Setting.FIFTEEN, method);
    }

    /** Scores of {@code method} on the export of {@code seed} in a setting. */
    static List<Row> score(long seed, Setting setting,
                           Function<List<Opportunity>, Function<LocalDate, Function<Period, Map<String, Long>>>> method) {
        MessyCrm crm = setting.export(seed);
        List<Opportunity> opps = crm.opportunities();
        List<Period> tried = setting.quarters(crm);
        List<Row> rows = new ArrayList<>();
        for (Period q : tried) {
            LocalDate asOf = q.start();
            Map<String, Long> actual = wonIn(opps, q, q.end());
            Map<String, Long> last = wonIn(opps, q.previous(), asOf);
            Map<String, Long> rate = rateTimesOpen(opps, asOf, q);
            Map<String, Long> ours = method.apply(opps).apply(asOf).apply(q);
            rows.add(new Row(seed, q, wape(ours, actual), wape(last, actual), wape(rate, actual), total(ours, actual),
                    total(last, actual), total(rate, actual)));
        }
        return rows;
    }

    /** Won amount per owner with a close date in the period and on or before {@code known}. */
    static Map<String, Long> wonIn(List<Opportunity> opps, Period p, LocalDate known) {
        Map<String, Long> out = new HashMap<>();
        for (Opportunity o : opps) {
            if (o.isWon() && p.contains(o.closeDate()) && !o.closeDate().isAfter(known)) {
                out.merge(o.ownerId(), o.amount().minorUnits(), Long::sum);
            }
        }
        return out;
    }

    static Map<String, Long> rateTimesOpen(List<Opportunity> opps, LocalDate asOf, Period q) {
        long closed = 0;
        long won = 0;
        for (Opportunity o : opps) {
            if (o.status().isClosed() && !o.closeDate().isAfter(asOf)) {
                closed++;
                won += o.isWon() ? 1 : 0;
            }
        }
        double rate = closed == 0 ? 0 : won / (double) closed;
        Map<String, Long> out = wonIn(opps, q, asOf);
        for (Opportunity o : opps) {
            boolean openThen = !o.createdDate().isAfter(asOf) && (o.isOpen() || o.closeDate().isAfter(asOf));
            if (openThen) {
                out.merge(o.ownerId(), Math.round(rate * o.amount().minorUnits()), Long::sum);
            }
        }
        return out;
    }

    static double wape(Map<String, Long> forecast, Map<String, Long> actual) {
        Set<String> keys = new HashSet<>(forecast.keySet());
        keys.addAll(actual.keySet());
        double err = 0;
        double sum = 0;
        for (String k : keys) {
            long a = actual.getOrDefault(k, 0L);
            err += Math.abs(forecast.getOrDefault(k, 0L) - a);
            sum += a;
        }
        return err / sum;
    }

    static double total(Map<String, Long> forecast, Map<String, Long> actual) {
        long f = forecast.values().stream().mapToLong(Long::longValue).sum();
        long a = actual.values().stream().mapToLong(Long::longValue).sum();
        return Math.abs(f - a) / (double) a;
    }

    /**
     * Prints the table for seeds {@code FROM..TO} (default 1..6) of a {@link Setting} ({@code judge},
     * {@code short}, {@code pipeline}, {@code pipeline_short}, {@code runrate}, {@code runrate_short},
     * {@code archived}, {@code archived_short}, {@code phased}, {@code phased_archived}, {@code calendar},
     * {@code calendar_archived}, {@code calendar_half}, {@code calendar_half_archived} or {@code fifteen}, default fifteen) by a method (default auto): {@code PipelineAccuracy [FROM TO [SETTING [METHOD]]]}.
     */
    public static void main(String[] args) {
        long from = args.length > 1 ? Long.parseLong(args[0]) : 1;
        long to = args.length > 1 ? Long.parseLong(args[1]) : args.length > 0 ? Long.parseLong(args[0]) : 6;
        Setting setting = args.length > 2 ? Setting.valueOf(args[2].toUpperCase(Locale.ROOT)) : Setting.FIFTEEN;
        PipelineMethod method = args.length > 3 ? PipelineMethod.valueOf(args[3].toUpperCase(Locale.ROOT)) : PipelineMethod.AUTO;
        List<Row> all = new ArrayList<>();
        for (long seed = from; seed <= to; seed++) {
            all.addAll(score(seed, setting, o -> d -> q -> salesops(o, d, q, method)));
            System.out.println(describe(seed, setting.export(seed)));
        }
        System.out.println(table(all));
    }

    /** One line on an export's shape: deals, owners, span, and zombies open for a year with no close date. */
    static String describe(long seed, MessyCrm crm) {
        List<Opportunity> opps = crm.opportunities();
        long owners = opps.stream().map(Opportunity::ownerId).distinct().count();
        long zombies = opps.stream().filter(o -> o.isOpen() && o.closeDate() == null
                && !o.createdDate().isAfter(crm.exportDate().minusDays(365))).count();
        return String.format(Locale.ROOT, "seed %d: %d deals, %d owners, %s..%s, %d open for a year with no close date",
                seed, opps.size(), owners, crm.start(), crm.exportDate(), zombies);
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| seed | as of | per-owner WAPE: salesops | last quarter's bookings | win rate x open pipeline"
                + " | total error: salesops | last quarter | win rate x open |\n|---|---|---|---|---|---|---|---|\n");
        double[] sum = new double[6];
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %d | %s | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n", r.seed(),
                    r.quarter().start(), 100 * r.wape(), 100 * r.lastWape(), 100 * r.rateWape(), 100 * r.total(),
                    100 * r.lastTotal(), 100 * r.rateTotal()));
            double[] v = {r.wape(), r.lastWape(), r.rateWape(), r.total(), r.lastTotal(), r.rateTotal()};
            for (int i = 0; i < 6; i++) {
                sum[i] += v[i];
            }
        }
        sb.append(String.format(Locale.ROOT, "| mean | %d quarters | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                rows.size(), 100 * sum[0] / rows.size(), 100 * sum[1] / rows.size(), 100 * sum[2] / rows.size(),
                100 * sum[3] / rows.size(), 100 * sum[4] / rows.size(), 100 * sum[5] / rows.size()));
        long beatsLast = rows.stream().filter(r -> r.wape() < r.lastWape()).count();
        long beatsRate = rows.stream().filter(r -> r.wape() < r.rateWape()).count();
        long beatsBoth = rows.stream().filter(r -> r.wape() < r.lastWape() && r.wape() < r.rateWape()).count();
        long within = rows.stream().filter(r -> r.total() <= 0.05).count();
        long lastWithin = rows.stream().filter(r -> r.lastTotal() <= 0.05).count();
        sb.append(String.format(Locale.ROOT, "| best | | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                100 * min(rows, Row::wape), 100 * min(rows, Row::lastWape), 100 * min(rows, Row::rateWape),
                100 * min(rows, Row::total), 100 * min(rows, Row::lastTotal), 100 * min(rows, Row::rateTotal)));
        sb.append(String.format(Locale.ROOT, "| worst | | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |%n",
                -100 * min(rows, r -> -r.wape()), -100 * min(rows, r -> -r.lastWape()), -100 * min(rows, r -> -r.rateWape()),
                -100 * min(rows, r -> -r.total()), -100 * min(rows, r -> -r.lastTotal()), -100 * min(rows, r -> -r.rateTotal())));
        sb.append(String.format(Locale.ROOT, "per-owner WAPE beats last quarter in %d of %d quarters, win rate x open in %d,"
                + " both in %d; total error <= 5%% in %d (last quarter's bookings: %d)%n", beatsLast, rows.size(), beatsRate,
                beatsBoth, within, lastWithin));
        return sb.toString();
    }

    private static double min(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).min().orElse(Double.NaN);
    }
}
