package io.salesops.forecast.kpi;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The {@link KpiDetail} over {@link Opportunity} objects before KPIs moved onto the table: the oracle of {@link ObjectKpis}. */
final class ObjectKpiTables {

    private ObjectKpiTables() {
    }

    static KpiDetail of(String group, List<Opportunity> deals, List<Period> periods, StageModel stages,
                        List<Money> bookings, Currency currency) {
        return new KpiDetail(group, stageDurations(deals, periods, stages), cohorts(deals, periods, currency),
                consistency(deals, periods, bookings), funnel(deals, periods, stages));
    }

    static List<StageEntries> funnel(List<Opportunity> deals, List<Period> periods, StageModel stages) {
        LocalDate start = periods.get(0).start();
        LocalDate end = periods.get(periods.size() - 1).end();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Opportunity o : deals) {
            List<StageChange> h = o.history();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < h.size(); i++) {
                StageChange c = h.get(i);
                boolean entry = i == 0 || !c.stage().equalsIgnoreCase(h.get(i - 1).stage());
                if (!entry || c.date().isBefore(start) || c.date().isAfter(end)) {
                    continue;
                }
                String key = c.stage().toLowerCase(Locale.ROOT);
                int p = periodIndex(periods, c.date());
                if (seen.add(key + '\u0000' + p)) {
                    names.putIfAbsent(key, c.stage());
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

    /** Index of the window period holding {@code date}; the date must lie inside the window. */
    static int periodIndex(List<Period> periods, LocalDate date) {
        int i = 0;
        while (i < periods.size() - 1 && periods.get(i).end().isBefore(date)) {
            i++;
        }
        return i;
    }

    static List<StageDuration> stageDurations(List<Opportunity> deals, List<Period> periods, StageModel stages) {
        LocalDate start = periods.get(0).start();
        LocalDate end = periods.get(periods.size() - 1).end();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, long[]> stays = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Opportunity o : deals) {
            List<StageChange> h = o.history();
            int runStart = 0;
            for (int i = 1; i <= h.size(); i++) {
                if (i < h.size() && h.get(i).stage().equalsIgnoreCase(h.get(runStart).stage())) {
                    continue;   // same stage again (an amount or date change): the stay goes on
                }
                if (i == h.size()) {
                    break;      // the last stage is still running or terminal: no finished stay
                }
                LocalDate left = h.get(i).date();
                String stage = h.get(runStart).stage();
                boolean closedStage = stages.find(stage).map(Stage::isClosed).orElse(false);
                if (!closedStage && !left.isBefore(start) && !left.isAfter(end)) {
                    String key = stage.toLowerCase(Locale.ROOT);
                    names.putIfAbsent(key, stage);
                    int n = counts.getOrDefault(key, 0);
                    long[] a = stays.getOrDefault(key, new long[4]);
                    a = n == a.length ? Arrays.copyOf(a, n * 2) : a;
                    a[n] = ChronoUnit.DAYS.between(h.get(runStart).date(), left);
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

    static List<CohortWinRate> cohorts(List<Opportunity> deals, List<Period> periods, Currency currency) {
        LocalDate start = periods.get(0).start();
        LocalDate end = periods.get(periods.size() - 1).end();
        int k = periods.size();
        long[] created = new long[k];
        long[] won = new long[k];
        long[] lost = new long[k];
        long[] wonAmount = new long[k];
        long[] lostAmount = new long[k];
        for (Opportunity o : deals) {
            LocalDate c = o.createdDate();
            if (c.isBefore(start) || c.isAfter(end)) {
                continue;
            }
            int i = periodIndex(periods, c);
            created[i]++;
            boolean closedByEnd = o.status().isClosed() && !o.closeDate().isAfter(end);
            if (closedByEnd && o.isWon()) {
                won[i]++;
                wonAmount[i] = Math.addExact(wonAmount[i], o.amount().minorUnits());
            } else if (closedByEnd) {
                lost[i]++;
                lostAmount[i] = Math.addExact(lostAmount[i], o.amount().minorUnits());
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

    static BookingsConsistency consistency(List<Opportunity> deals, List<Period> periods, List<Money> bookings) {
        LocalDate start = periods.get(0).start();
        LocalDate end = periods.get(periods.size() - 1).end();
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (Opportunity o : deals) {
            if (o.createdDate().isAfter(end)) {
                continue;
            }
            LocalDate from = o.createdDate().isBefore(start) ? start : o.createdDate();
            LocalDate to = o.status().isClosed() && !o.closeDate().isAfter(end) ? o.closeDate() : from;
            if (to.isBefore(start)) {
                continue;   // created and closed before the window: says nothing about activity in it
            }
            first = Math.min(first, periodIndex(periods, from));
            last = Math.max(last, periodIndex(periods, to));
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
