package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A period's credits, read in one pass in input order, the order they lie in memory (later passes visit them
 * in date order, out of that order): which are dated in the period, whether their ids repeat, and per booking
 * what crediting needs from its strings (the id's first characters for the sort, the deal and the owner as
 * ints). The bookings are then put in (date, id) order. Single-threaded; read-only once read.
 */
final class PeriodCredits {

    /** Bookings in date order, then by id (ids are unique within a period). */
    private static final Comparator<Booking> BOOKING_ORDER = (x, y) -> {
        int c = Long.compare(x.day, y.day);
        if (c == 0) {
            c = Long.compare(x.idPrefix, y.idPrefix);
        }
        return c != 0 ? c : x.id.compareTo(y.id);
    };
    /** Tables are sized for at most this many credits up front and grow beyond: a caller may pass every period's. */
    private static final int INITIAL = 1 << 17;

    /** The period's deal ids as ints, booked and reversed; read-only once read. */
    final StringIds deals;
    /** The period's bookings in (date, id) order. */
    final Booking[] bookings;
    /** The period's reversals, in input order. */
    final List<Credit> reversals;
    /** The distinct deals of {@link #reversals}, in the order they are first reversed. */
    final int[] reversedDeals;
    /** Per deal, its reversals in input order; null for a deal not reversed in the period. */
    private final List<Credit>[] reversalsOfDeal;
    /** Whether some credit of the period is in another currency than the plan's. */
    final boolean otherCurrency;
    /** The first credit id that repeats within the period, or null. */
    private final String repeatedId;

    @SuppressWarnings("unchecked")
    PeriodCredits(PeriodSetup setup, Collection<Credit> credits) {
        Period period = setup.period;
        int expected = Math.min(credits.size(), INITIAL);
        deals = new StringIds(expected);
        StringIds ids = new StringIds(expected);
        Booking[] read = new Booking[expected];
        List<Credit> revs = new ArrayList<>();
        int nb = 0;
        boolean ascii = true;
        boolean other = false;
        String repeated = null;
        for (Credit c : credits) {
            LocalDate date = c.date();
            if (!period.contains(date)) {
                continue;
            }
            String id = c.id();
            int known = ids.size();
            if (ids.add(id) < known && repeated == null) {
                repeated = id;
            }
            Money m = c.amount();
            boolean inPlanCurrency = m.currency().equals(setup.currency);
            other |= !inPlanCurrency;
            if (c.status().isReversal()) {
                revs.add(c);
                continue;
            }
            String owner = c.payeeId();
            Booking b = new Booking(c, id, date, deals.add(c.dealId()), setup.index.get(owner), owner,
                    inPlanCurrency ? m.minorUnits() : Booking.UNCONVERTED);
            b.idPrefix = Booking.asciiPrefix(id);
            ascii &= b.idPrefix >= 0;
            if (nb == read.length) {
                read = Arrays.copyOf(read, nb * 2);
            }
            read[nb++] = b;
        }
        if (!ascii) {
            for (int i = 0; i < nb; i++) {
                read[i].idPrefix = 0;
            }
        }
        reversals = revs;
        otherCurrency = other;
        repeatedId = repeated;
        int[] reversed = new int[revs.size()];
        int nr = 0;
        for (Credit r : revs) {
            deals.add(r.dealId());
        }
        reversalsOfDeal = revs.isEmpty() ? null : new List[deals.size()];
        for (Credit r : revs) {
            int d = deals.get(r.dealId());
            if (reversalsOfDeal[d] == null) {
                reversalsOfDeal[d] = new ArrayList<>(1);
                reversed[nr++] = d;
            }
            reversalsOfDeal[d].add(r);
        }
        reversedDeals = Arrays.copyOf(reversed, nr);
        // One sort of all bookings puts every payee's amounts in (date, id) order as they are appended, so
        // no payee list needs sorting and the result does not depend on the order of the input rows.
        bookings = inDateAndIdOrder(read, nb);
    }

    /**
     * @return the credits dated in the period, in input order: for the checks that report a credit by its
     *         position among them
     */
    static List<Credit> inPeriod(Collection<Credit> credits, Period period) {
        List<Credit> out = new ArrayList<>();
        for (Credit c : credits) {
            if (period.contains(c.date())) {
                out.add(c);
            }
        }
        return out;
    }

    /** @throws IllegalArgumentException naming the credit if a credit id repeats within the period */
    void requireUniqueIds(Period period) {
        if (repeatedId != null) {
            throw new IllegalArgumentException("credit id " + repeatedId + " appears more than once in " + period
                    + "; credit ids must be unique so that crediting does not depend on row order");
        }
    }

    /** @return the reversals of deal {@code d} in the period, in input order, or null if it is not reversed */
    List<Credit> reversalsOf(int d) {
        return reversalsOfDeal == null ? null : reversalsOfDeal[d];
    }

    /**
     * @return the bookings in (day, id) order: by day and id prefix on primitive keys, then by id within the
     *         rare runs the prefixes do not tell apart (ids sharing their first 9 characters, non-ASCII ids)
     */
    private static Booking[] inDateAndIdOrder(Booking[] bookings, int nb) {
        long[] day = new long[nb];
        long[] prefix = new long[nb];
        for (int i = 0; i < nb; i++) {
            day[i] = bookings[i].day;
            prefix[i] = bookings[i].idPrefix;
        }
        int[] order = RadixOrder.order(day, prefix, nb);
        Booking[] sorted = new Booking[nb];
        for (int i = 0; i < nb; i++) {
            sorted[i] = bookings[order[i]];
        }
        for (int i = 0; i < nb; ) {
            int end = i + 1;
            while (end < nb && sorted[end].day == sorted[i].day && sorted[end].idPrefix == sorted[i].idPrefix) {
                end++;
            }
            if (end - i > 1) {
                Arrays.sort(sorted, i, end, BOOKING_ORDER);
            }
            i = end;
        }
        return sorted;
    }
}
