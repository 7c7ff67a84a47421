package io.salesops.io;

import io.salesops.core.money.Decimals;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses dates in one format. ISO {@code yyyy-MM-dd} is read straight from the characters, since it is by far
 * the most common and a {@link DateTimeFormatter} per cell costs more than the rest of a row. Any format
 * accepts a trailing time of day ({@code 2026-03-15 14:02}, {@code 3/15/2026, 2:02 PM},
 * {@code 2026-03-15T14:02:00Z}), which is ignored. Immutable and thread-safe.
 */
final class DateParser {

    static final String ISO = "yyyy-MM-dd";
    static final int CACHE_SIZE = 4096;
    private static final Pattern TIME = Pattern.compile("[,]?\\s*T?\\s*\\d{1,2}:\\d{2}.*");

    private final String pattern;
    private final boolean iso;
    private final DateTimeFormatter formatter;

    private DateParser(String pattern) {
        this.pattern = pattern;
        this.iso = pattern.equals(ISO) || pattern.equals("uuuu-MM-dd");
        // STRICT rejects 2026-02-30 instead of moving it to the 28th; it needs uuuu, as yyyy would need an era.
        this.formatter = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * @throws IllegalArgumentException naming the pattern if it is not a valid {@link DateTimeFormatter}
     *                                  pattern
     */
    static DateParser of(String pattern) {
        try {
            DateParser p = new DateParser(pattern);
            p.formatter.format(LocalDate.of(2026, 3, 15));
            return p;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("date format \"" + pattern + "\" is not a valid date pattern such as "
                    + "yyyy-MM-dd, MM/dd/yyyy or dd.MM.yyyy: " + e.getMessage());
        }
    }

    /** @return true for {@code yyyy-MM-dd}, which readers may decode without this parser */
    boolean isIso() {
        return iso;
    }

    String pattern() {
        return pattern;
    }

    /**
     * Parses {@code chars[start, end)}, which the caller has stripped. ISO dates are remembered in
     * {@code cache} (the caller's, {@link #CACHE_SIZE} slots), since a file has far fewer distinct dates
     * than rows.
     *
     * @throws IllegalArgumentException with a message naming the value and the format
     */
    LocalDate parse(char[] c, int start, int end, LocalDate[] cache) {
        if (iso && end - start == 10 && c[start + 4] == '-' && c[start + 7] == '-') {
            int y = digits(c, start, 4);
            int m = digits(c, start + 5, 2);
            int d = digits(c, start + 8, 2);
            if (y >= 0 && m >= 0 && d >= 0) {
                int slot = ((y * 12 + m) * 31 + d) & (CACHE_SIZE - 1);
                LocalDate hit = cache[slot];
                if (hit != null && hit.getDayOfMonth() == d && hit.getMonthValue() == m && hit.getYear() == y) {
                    return hit;
                }
                if (m >= 1 && m <= 12 && d >= 1 && d <= 28) {
                    return cache[slot] = LocalDate.of(y, m, d);
                }
                try {
                    return cache[slot] = LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException(Decimals.quote(new String(c, start, end - start))
                            + " is not a valid date: " + e.getMessage());
                }
            }
        }
        return slow(new String(c, start, end - start));
    }

    /** @return {@code text} without a trailing time of day, as {@link #parse} ignores it */
    static String withoutTime(String text) {
        return TIME.matcher(text).replaceFirst("");
    }

    private LocalDate slow(String text) {
        try {
            return LocalDate.parse(text, formatter);
        } catch (DateTimeParseException e) {
            // A date followed by a time of day: keep the date.
            for (int i = 1; i < text.length(); i++) {
                char ch = text.charAt(i);
                if ((ch == ' ' || ch == 'T' || ch == ',') && TIME.matcher(text.substring(i)).matches()) {
                    try {
                        return LocalDate.parse(text.substring(0, i), formatter);
                    } catch (DateTimeParseException ignored) {
                        break;
                    }
                }
            }
            String reason = e.getMessage().contains("could not be parsed:")
                    ? ": " + e.getMessage().substring(e.getMessage().indexOf("could not be parsed:") + 21) : "";
            if (e.getErrorIndex() >= 0 && !reason.isEmpty() && !reason.contains("Invalid")) {
                reason = "";
            }
            throw new IllegalArgumentException(Decimals.quote(text) + " is not a date in the format " + pattern + reason);
        }
    }

    private static int digits(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int dgt = c[i] - '0';
            if (dgt < 0 || dgt > 9) {
                return -1;
            }
            v = v * 10 + dgt;
        }
        return v;
    }
}
