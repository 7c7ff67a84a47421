package io.salesops.planning.territory;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small CSV table with a header row, read strictly (UTF-8, bounded size, rows and fields), with every
 * problem located as {@code file:line:column (name): message}. Not thread-safe; one per file read.
 */
final class CsvTable {

    static final long MAX_BYTES = 256L << 20;
    static final int MAX_FIELDS = 256;
    static final int MAX_CELL = 10_000;
    private static final int MAX_NUMBER_LENGTH = 40;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?|[-+]?\\.[0-9]+");

    final String file;
    final List<String> header = new ArrayList<>();
    final Map<String, Integer> columns = new HashMap<>();
    final List<long[]> lines = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    private CsvTable(String file) {
        this.file = file;
    }

    /** Reads the file, requiring the named columns; throws if the file cannot be read or lacks them. */
    static CsvTable read(Path path, int maxRows, String... required) throws IOException {
        String name = path.toString();
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            throw new TerritoryInputException(List.of(name + ": file is " + size + " bytes, more than the limit of "
                    + MAX_BYTES + " bytes (256 MiB)"));
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(path), decoder)) {
            return read(name, r, maxRows, required);
        } catch (CharacterCodingException e) {
            throw new TerritoryInputException(List.of(name + ": the file is not valid UTF-8; save it as UTF-8"));
        }
    }

    static CsvTable read(String name, Reader reader, int maxRows, String... required) throws IOException {
        CsvTable t = new CsvTable(name);
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
                .detectBomHeader(false).ofCsvRecord(reader)) {
            for (CsvRecord rec : csv) {
                if (t.header.isEmpty()) {
                    t.readHeader(rec, required);
                    if (!t.problems.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (t.rows.size() >= maxRows) {
                    t.problems.add(name + ":" + rec.getStartingLineNumber() + ": more than " + maxRows
                            + " rows, the limit for this file");
                    break;
                }
                t.addRow(rec);
                if (t.problems.size() >= TerritoryInputException.MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (CsvParseException | UncheckedIOException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CharacterCodingException) {
                throw new TerritoryInputException(List.of(name + ": the file is not valid UTF-8; save it as UTF-8"));
            }
            t.problems.add(name + ": not valid CSV: " + cause.getMessage());
        }
        if (t.header.isEmpty() && t.problems.isEmpty()) {
            t.problems.add(name + ": file is empty; expected a header row with " + String.join(",", required));
        }
        t.throwIfProblems();
        return t;
    }

    private void readHeader(CsvRecord rec, String[] required) {
        if (rec.getFieldCount() > MAX_FIELDS) {
            problems.add(file + ":" + rec.getStartingLineNumber() + ": header has " + rec.getFieldCount()
                    + " columns, more than the limit of " + MAX_FIELDS);
            return;
        }
        for (int i = 0; i < rec.getFieldCount(); i++) {
            String h = rec.getField(i).strip();
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            h = h.toLowerCase(Locale.ROOT);
            header.add(h);
            if (h.isEmpty()) {
                problems.add(file + ":" + rec.getStartingLineNumber() + ":" + (i + 1) + ": header column " + (i + 1) + " is blank");
            } else if (columns.putIfAbsent(h, i) != null) {
                problems.add(file + ":" + rec.getStartingLineNumber() + ":" + (i + 1) + ": header column \"" + h
                        + "\" appears twice (also column " + (columns.get(h) + 1) + ")");
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                problems.add(file + ":" + rec.getStartingLineNumber() + ": header lacks the column \"" + r
                        + "\"; expected " + String.join(",", required) + " (found " + String.join(",", header) + ")");
            }
        }
    }

    private void addRow(CsvRecord rec) {
        long line = rec.getStartingLineNumber();
        if (rec.getFieldCount() != header.size()) {
            problems.add(file + ":" + line + ": row has " + rec.getFieldCount() + " fields, the header has " + header.size());
            return;
        }
        List<String> fields = new ArrayList<>(rec.getFieldCount());
        for (int i = 0; i < rec.getFieldCount(); i++) {
            String f = rec.getField(i);
            if (f.length() > MAX_CELL) {
                problems.add(at(line, i) + "value is " + f.length() + " characters, more than the limit of " + MAX_CELL);
                return;
            }
            fields.add(f.strip());
        }
        lines.add(new long[] {line});
        rows.add(fields);
    }

    String at(long line, int column) {
        return file + ":" + line + ":" + (column + 1) + " (" + header.get(column) + "): ";
    }

    int size() {
        return rows.size();
    }

    long line(int row) {
        return lines.get(row)[0];
    }

    /** @return the cell, or "" if the table has no such column */
    String cell(int row, String column) {
        Integer c = columns.get(column);
        return c == null ? "" : rows.get(row).get(c);
    }

    /** @return the cell as text, or null (with a problem) when blank */
    String text(int row, String column) {
        String v = cell(row, column);
        if (v.isEmpty()) {
            problems.add(at(line(row), columns.get(column)) + "value is blank");
            return null;
        }
        return v;
    }

    /** @return the cell as a decimal, or null (with a problem) when it is not one or is below {@code min} */
    BigDecimal decimal(int row, String column, BigDecimal min, boolean minInclusive) {
        String v = cell(row, column);
        int c = columns.get(column);
        if (v.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(v).matches()) {
            problems.add(at(line(row), c) + "\"" + preview(v) + "\" is not a decimal number (use digits and a '.' point)");
            return null;
        }
        BigDecimal d = new BigDecimal(v);
        int cmp = d.compareTo(min);
        if (cmp < 0 || (cmp == 0 && !minInclusive)) {
            problems.add(at(line(row), c) + v + " must be " + (minInclusive ? "at least " : "greater than ") + min.toPlainString());
            return null;
        }
        return d;
    }

    /** @return the cell as a coordinate within {@code [-limit, limit]}, or NaN (with a problem) */
    double coordinate(int row, String column, int limit) {
        String v = cell(row, column);
        int c = columns.get(column);
        if (v.length() > MAX_NUMBER_LENGTH || !DECIMAL.matcher(v).matches()) {
            problems.add(at(line(row), c) + "\"" + preview(v) + "\" is not a decimal number of degrees");
            return Double.NaN;
        }
        double d = Double.parseDouble(v);
        if (d < -limit || d > limit) {
            problems.add(at(line(row), c) + v + " is not within -" + limit + ".." + limit + " degrees");
            return Double.NaN;
        }
        return d;
    }

    /** @return every column not in {@code known}, by name, with this row's values */
    Map<String, String> attributes(int row, List<String> known) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (!known.contains(header.get(i))) {
                out.put(header.get(i), rows.get(row).get(i));
            }
        }
        return out;
    }

    void problem(int row, String column, String message) {
        problems.add(at(line(row), columns.get(column)) + message);
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new TerritoryInputException(problems);
        }
    }

    static String preview(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
