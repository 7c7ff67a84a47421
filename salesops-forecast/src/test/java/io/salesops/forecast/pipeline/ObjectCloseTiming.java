package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link CloseTiming#learn} as it was over {@link Opportunity} objects before it moved onto the columnar table,
 * kept unchanged as the oracle the table's model must equal ({@code CloseTimingTableProperties}).
 */
final class ObjectCloseTiming {

    private ObjectCloseTiming() {
    }

    /**
     * Learns from {@code history} as known on {@code asOf}; replays the {@code lookback} periods before
     * {@code period} that ended on or before {@code asOf}. Returns null if no won deal is known.
     */
    static CloseTiming learn(List<Opportunity> history, LocalDate asOf, Period period, int lookback) {
        int count = 0;
        int[] days = new int[history.size()];
        for (Opportunity o : history) {
            if (o.isWon() && !o.closeDate().isAfter(asOf)) {
                days[count++] = (int) ChronoUnit.DAYS.between(o.createdDate(), o.closeDate());
            }
        }
        if (count == 0) {
            return null;
        }
        int[] sorted = Arrays.copyOf(days, count);
        Arrays.sort(sorted);
        long offset = ChronoUnit.DAYS.between(period.start(), asOf);
        int used = 0;
        CloseTiming t = null;
        double[] n = new double[CloseTiming.Situation.values().length];
        double[] k = new double[CloseTiming.Situation.values().length];
        for (int j = 1; used < lookback && j <= lookback + 4; j++) {
            Period past = period.plus(-j);
            if (past.end().isAfter(asOf)) {
                continue;
            }
            used++;
            LocalDate snapshot = past.start().plusDays(offset);
            if (!snapshot.isBefore(past.end())) {
                continue;
            }
            LocalDate windowStart = max(snapshot.plusDays(1), past.start());
            for (Opportunity o : history) {
                if (!o.isWon() || o.closeDate().isAfter(asOf) || !o.closeDate().isAfter(snapshot)
                        || o.createdDate().isAfter(snapshot) || o.history().isEmpty()) {
                    // without history the close date the deal had on the snapshot day is unknown: its final
                    // close date would be hindsight, and "no close date" a situation it was never in
                    continue;
                }
                Optional<Opportunity> snap = o.asOf(snapshot);
                if (snap.isEmpty()) {
                    continue;
                }
                CloseTiming.Situation s = CloseTiming.situation(snap.get().closeDate(), snapshot, windowStart, past.end());
                n[s.ordinal()]++;
                if (!o.closeDate().isBefore(windowStart) && !o.closeDate().isAfter(past.end())) {
                    k[s.ordinal()]++;
                }
            }
        }
        t = new CloseTiming(sorted, used);
        System.arraycopy(n, 0, t.slipN, 0, n.length);
        System.arraycopy(k, 0, t.slipK, 0, k.length);
        return t;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
