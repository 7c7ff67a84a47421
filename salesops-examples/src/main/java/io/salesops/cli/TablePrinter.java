package io.salesops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An aligned plain-text table: a header row, a rule, and rows whose numeric cells are right-aligned.
 *
 * <pre>{@code
 * TablePrinter t = TablePrinter.withHeaders("Quarter", "Bookings", "Deals");
 * t.row("2026-Q1", money, 42);
 * t.print(out);
 * }</pre>
 *
 * <p>A cell is right-aligned if it was given as a {@link Number}, {@link Money} or {@link Percent}, or if
 * its text looks like a number ({@code 1,234.56}, {@code -12%}, {@code USD 5.00}); a column can be forced
 * with {@link #align(int, Align)}. Money prints without its currency code ({@code 1,234.56}), so put the
 * currency in the header. Null prints as empty.
 *
 * <p>The same table prints as CSV or JSON with {@link #print(PrintWriter, OutputFormat)}: the column keys are
 * the headers in snake case ({@code "Bookings USD"} is {@code bookings_usd}); {@link Money} is written as its
 * plain amount ({@code 1234.50}), {@link Percent} as its value in percent ({@code 98.5}), numbers as numbers,
 * everything else as text; rules are left out. Mutable, not thread-safe.
 */
public final class TablePrinter {

    /** How a column is aligned. */
    public enum Align {
        /** Numbers right, text left, decided per cell. */
        AUTO,
        /** Always left. */
        LEFT,
        /** Always right. */
        RIGHT
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> headers;
    private final Align[] aligns;
    private final List<String[]> rows = new ArrayList<>();
    private final List<Object[]> raw = new ArrayList<>();
    private final List<boolean[]> numeric = new ArrayList<>();
    private final List<Integer> separatorsBefore = new ArrayList<>();
    private String indent = "";

    private TablePrinter(List<String> headers) {
        this.headers = headers;
        this.aligns = new Align[headers.size()];
        Arrays.fill(aligns, Align.AUTO);
    }

    /**
     * A table with these column headers.
     *
     * @throws IllegalArgumentException if there are no headers
     */
    public static TablePrinter withHeaders(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (String h : headers) {
            Objects.requireNonNull(h, "header");
        }
        return new TablePrinter(List.of(headers));
    }

    /**
     * Forces the alignment of column {@code column} (0-based).
     *
     * @return this
     * @throws IndexOutOfBoundsException if there is no such column
     */
    public TablePrinter align(int column, Align align) {
        Objects.checkIndex(column, aligns.length);
        aligns[column] = Objects.requireNonNull(align, "align");
        return this;
    }

    /** Prefixes every printed line with {@code indent}, e.g. two spaces under a heading. @return this */
    public TablePrinter indent(String indent) {
        this.indent = Objects.requireNonNull(indent, "indent");
        return this;
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column; null prints empty
     * @return this
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public TablePrinter row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells but the table has "
                    + headers.size() + " columns " + headers);
        }
        String[] text = new String[cells.length];
        boolean[] num = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i];
            text[i] = format(c);
            num[i] = c instanceof Number || c instanceof Money || c instanceof Percent
                    || (c instanceof CharSequence && looksNumeric(text[i]));
        }
        rows.add(text);
        raw.add(cells.clone());
        numeric.add(num);
        return this;
    }

    /** Draws a rule before the next row, e.g. above a total. @return this */
    public TablePrinter separator() {
        separatorsBefore.add(rows.size());
        return this;
    }

    /** @return the number of rows added */
    public int size() {
        return rows.size();
    }

    /** Prints the table as aligned text to {@code out} (does not flush). */
    public void print(PrintWriter out) {
        out.print(render());
    }

    /**
     * Prints the table in {@code format} to {@code out} (does not flush).
     *
     * @param out    where to print, not null
     * @param format table, CSV or JSON, not null
     */
    public void print(PrintWriter out, OutputFormat format) {
        switch (format) {
            case TABLE -> out.print(render());
            case CSV -> out.print(renderCsv());
            case JSON -> out.print(renderJson());
            default -> throw new IllegalStateException("unhandled format " + format);
        }
    }

    /**
     * @return the table as RFC 4180 CSV with a header row of {@link #keys()}, lines ending in LF; text that
     * starts like a spreadsheet formula is neutralised ({@link CsvCells})
     */
    public String renderCsv() {
        StringWriter sw = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(sw)) {
            csv.writeRecord(keys());
            for (Object[] r : raw) {
                String[] cells = new String[r.length];
                for (int i = 0; i < r.length; i++) {
                    cells[i] = CsvCells.text(plain(r[i]));
                }
                csv.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return sw.toString();
    }

    /** @return the table as a JSON array of objects keyed by {@link #keys()}, pretty-printed, ending in LF */
    public String renderJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> keys = keys();
        for (Object[] r : raw) {
            Map<String, Object> obj = new LinkedHashMap<>();
            for (int i = 0; i < r.length; i++) {
                Object v = plain(r[i]);
                obj.put(keys.get(i), v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
            }
            out.add(obj);
        }
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pretty).writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write table as JSON: " + e.getMessage(), e);
        }
    }

    /** @return the column keys used in CSV and JSON: each header in snake case */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String h : headers) {
            String k = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
            keys.add(k.isEmpty() ? "column_" + (keys.size() + 1) : k);
        }
        return keys;
    }

    private static Object plain(Object c) {
        if (c instanceof Money m) {
            return m.amount();
        }
        if (c instanceof Percent p) {
            return p.value();
        }
        return c;
    }

    /** @return the table as text, each line ending in a newline, no trailing spaces */
    public String render() {
        int n = headers.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = headers.get(i).length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        boolean[] rightHeader = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (aligns[i] == Align.RIGHT) {
                rightHeader[i] = true;
            } else if (aligns[i] == Align.AUTO) {
                // A column of numbers gets a right-aligned header, so the header sits over the digits.
                boolean allNumeric = !rows.isEmpty();
                for (int k = 0; k < rows.size(); k++) {
                    allNumeric &= numeric.get(k)[i] || rows.get(k)[i].isEmpty();
                }
                rightHeader[i] = allNumeric;
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers.toArray(new String[0]), rightHeader, width);
        String rule = rule(width);
        sb.append(rule);
        for (int k = 0; k < rows.size(); k++) {
            if (separatorsBefore.contains(k)) {
                sb.append(rule);
            }
            boolean[] right = new boolean[n];
            for (int i = 0; i < n; i++) {
                right[i] = aligns[i] == Align.RIGHT || (aligns[i] == Align.AUTO && numeric.get(k)[i]);
            }
            line(sb, rows.get(k), right, width);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private String rule(int[] width) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < width.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            sb.append("-".repeat(width[i]));
        }
        return sb.append('\n').toString();
    }

    private void line(StringBuilder sb, String[] cells, boolean[] right, int[] width) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(right[i] ? pad + cells[i] : cells[i] + pad);
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(line, 0, end).append('\n');
    }

    private static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Money m) {
            return m.formatAmount();
        }
        if (c instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return c.toString();
    }

    private static boolean looksNumeric(String s) {
        return s.matches("[A-Z]{3} ?-?[\\d,]+(\\.\\d+)?|[-+]?[\\d,]*\\.?\\d+%?|[-+]?[\\d,]+(\\.\\d+)?[kMB%x]?");
    }
}
