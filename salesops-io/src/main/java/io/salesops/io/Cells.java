package io.salesops.io;

import io.salesops.core.money.Decimals;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, located access to the cells of the current row. Each accessor strips the value, treats a blank one as
 * absent, and on bad input records an {@link ImportProblem} naming the file, line, column and value, returning
 * null (or {@link #NO_AMOUNT}) so that a converter can go on and find every problem in the row.
 * Not thread-safe: one per import, reset for every row.
 */
final class Cells {

    static final long NO_AMOUNT = Long.MIN_VALUE;
    private static final int PREVIEW = 60;

    private final String file;
    private final CsvSettings settings;
    private final Header header;
    private final StringPool[] pools;
    private final Map<String, Currency> currencies = new HashMap<>();
    private final Map<String, Object>[] parsed;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final LocalDate[] dates = new LocalDate[DateParser.CACHE_SIZE];
    private final Map<String, Map<String, String>> singleAttributes = new HashMap<>();
    private CsvRow row;
    private int start;
    private int end;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Cells(String file, CsvSettings settings, Header header) {
        this.file = file;
        this.settings = settings;
        this.header = header;
        this.pools = new StringPool[header.size()];
        this.parsed = new Map[header.size()];
    }

    void reset(CsvRow r) {
        this.row = r;
        problems.clear();
    }

    long line() {
        return row.line;
    }

    String file() {
        return file;
    }

    CsvSettings settings() {
        return settings;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    List<ImportProblem> problems() {
        return problems;
    }

    /** @return true if the column is present and its cell is not blank */
    boolean has(Col c) {
        return locate(c);
    }

    /** @return true if the cell has a problem reported already */
    boolean failed(Col c) {
        for (ImportProblem p : problems) {
            if (p.columnNumber() == c.index + 1 && c.index >= 0) {
                return true;
            }
        }
        return false;
    }

    /** @return the stripped value, or null if blank or the column is absent */
    String text(Col c) {
        return locate(c) ? new String(row.data, start, end - start) : null;
    }

    /** @return like {@link #text(Col)}, but one shared string per distinct value */
    String pooled(Col c) {
        if (!locate(c)) {
            return null;
        }
        StringPool p = pools[c.index];
        if (p == null) {
            p = pools[c.index] = new StringPool();
        }
        return p.get(row.data, start, end);
    }

    /** @return the stripped value; null with a problem if it is blank */
    String required(Col c) {
        String s = text(c);
        if (s == null) {
            missing(c);
        }
        return s;
    }

    /** @return the pooled value; null with a problem if it is blank */
    String requiredPooled(Col c) {
        String s = pooled(c);
        if (s == null) {
            missing(c);
        }
        return s;
    }

    /** @return the date, or null if blank (with a problem if required) or invalid (with a problem) */
    LocalDate date(Col c, boolean required) {
        if (!locate(c)) {
            if (required) {
                missing(c);
            }
            return null;
        }
        try {
            return settings.dates().parse(row.data, start, end, dates);
        } catch (IllegalArgumentException e) {
            problem(c, e.getMessage());
            return null;
        }
    }

    /** @return the currency in the cell, or {@code fallback} if blank or absent; null with a problem if invalid */
    Currency currency(Col c, Currency fallback) {
        String code = pooled(c);
        if (code == null) {
            return fallback;
        }
        Currency cur = currencies.get(code);
        if (cur == null) {
            try {
                cur = Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(c, Decimals.quote(code) + " is not an ISO 4217 currency code");
                return null;
            }
            if (cur.getDefaultFractionDigits() < 0) {
                problem(c, "currency " + code + " has no minor unit and cannot hold money");
                return null;
            }
            currencies.put(code, cur);
        }
        return cur;
    }

    /**
     * @return the amount in minor units of {@code currency}, or {@link #NO_AMOUNT} if blank (with a problem if
     * required) or invalid or negative (with a problem)
     */
    long minor(Col c, Currency currency, boolean required) {
        if (!locate(c)) {
            if (required) {
                missing(c);
            }
            return NO_AMOUNT;
        }
        try {
            long v = Amounts.parseMinor(row.data, start, end, row.quoted(c.index), currency.getDefaultFractionDigits(),
                    currency.getCurrencyCode());
            if (v < 0) {
                problem(c, Decimals.quote(new String(row.data, start, end - start)) + " is negative; " + c.field
                        + " must be zero or more");
                return NO_AMOUNT;
            }
            return v;
        } catch (IllegalArgumentException e) {
            problem(c, e.getMessage());
            return NO_AMOUNT;
        }
    }

    /** @return true/false for {@code true/false, 1/0, yes/no, y/n, x/blank-free}, null if blank or invalid */
    Boolean bool(Col c) {
        String s = pooled(c);
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "1": case "yes": case "y": case "x":
                return Boolean.TRUE;
            case "false": case "0": case "no": case "n":
                return Boolean.FALSE;
            default:
                problem(c, Decimals.quote(s) + " is not a boolean; expected true/false, 1/0 or yes/no");
                return null;
        }
    }

    /**
     * Parses the cell with {@code parser}, remembering the result per distinct value; an
     * {@link IllegalArgumentException} from the parser becomes a problem carrying its message.
     *
     * @return the parsed value, or null if blank or invalid
     */
    @SuppressWarnings("unchecked")
    <V> V parse(Col c, Function<String, V> parser) {
        String s = pooled(c);
        if (s == null) {
            return null;
        }
        Map<String, Object> cache = parsed[c.index];
        if (cache == null) {
            cache = parsed[c.index] = new HashMap<>();
        }
        Object v = cache.get(s);
        if (v == null) {
            try {
                v = parser.apply(s);
            } catch (IllegalArgumentException e) {
                problem(c, e.getMessage());
                return null;
            }
            if (cache.size() < 10_000) {
                cache.put(s, v);
            }
        }
        return (V) v;
    }

    /**
     * @return the non-blank values of the columns no field claims, by header name, as an immutable map (so
     * that the record's defensive copy is free); empty if none
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, String> attributes() {
        int[] idx = header.attributeIndexes;
        if (idx.length == 0) {
            return Map.of();
        }
        Map.Entry<String, String>[] found = null;
        int n = 0;
        for (int k = 0; k < idx.length; k++) {
            if (locate(idx[k])) {
                StringPool p = pools[idx[k]];
                if (p == null) {
                    p = pools[idx[k]] = new StringPool();
                }
                String value = p.get(row.data, start, end);
                if (idx.length == 1) {
                    // One extra column of repeated values (a region, a pipeline): share the maps.
                    Map<String, String> m = singleAttributes.get(value);
                    if (m == null) {
                        m = Map.of(header.attributeNames[0], value);
                        if (singleAttributes.size() < 10_000) {
                            singleAttributes.put(value, m);
                        }
                    }
                    return m;
                }
                if (found == null) {
                    found = new Map.Entry[idx.length];
                }
                found[n++] = Map.entry(header.attributeNames[k], value);
            }
        }
        return n == 0 ? Map.of() : Map.ofEntries(java.util.Arrays.copyOf(found, n));
    }

    /** @return the number of columns no field claims (attributes) */
    int attributeCount() {
        return header.attributeIndexes.length;
    }

    /** @return the header name of attribute column {@code k} */
    String attributeName(int k) {
        return header.attributeNames[k];
    }

    /** @return the stripped, pooled value of attribute column {@code k}, or null if blank */
    String attribute(int k) {
        int i = header.attributeIndexes[k];
        if (!locate(i)) {
            return null;
        }
        StringPool p = pools[i];
        if (p == null) {
            p = pools[i] = new StringPool();
        }
        return p.get(row.data, start, end);
    }

    /** Records a problem with the cell, quoting its value. */
    void problem(Col c, String message) {
        String value = c.present() && c.index < row.size() ? row.raw(c.index).strip() : null;
        problems.add(new ImportProblem(file, row.line, c.header, c.index + 1, preview(value), message));
    }

    /** Records a problem with the row as a whole. */
    void rowProblem(String message) {
        problems.add(new ImportProblem(file, row.line, null, 0, null, message));
    }

    private void missing(Col c) {
        problems.add(new ImportProblem(file, row.line, c.header, c.index + 1, c.present() ? "" : null,
                c.present() ? c.field + " is empty; it is required" : "the file has no " + c.header
                        + " column, which " + c.field + " needs here"));
    }

    static String preview(String value) {
        return value == null || value.length() <= PREVIEW ? value : value.substring(0, PREVIEW) + "...";
    }

    private boolean locate(Col c) {
        return c.index >= 0 && locate(c.index);
    }

    private boolean locate(int i) {
        if (i >= row.size()) {
            return false;
        }
        int s = row.start(i);
        int e = row.end(i);
        char[] d = row.data;
        while (s < e && d[s] <= ' ') {
            s++;
        }
        while (e > s && d[e - 1] <= ' ') {
            e--;
        }
        start = s;
        end = e;
        return s < e;
    }
}
