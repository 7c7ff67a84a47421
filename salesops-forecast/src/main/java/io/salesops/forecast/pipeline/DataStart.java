package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Where an export's record of closes begins, as known at the end of an as-of day. Some exports hold months of
 * deals created before their first close: closed deals were archived before a day, or the export was filtered
 * by close date. Before that day, wins and losses were not recorded, not absent: a past period's bookings are
 * complete only from then, and a deal created earlier is in the record because it was still open then.
 *
 * <p>A fresh record also starts with days of creation and no close, since no deal closes on its first day. The
 * two are told apart by the deals' own time to close: when at least {@link #EVIDENCE} deals were created longer
 * before the first close than half of the deals closed by the as-of day took to close, the record of closes starts
 * at that first close. In a fresh record each of those deals would more likely than not have closed sooner, so all
 * of them staying open has a chance below 2<sup>-{@value #EVIDENCE}</sup>. Otherwise it starts with the first deal.
 * Stateless.
 */
final class DataStart {

    private DataStart() {
    }

    /** The earliest creation date of {@code history}, or {@code orElse} when it is empty. */
    static LocalDate firstCreated(List<Opportunity> history, LocalDate orElse) {
        LocalDate first = null;
        for (Opportunity o : history) {
            if (first == null || o.createdDate().isBefore(first)) {
                first = o.createdDate();
            }
        }
        return first == null ? orElse : first;
    }

    /** Deals that must have waited longer than the median time to close before the first close. */
    static final int EVIDENCE = 10;

    /**
     * The first day whose closes the export records as known on {@code asOf}: its first close on or before
     * {@code asOf} when at least {@link #EVIDENCE} deals were created longer before it than the median days to close
     * of the deals closed by then, else the first deal's creation ({@code asOf} for an empty history).
     */
    static LocalDate closesFrom(List<Opportunity> history, LocalDate asOf) {
        LocalDate created = firstCreated(history, asOf);
        LocalDate close = null;
        int closed = 0;
        for (Opportunity o : history) {
            if (o.status().isClosed() && !o.closeDate().isAfter(asOf)) {
                closed++;
                close = close == null || o.closeDate().isBefore(close) ? o.closeDate() : close;
            }
        }
        if (close == null || !close.isAfter(created)) {
            return created;
        }
        long[] days = new long[closed];
        int i = 0;
        for (Opportunity o : history) {
            if (o.status().isClosed() && !o.closeDate().isAfter(asOf)) {
                days[i++] = ChronoUnit.DAYS.between(o.createdDate(), o.closeDate());
            }
        }
        Arrays.sort(days);
        long median = days[closed / 2];
        int waited = 0;
        for (Opportunity o : history) {
            waited += ChronoUnit.DAYS.between(o.createdDate(), close) > median ? 1 : 0;
        }
        return waited >= EVIDENCE ? close : created;
    }
}
