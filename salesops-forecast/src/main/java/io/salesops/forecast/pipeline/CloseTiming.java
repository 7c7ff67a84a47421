package io.salesops.forecast.pipeline;

import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Snapshot;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * P(a deal closes inside the rest of the period | it wins), learned from history known on the as-of date.
 *
 * <p>Two sources, blended. The age model: the empirical distribution of days from creation to close of won
 * deals, conditioned on the deal's age: P = #{won deals with A < T and T in the window} / #{won deals with
 * T > A}, shrunk toward a "fresh deal" rate where few won deals lived that long. The slip model: replaying
 * the last few periods as of the same day of the period, how often an eventually-won deal in the same
 * close-date situation (close date in the window, later, already passed, none) closed inside that period.
 * The slip rate is shrunk toward the age model, so a situation never seen falls back to it.
 *
 * <p>The slip model replays only deals with stage history: without it, the close date a deal had on a past day
 * is unknown. Both sources only see deals won on or before the as-of date, so slow deals still open then are missing:
 * a known, mild optimism the backtest measures. Immutable once learned; thread-safe.
 */
final class CloseTiming {

    /** Close-date situations on the as-of day. */
    enum Situation {
        IN_WINDOW("close date in the period"),
        LATER("close date after the period"),
        PASSED("close date passed (slipped)"),
        NONE("no close date");

        final String text;

        Situation(String text) {
            this.text = text;
        }
    }

    /** Pseudo-count of the fresh-deal prior in the age model. */
    static final double AGE_PRIOR = 5;
    /** Pseudo-count of the age model as prior of the slip rates. */
    static final double SLIP_PRIOR = 10;

    record Estimate(double p, TimingSource source, String explanation) {
    }

    private final int[] wonDays;
    /** Per situation, the won deals replayed in it, and those of them that closed inside the replayed period. */
    final double[] slipN = new double[Situation.values().length];
    final double[] slipK = new double[Situation.values().length];
    private final int slipPeriods;

    /** A model of these sorted days to close of won deals over this many replayed periods; slip counts to be set. */
    CloseTiming(int[] wonDays, int slipPeriods) {
        this.wonDays = wonDays;
        this.slipPeriods = slipPeriods;
    }

    /**
     * Learns from the rows of {@code history} as known on {@code asOf}; replays the {@code lookback} periods before
     * {@code period} that ended on or before {@code asOf}, each row as it stood on the replayed day by the table's
     * {@link OpportunityTable#snapshot snapshot}, without an object per row. Returns null if no won deal is known.
     */
    static CloseTiming learn(OpportunityTable history, LocalDate asOf, Period period, int lookback) {
        int asOfDay = (int) asOf.toEpochDay();
        int won = (int) OpportunityStatus.WON.ordinal();
        int count = 0;
        int[] days = new int[history.size()];
        for (int r = 0; r < history.size(); r++) {
            if (history.status(r).ordinal() == won && history.closeDay(r) <= asOfDay) {
                days[count++] = history.closeDay(r) - history.createdDay(r);
            }
        }
        if (count == 0) {
            return null;
        }
        int[] sorted = Arrays.copyOf(days, count);
        Arrays.sort(sorted);
        long offset = ChronoUnit.DAYS.between(period.start(), asOf);
        int used = 0;
        double[] n = new double[Situation.values().length];
        double[] k = new double[Situation.values().length];
        Snapshot snap = new Snapshot();
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
            int snapshotDay = (int) snapshot.toEpochDay();
            int windowStart = (int) max(snapshot.plusDays(1), past.start()).toEpochDay();
            int windowEnd = (int) past.end().toEpochDay();
            for (int r = 0; r < history.size(); r++) {
                int close = history.closeDay(r);
                if (history.status(r).ordinal() != won || close > asOfDay || close <= snapshotDay
                        || history.createdDay(r) > snapshotDay || history.historyStart(r) == history.historyEnd(r)) {
                    // without history the close date the deal had on the snapshot day is unknown: its final
                    // close date would be hindsight, and "no close date" a situation it was never in
                    continue;
                }
                history.snapshot(r, snapshotDay, snap);
                Situation s = situation(snap.closeDay(), snapshotDay, windowEnd);
                n[s.ordinal()]++;
                if (close >= windowStart && close <= windowEnd) {
                    k[s.ordinal()]++;
                }
            }
        }
        CloseTiming t = new CloseTiming(sorted, used);
        System.arraycopy(n, 0, t.slipN, 0, n.length);
        System.arraycopy(k, 0, t.slipK, 0, k.length);
        return t;
    }

    static Situation situation(LocalDate closeDate, LocalDate asOf, LocalDate windowStart, LocalDate windowEnd) {
        return situation(closeDate == null ? OpportunityTable.NO_DATE : (int) closeDate.toEpochDay(),
                (int) asOf.toEpochDay(), (int) windowEnd.toEpochDay());
    }

    /** The same in epoch days, {@link OpportunityTable#NO_DATE} for no close date. */
    static Situation situation(int closeDay, int asOfDay, int windowEndDay) {
        if (closeDay == OpportunityTable.NO_DATE) {
            return Situation.NONE;
        }
        if (closeDay <= asOfDay) {
            return Situation.PASSED;
        }
        return closeDay > windowEndDay ? Situation.LATER : Situation.IN_WINDOW;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** @return the number of won deals the age model was learned from */
    int wonDeals() {
        return wonDays.length;
    }

    /**
     * The probability for a deal created on {@code created}, open at the end of {@code asOf}, with expected
     * close date {@code closeDate} (may be null), of closing in {@code [windowStart, windowEnd]} if it wins.
     */
    Estimate estimate(LocalDate created, LocalDate closeDate, LocalDate asOf, LocalDate windowStart, LocalDate windowEnd) {
        if (windowEnd.isBefore(windowStart)) {
            return new Estimate(0, TimingSource.LEARNED, "no days of the period left");
        }
        long age = ChronoUnit.DAYS.between(created, asOf);
        long lo = Math.max(ChronoUnit.DAYS.between(created, windowStart), age + 1);
        long hi = ChronoUnit.DAYS.between(created, windowEnd);
        double atRisk = countAtLeast(age + 1);
        double inWindow = lo > hi ? 0 : countAtLeast(lo) - countAtLeast(hi + 1);
        double fresh = lo > hi ? 0 : (countAtLeast(lo - age) - countAtLeast(hi - age + 1)) / (double) wonDays.length;
        double pAge = Shrinkage.shrink(inWindow, atRisk, fresh, AGE_PRIOR);
        Situation s = situation(closeDate, asOf, windowStart, windowEnd);
        double n = slipN[s.ordinal()];
        double k = slipK[s.ordinal()];
        double p = Shrinkage.shrink(k, n, pAge, SLIP_PRIOR);
        String why = String.format(Locale.ROOT,
                "age %dd: %d of %d won deals that old closed in the window (%.2f); %s: %d of %d in the last %d periods -> %.2f",
                age, (long) inWindow, (long) atRisk, pAge, s.text, (long) k, (long) n, slipPeriods, p);
        return new Estimate(p, TimingSource.LEARNED, why);
    }

    private int countAtLeast(long days) {
        // number of won deals with T >= days
        int lo = 0;
        int hi = wonDays.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (wonDays[mid] < days) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return wonDays.length - lo;
    }
}
