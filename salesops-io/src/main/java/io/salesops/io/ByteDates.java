package io.salesops.io;

import io.salesops.core.crm.OpportunityTable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Reads the dates of a byte read as epoch days. An ISO date is found among those seen before by its ten bytes,
 * else read from its digits; any other form goes to the {@link DateParser} of the reader's format, which also
 * rejects what is not a date. Not thread-safe: one per chunk.
 */
final class ByteDates {

    private static final int DAY_CACHE = 4096;
    private final DateParser parser;
    private final LocalDate[] dateCache = new LocalDate[DateParser.CACHE_SIZE];
    /**
     * Valid ISO dates seen, two longs a slot, so that a hit reads one cache line: the first eight bytes, then the
     * last two above the epoch day (zeros for none).
     */
    private final long[] seen = new long[2 * DAY_CACHE];
    private char[] chars = new char[64];

    ByteDates(DateParser parser) {
        this.parser = parser;
    }

    /** @return the date in the located cell as an epoch day, or {@link OpportunityTable#NO_DATE} if invalid */
    int day(ByteRecords r) {
        byte[] b = r.cb;
        int s = r.cs;
        if (parser.isIso() && r.ce - s == 10 && s + 16 <= b.length) {
            // A file has few distinct dates: find the ten bytes among those seen before, else parse them.
            long w0 = ByteScan.word(b, s);
            int w1 = (b[s + 8] & 0xff) | (b[s + 9] & 0xff) << 8;
            long x = (w0 ^ w1) * 0x9E3779B97F4A7C15L;
            int slot = (int) (x >>> 52) & (DAY_CACHE - 1);
            long tail = seen[2 * slot + 1];
            if (seen[2 * slot] == w0 && (int) (tail >>> 32) == w1) {
                return (int) tail;
            }
            if (b[s + 4] == '-' && b[s + 7] == '-') {
                int y = digits(b, s, 4);
                int m = digits(b, s + 5, 2);
                int d = digits(b, s + 8, 2);
                if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)) {
                    int day = epochDay(y, m, d);
                    seen[2 * slot] = w0;
                    seen[2 * slot + 1] = (long) w1 << 32 | (day & 0xFFFF_FFFFL);
                    return day;
                }
            }
        }
        int n = r.ce - s;
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        int w = 0;
        if (r.nonAscii) {
            String v = new String(b, s, n, StandardCharsets.UTF_8);
            v.getChars(0, v.length(), chars, 0);
            w = v.length();
        } else {
            for (int i = s; i < r.ce; i++) {
                chars[w++] = (char) b[i];
            }
        }
        try {
            return (int) parser.parse(chars, 0, w, dateCache).toEpochDay();
        } catch (IllegalArgumentException e) {
            return OpportunityTable.NO_DATE;
        }
    }

    private static int daysIn(int y, int m) {
        if (m == 2) {
            return (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28;
        }
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** {@link LocalDate#toEpochDay()} for a valid date of a year from 0 to 9999. */
    static int epochDay(int y, int m, int d) {
        long total = 365L * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * m - 362) / 12;
        total += d - 1;
        if (m > 2) {
            total--;
            boolean leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
            if (!leap) {
                total--;
            }
        }
        return (int) (total - 719_528L);
    }
}
