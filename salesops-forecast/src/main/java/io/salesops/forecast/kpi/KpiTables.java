package io.salesops.forecast.kpi;

import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/** Computes the {@link KpiDetail} of one group's rows of a table over a window. Stateless. */
final class KpiTables {

    private KpiTables() {
    }

    static KpiDetail of(String group, RowList deals, KpiWindow w, List<Money> bookings, Currency currency) {
        return new KpiDetail(group, stageDurations(deals, w), cohorts(deals, w, currency),
                consistency(deals, w, bookings), funnel(deals, w));
    }

    static List<StageEntries> funnel(RowList deals, KpiWindow w) {
        OpportunityTable t = w.table;
        List<Period> periods = w.periods;
        StageModel stages = w.stages;
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int d = 0; d < deals.size(); d++) {
            int r = deals.get(d);
            int start = t.historyStart(r);
            int end = t.historyEnd(r);
            seen.clear();
            for (int i = start; i < end; i++) {
                int stage = t.historyStageCode(i);
                boolean entry = i == start || !w.sameStage(stage, t.historyStageCode(i - 1));
                int day = t.historyDay(i);
                if (!entry || day < w.startDay || day > w.endDay) {
                    continue;
                }
                String key = w.lowerName[stage];
                int p = w.periodIndex(day);
                if (seen.add(key + '\u0000' + p)) {
                    names.putIfAbsent(key, w.stageName(stage));
                    counts.computeIfAbsent(key, k -> new long[periods.size()])[p]++;
                }
            }
        }
        List<Stage> open = stages.openStages();
        List<StageEntries> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new StageEntries(names.get(k), Arrays.stream(v).boxed().toList())));
        out.sort(Comparator.comparingInt((StageEntries e) -> funnelOrder(stages, open, e.stage()))
                .thenComparing(e -> e.stage().toLowerCase(Locale.ROOT)));
        return out;
    }

    /** Open stages in model order, then stages the model does not know, then the closed stages last. */
    private static int funnelOrder(StageModel stages, List<Stage> open, String stage) {
        int i = order(open, stage);
        if (i != Integer.MAX_VALUE) {
            return i;
        }
        return stages.find(stage).map(Stage::isClosed).orElse(false) ? Integer.MAX_VALUE : Integer.MAX_VALUE - 1;
    }

    static List<StageDuration> stageDurations(RowList deals, KpiWindow w) {
        OpportunityTable t = w.table;
        StageModel stages = w.stages;
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> stays = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int d = 0; d < deals.size(); d++) {
            int r = deals.get(d);
            int first = t.historyStart(r);
            int end = t.historyEnd(r);
            int runStart = first;
            for (int i = first + 1; i <= end; i++) {
                if (i < end && w.sameStage(t.historyStageCode(i), t.historyStageCode(runStart))) {
                    continue;   // same stage again (an amount or date change): the stay goes on
                }
                if (i == end) {
                    break;      // the last stage is still running or terminal: no finished stay
                }
                int left = t.historyDay(i);
                int stage = t.historyStageCode(runStart);
                if (!w.closedStage[stage] && left >= w.startDay && left <= w.endDay) {
                    String key = w.lowerName[stage];
                    names.putIfAbsent(key, w.stageName(stage));
                    int n = counts.getOrDefault(key, 0);
                    long[] a = stays.getOrDefault(key, new long[4]);
                    a = n == a.length ? Arrays.copyOf(a, n * 2) : a;
                    a[n] = (long) left - t.historyDay(runStart);
                    stays.put(key, a);
                    counts.put(key, n + 1);
                }
                runStart = i;
            }
        }
        List<StageDuration> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : stays.entrySet()) {
            int n = counts.get(e.getKey());
            long[] a = Arrays.copyOf(e.getValue(), n);
            Arrays.sort(a);
            double sum = 0;
            for (long v : a) {
                sum += v;
            }
            double median = n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2.0;
            out.add(new StageDuration(names.get(e.getKey()), n, median, sum / n));
        }
        List<Stage> open = stages.openStages();
        out.sort(Comparator.comparingInt((StageDuration d) -> order(open, d.stage()))
                .thenComparing(d -> d.stage().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static int order(List<Stage> open, String stage) {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).name().equalsIgnoreCase(stage)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    static List<CohortWinRate> cohorts(RowList deals, KpiWindow w, Currency currency) {
        OpportunityTable t = w.table;
        List<Period> periods = w.periods;
        int k = periods.size();
        long[] created = new long[k];
        long[] won = new long[k];
        long[] lost = new long[k];
        long[] wonAmount = new long[k];
        long[] lostAmount = new long[k];
        for (int d = 0; d < deals.size(); d++) {
            int r = deals.get(d);
            int c = t.createdDay(r);
            if (c < w.startDay || c > w.endDay) {
                continue;
            }
            int i = w.periodIndex(c);
            created[i]++;
            OpportunityStatus status = t.status(r);
            boolean closedByEnd = status.isClosed() && t.closeDay(r) <= w.endDay;
            if (closedByEnd && status == OpportunityStatus.WON) {
                won[i]++;
                wonAmount[i] = Math.addExact(wonAmount[i], t.amountMinor(r));
            } else if (closedByEnd) {
                lost[i]++;
                lostAmount[i] = Math.addExact(lostAmount[i], t.amountMinor(r));
            }
        }
        List<CohortWinRate> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long closedValue = Math.addExact(wonAmount[i], lostAmount[i]);
            out.add(new CohortWinRate(periods.get(i), created[i], won[i], lost[i], created[i] - won[i] - lost[i],
                    Money.ofMinor(wonAmount[i], currency), Money.ofMinor(lostAmount[i], currency),
                    won[i] + lost[i] == 0 ? OptionalDouble.empty() : OptionalDouble.of(won[i] / (double) (won[i] + lost[i])),
                    closedValue == 0 ? OptionalDouble.empty() : OptionalDouble.of(wonAmount[i] / (double) closedValue)));
        }
        return out;
    }

    static BookingsConsistency consistency(RowList deals, KpiWindow w, List<Money> bookings) {
        OpportunityTable t = w.table;
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int d = 0; d < deals.size(); d++) {
            int r = deals.get(d);
            int created = t.createdDay(r);
            if (created > w.endDay) {
                continue;
            }
            int from = Math.max(created, w.startDay);
            int to = t.status(r).isClosed() && t.closeDay(r) <= w.endDay ? t.closeDay(r) : from;
            if (to < w.startDay) {
                continue;   // created and closed before the window: says nothing about activity in it
            }
            first = Math.min(first, w.periodIndex(from));
            last = Math.max(last, w.periodIndex(to));
        }
        int n = last < 0 ? 0 : last - first + 1;
        if (n < 2) {
            return new BookingsConsistency(n, OptionalDouble.empty());
        }
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += bookings.get(i).minorUnits();
        }
        double mean = sum / n;
        if (mean == 0) {
            return new BookingsConsistency(n, OptionalDouble.empty());
        }
        double squares = 0;
        for (int i = first; i <= last; i++) {
            double d = bookings.get(i).minorUnits() - mean;
            squares += d * d;
        }
        return new BookingsConsistency(n, OptionalDouble.of(Math.sqrt(squares / n) / mean));
    }
}
