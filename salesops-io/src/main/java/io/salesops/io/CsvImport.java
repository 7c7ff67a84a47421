package io.salesops.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one row loop every reader shares: FastCSV reads the records, the header is resolved against the reader's
 * fields, each data row goes through the reader's converter, and the row is kept or its problems are recorded
 * (lenient) or thrown (strict). Duplicate keys are problems of the later row.
 */
final class CsvImport {

    private CsvImport() {
    }

    /** Converts one row; reports problems through the cells and returns null (or anything) if there are any. */
    interface Converter<T> {
        T convert(Cells cells);
    }

    /** Makes a converter for a resolved header. */
    interface Binder<T> {
        Converter<T> bind(Header header);
    }

    /** Where to read from: a path, or a reader with a name for messages. */
    record Input(String name, Path path, Reader reader) {
        static Input of(Path path) {
            return new Input(path.toString(), Objects.requireNonNull(path, "path"), null);
        }

        static Input of(Reader reader, String name) {
            return new Input(Objects.requireNonNull(name, "name"), null, Objects.requireNonNull(reader, "reader"));
        }
    }

    /**
     * Records must be unique by {@code key}; a repeat is reported in the column of {@code field}.
     *
     * @param describe turns a key into words for the message, e.g. {@code id "O-1"}
     */
    record Unique<T>(String field, Function<T, String> key, Function<String, String> describe) {
    }

    /** The rows that became records with their lines, every problem, and the number of data rows. */
    static final class Outcome<T> {
        final List<T> records = new ArrayList<>();
        int[] lines = new int[16];
        final List<ImportProblem> problems = new ArrayList<>();
        int rowsRead;
        Header header;

        void add(T record, long line) {
            if (records.size() == lines.length) {
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            lines[records.size()] = (int) Math.min(line, Integer.MAX_VALUE);
            records.add(record);
        }

        ImportResult<T> result() {
            return new ImportResult<>(records, problems, rowsRead);
        }
    }

    static <T> Outcome<T> read(Input in, CsvSettings s, List<Field> fields, Binder<T> binder, Unique<T> unique)
            throws IOException {
        Outcome<T> out = new Outcome<>();
        RowHandler handler = new RowHandler(s.limits());
        CsvReader.CsvReaderBuilder b = CsvReader.builder()
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(in.path() != null);
        long lastLine = 0;
        try (CsvReader<CsvRow> csv = in.path() != null ? b.build(handler, in.path(), s.charset()) : b.build(handler, in.reader());
             RowSource rows = s.parallel() ? RowSource.prefetching(csv.iterator()) : RowSource.direct(csv.iterator())) {
            Cells cells = null;
            Converter<T> converter = null;
            Map<String, Integer> seen = unique == null ? null : new HashMap<>();
            Col keyCol = null;
            int maxRows = s.limits().maxRows();
            for (Iterator<CsvRow> it = rows; it.hasNext(); ) {
                CsvRow row = it.next();
                lastLine = row.line;
                if (out.header == null) {
                    out.header = Header.resolve(in.name(), row, fields, s.mapping());
                    cells = new Cells(in.name(), s, out.header);
                    converter = binder.bind(out.header);
                    keyCol = unique == null ? null : out.header.col(unique.field());
                    continue;
                }
                if (row.isBlank()) {
                    continue;
                }
                if (++out.rowsRead > maxRows) {
                    throw new CsvImportException(List.of(new ImportProblem(in.name(), row.line, null, 0, null,
                            "the file has more than " + maxRows + " data rows, the limit")));
                }
                cells.reset(row);
                T record = null;
                if (row.fieldCount != out.header.size()) {
                    cells.rowProblem("row has " + row.fieldCount + (row.fieldCount == 1 ? " field" : " fields")
                            + " but the header has " + out.header.size());
                } else if (row.longField >= 0) {
                    String name = out.header.names.get(row.longField);
                    cells.problems().add(new ImportProblem(in.name(), row.line, name, row.longField + 1,
                            row.longFieldStart + "...", "value of " + row.longFieldLength
                            + " characters is longer than the limit of " + s.limits().maxFieldLength()));
                } else {
                    try {
                        record = converter.convert(cells);
                    } catch (IllegalArgumentException e) {
                        // A rule the converter did not check cell by cell, e.g. one in a core constructor.
                        cells.rowProblem(e.getMessage());
                    }
                    if (record == null && !cells.hasProblems()) {
                        cells.rowProblem("row could not be read");
                    }
                }
                if (!cells.hasProblems() && unique != null) {
                    String key = unique.key().apply(record);
                    Integer first = seen.putIfAbsent(key, (int) Math.min(row.line, Integer.MAX_VALUE));
                    if (first != null) {
                        cells.problem(keyCol, "duplicate " + unique.describe().apply(key) + "; first seen on line " + first);
                    }
                }
                if (cells.hasProblems()) {
                    if (s.strict()) {
                        throw new CsvImportException(cells.problems());
                    }
                    out.problems.addAll(cells.problems());
                } else {
                    out.add(record, row.line);
                }
            }
            if (out.header == null) {
                throw new CsvImportException(List.of(new ImportProblem(in.name(), 0, null, 0, null,
                        "the file is empty; expected a header row with the columns "
                                + fields.stream().filter(Field::required).map(f -> s.mapping().header(f.name())).toList())));
            }
        } catch (CsvParseException e) {
            String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new CsvImportException(List.of(new ImportProblem(in.name(), lastLine + 1, null, 0, null,
                    "the file cannot be read as CSV after line " + lastLine + ": " + msg)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
