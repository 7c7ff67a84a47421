package io.salesops.benchmarks;

import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.core.org.Rep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link CommissionBenchmark} plan written by hand for that plan alone, as a careful engineer would:
 * payees and deals get int ids once; each month's rows are laid out per payee in primitive arrays by a
 * counting sort; pay is computed in long cents with half-even rounding; buffers are reused, so nothing is
 * allocated per row. The plan: marginal 5% to 50% of a USD 100,000 monthly quota, 8% to 100%, 12% above and
 * 12% x 1.5 above 120%; a USD 25,000 cap per month; a 1% override to the direct manager; a reversal within 90
 * days claws back what the deal paid. Pay is attributed to rows by largest remainder so clawbacks are exact.
 * Not thread-safe; one instance computes one year.
 */
final class HandWrittenCommissions {

    private static final long QUOTA = 100_000_00L;
    private static final long[] BOUNDS = {QUOTA / 2, QUOTA, QUOTA * 12 / 10, Long.MAX_VALUE};
    /** Rates in hundredths of a percent, per slice: 5%, 8%, 12%, 12% x 1.5. */
    private static final long[] RATE_BP = {500, 800, 1200, 1800};
    private static final long CAP = 25_000_00L;
    private static final Comparator<Credit> ORDER = (x, y) -> {
        int c = x.date().compareTo(y.date());
        return c != 0 ? c : x.id().compareTo(y.id());
    };

    private final int nPayees;
    private final Map<String, Integer> payeeIndex;
    private final String[] payeeIds;
    private final int[] manager;
    /** Deal id to int: open addressing over String keys. */
    private final DealIds deals = new DealIds(1 << 21);
    /** Per deal: booking day and first part and part count (owner and manager parts, contiguous). */
    private int[] dealDay = new int[1 << 20];
    private int[] dealFirstPart = new int[1 << 20];
    private int[] dealPartCount = new int[1 << 20];
    /** Per part (one payee's credit of one row in one component): the pay it earned, net of clawbacks. */
    private long[] partPay = new long[1 << 21];
    private int nParts;

    // Per-month layout, reused: rows of each payee, owner side and manager side.
    private final int[] ownStart;
    private final int[] mgrStart;
    private final int[] cursor;
    private int[] ownPart = new int[1 << 18];
    private long[] ownAmount = new long[1 << 18];
    private int[] mgrPart = new int[1 << 18];
    private long[] mgrAmount = new long[1 << 18];
    // Scratch for one payee's rows.
    private long[] rowPay = new long[1 << 12];
    private long[] weight = new long[1 << 12];
    private long[] share = new long[1 << 12];
    private long[] order = new long[1 << 12];
    private int[] rowIndex = new int[1 << 12];

    HandWrittenCommissions(java.util.Collection<Rep> reps) {
        nPayees = reps.size();
        payeeIndex = new HashMap<>(nPayees * 2);
        payeeIds = new String[nPayees];
        manager = new int[nPayees];
        int i = 0;
        for (Rep r : reps) {
            payeeIds[i] = r.id();
            payeeIndex.put(r.id(), i++);
        }
        for (Rep r : reps) {
            manager[payeeIndex.get(r.id())] = r.managerId() == null ? -1 : payeeIndex.get(r.managerId());
        }
        ownStart = new int[nPayees + 1];
        mgrStart = new int[nPayees + 1];
        cursor = new int[nPayees];
    }

    long year(List<List<Credit>> byMonth) {
        long total = 0;
        for (List<Credit> month : byMonth) {
            total += month(month);
        }
        return total;
    }

    private long month(List<Credit> credits) {
        List<Credit> bookings = new ArrayList<>(credits.size());
        for (Credit c : credits) {
            if (c.status() == CreditStatus.BOOKED) {
                bookings.add(c);
            }
        }
        bookings.sort(ORDER);
        layOut(bookings);
        long total = 0;
        for (int p = 0; p < nPayees; p++) {
            total += bookingsPay(ownStart[p], ownStart[p + 1]);
            total += overridePay(mgrStart[p], mgrStart[p + 1]);
        }
        for (Credit c : credits) {
            if (c.status() != CreditStatus.BOOKED) {
                total -= clawback(c);
            }
        }
        return total;
    }

    /** Counting sort of the month's rows by payee, owner side and manager side, keeping (date, id) order. */
    private void layOut(List<Credit> bookings) {
        Arrays.fill(ownStart, 0);
        Arrays.fill(mgrStart, 0);
        for (Credit c : bookings) {
            int n = c.splits().isEmpty() ? 1 : c.splits().size();
            for (int s = 0; s < n; s++) {
                int p = payeeIndex.get(n == 1 ? c.payeeId() : c.splits().get(s).payeeId());
                ownStart[p + 1]++;
                if (manager[p] >= 0) {
                    mgrStart[manager[p] + 1]++;
                }
            }
        }
        for (int p = 0; p < nPayees; p++) {
            ownStart[p + 1] += ownStart[p];
            mgrStart[p + 1] += mgrStart[p];
        }
        ensureRows(Math.max(ownStart[nPayees], mgrStart[nPayees]));
        System.arraycopy(ownStart, 0, cursor, 0, nPayees);
        int[] mgrCursor = Arrays.copyOf(mgrStart, nPayees);
        for (Credit c : bookings) {
            long amount = c.amount().minorUnits();
            int deal = deals.add(c.dealId());
            ensureDeals(deal + 1);
            dealDay[deal] = (int) c.date().toEpochDay();
            dealFirstPart[deal] = nParts;
            if (c.splits().isEmpty()) {
                int p = payeeIndex.get(c.payeeId());
                place(p, amount, mgrCursor);
            } else {
                // 60/40 by largest remainder, ties to the first; the manager sees the parts by payee id.
                long first = (amount * 60) / 100;
                long second = (amount * 40) / 100;
                if (first + second < amount) {
                    if ((amount * 40) % 100 > (amount * 60) % 100) {
                        second++;
                    } else {
                        first++;
                    }
                }
                int a = payeeIndex.get(c.splits().get(0).payeeId());
                int b = payeeIndex.get(c.splits().get(1).payeeId());
                if (manager[a] == manager[b] && payeeIds[b].compareTo(payeeIds[a]) < 0) {
                    place(b, second, mgrCursor);
                    place(a, first, mgrCursor);
                } else {
                    place(a, first, mgrCursor);
                    place(b, second, mgrCursor);
                }
            }
            dealPartCount[deal] = nParts - dealFirstPart[deal];
        }
    }

    private void place(int p, long amount, int[] mgrCursor) {
        ensureParts(nParts + 2);
        int row = cursor[p]++;
        ownPart[row] = nParts;
        ownAmount[row] = amount;
        partPay[nParts++] = 0;
        int m = manager[p];
        if (m >= 0) {
            int mrow = mgrCursor[m]++;
            mgrPart[mrow] = nParts;
            mgrAmount[mrow] = amount;
            partPay[nParts++] = 0;
        }
    }

    /** One payee's bookings: marginal slices, each rounded and attributed to its rows, then the cap. */
    private long bookingsPay(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return 0;
        }
        ensureScratch(n + BOUNDS.length);
        Arrays.fill(rowPay, 0, n, 0);
        long total = 0;
        long pos = 0;
        int slice = 0;
        long base = 0;
        int count = 0;
        for (int r = 0; r < n; r++) {
            long rem = ownAmount[from + r];
            do {
                long take = Math.min(rem, BOUNDS[slice] - pos);
                rowIndex[count] = r;
                weight[count++] = take;
                base += take;
                pos += take;
                rem -= take;
                if (pos == BOUNDS[slice]) {
                    total += flush(slice, base, count);
                    slice++;
                    base = 0;
                    count = 0;
                }
            } while (rem > 0);
        }
        if (count > 0) {
            total += flush(slice, base, count);
        }
        if (total > CAP) {
            long over = total - CAP;
            for (int k = 0; k < n; k++) {
                weight[k] = Math.max(0, rowPay[k]);
            }
            allocate(over, weight, n, share);
            for (int k = 0; k < n; k++) {
                rowPay[k] -= share[k];
            }
            total = CAP;
        }
        for (int k = 0; k < n; k++) {
            partPay[ownPart[from + k]] += rowPay[k];
        }
        return total;
    }

    /** Rounds one slice's line and attributes it to the rows that fell in it; returns the line. */
    private long flush(int slice, long base, int count) {
        long line = roundHalfEven(base * RATE_BP[slice], 10_000);
        allocate(line, weight, count, share);
        for (int k = 0; k < count; k++) {
            rowPay[rowIndex[k]] += share[k];
        }
        return line;
    }

    /** One manager's override: 1% of the rows' sum, attributed by amount. */
    private long overridePay(int from, int to) {
        int n = to - from;
        if (n == 0) {
            return 0;
        }
        ensureScratch(n);
        long base = 0;
        for (int k = 0; k < n; k++) {
            weight[k] = mgrAmount[from + k];
            base += weight[k];
        }
        long line = roundHalfEven(base, 100);
        allocate(line, weight, n, share);
        for (int k = 0; k < n; k++) {
            partPay[mgrPart[from + k]] += share[k];
        }
        return line;
    }

    /** @return what a reversal claws back: every part of the deal, if within 90 days of the booking */
    private long clawback(Credit r) {
        int deal = deals.get(r.dealId());
        if (deal < 0 || r.date().toEpochDay() - dealDay[deal] > 90) {
            return 0;
        }
        long back = 0;
        for (int i = dealFirstPart[deal], end = i + dealPartCount[deal]; i < end; i++) {
            back += partPay[i];
            partPay[i] = 0;
        }
        return back;
    }

    private static long roundHalfEven(long numerator, long denominator) {
        long q = numerator / denominator;
        long rem = numerator % denominator;
        long twice = 2 * rem;
        if (twice > denominator || (twice == denominator && (q & 1) == 1)) {
            q++;
        }
        return q;
    }

    /**
     * Largest remainder: {@code out[i]} is {@code total x w[i] / sum(w)} rounded down, the leftover cents going
     * to the largest remainders, ties to the earlier row; non-negative weights, any sign of total.
     */
    private void allocate(long total, long[] w, int n, long[] out) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i];
        }
        if (sum == 0) {
            Arrays.fill(out, 0, n, 0);
            return;
        }
        long whole = Math.abs(total);
        long given = 0;
        for (int i = 0; i < n; i++) {
            long prod = Math.multiplyExact(whole, w[i]);
            out[i] = prod / sum;
            // Sort key: larger remainder first, then earlier row: (sum - 1 - remainder) x n + i.
            order[i] = (sum - 1 - prod % sum) * n + i;
            given += out[i];
        }
        long left = whole - given;
        if (left > 0) {
            Arrays.sort(order, 0, n);
            for (int k = 0; k < left; k++) {
                out[(int) (order[k] % n)]++;
            }
        }
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                out[i] = -out[i];
            }
        }
    }

    private void ensureRows(int n) {
        if (ownPart.length < n) {
            ownPart = Arrays.copyOf(ownPart, n);
            ownAmount = Arrays.copyOf(ownAmount, n);
            mgrPart = Arrays.copyOf(mgrPart, n);
            mgrAmount = Arrays.copyOf(mgrAmount, n);
        }
    }

    private void ensureScratch(int n) {
        if (rowPay.length < n) {
            rowPay = new long[n];
            weight = new long[n];
            share = new long[n];
            order = new long[n];
            rowIndex = new int[n];
        }
    }

    private void ensureDeals(int n) {
        if (dealDay.length < n) {
            int size = Math.max(n, dealDay.length * 2);
            dealDay = Arrays.copyOf(dealDay, size);
            dealFirstPart = Arrays.copyOf(dealFirstPart, size);
            dealPartCount = Arrays.copyOf(dealPartCount, size);
        }
    }

    private void ensureParts(int n) {
        if (partPay.length < n) {
            partPay = Arrays.copyOf(partPay, Math.max(n, partPay.length * 2));
        }
    }

    /** String deal ids to dense ints, open addressing with linear probing; no allocation per lookup. */
    private static final class DealIds {
        private String[] keys;
        private int[] values;
        private int size;

        DealIds(int capacity) {
            keys = new String[capacity];
            values = new int[capacity];
        }

        int add(String key) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int i = slot(key, keys);
            if (keys[i] == null) {
                keys[i] = key;
                values[i] = size++;
            }
            return values[i];
        }

        int get(String key) {
            int i = slot(key, keys);
            return keys[i] == null ? -1 : values[i];
        }

        private static int slot(String key, String[] table) {
            int mask = table.length - 1;
            int i = (key.hashCode() * 0x9E3779B9) >>> 7 & mask;
            while (table[i] != null && !table[i].equals(key)) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int i = slot(oldKeys[j], keys);
                    keys[i] = oldKeys[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
