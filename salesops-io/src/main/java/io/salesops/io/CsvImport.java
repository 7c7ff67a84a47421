package io.salesops.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one row loop every reader shares: FastCSV reads the records, the header is resolved against the reader's
 * fields, each data row goes through the reader's converter, and the row is kept or its problems are recorded
 * (lenient) or thrown (strict). Duplicate keys are problems of the later row. Large files may be read in two
 * chunks at once ({@link ChunkedRead}); the outcome is the same.
 */
final class CsvImport {

    private CsvImport() {
    }

    /** Converts one row; reports problems through the cells and returns null (or anything) if there are any. */
    interface Converter<T> {
        T convert(Cells cells);
    }

    /** Makes a converter for a resolved header; called once per file or chunk, so converters may keep state. */
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
     * @param describe  turns a key into words for the message, e.g. {@code id "O-1"}
     * @param keyIsCell true if the key is the stripped value of the {@code field} cell (an id), which lets a
     *                  chunked read report a repeat exactly as a sequential one
     */
    record Unique<T>(String field, Function<T, String> key, Function<String, String> describe, boolean keyIsCell) {
        String message(String key, long firstLine) {
            return "duplicate " + describe.apply(key) + "; first seen on line " + firstLine;
        }
    }

    /** The rows that became records with their lines, every problem, and the number of data rows. */
    static final class Outcome<T> {
        final ArrayList<T> records = new ArrayList<>();
        int[] lines = new int[16];
        final List<ImportProblem> problems = new ArrayList<>();
        int rowsRead;
        Header header;
        /** The converters bound, one per file or chunk, in file order: a columnar converter holds its rows. */
        final List<Converter<T>> converters = new ArrayList<>();

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
        if (s.parallel() && in.path() != null) {
            Outcome<T> out = ChunkedRead.read(in, s, fields, binder, unique);
            if (out != null) {
                return out;
            }
        }
        RowLoop<T> loop = new RowLoop<>(in.name(), s, fields, binder, unique, s.strict());
        if (in.path() != null) {
            loop.expectBytes(java.nio.file.Files.size(in.path()));
        }
        try (CsvReader<CsvRow> csv = open(in.path() != null ? in.path() : null, in.reader(), s, new RowHandler(s.limits()))) {
            loop.run(csv, null);
        }
        return loop.finish();
    }

    static CsvReader<CsvRow> open(Path path, Reader reader, CsvSettings s, RowHandler handler) throws IOException {
        CsvReader.CsvReaderBuilder b = CsvReader.builder()
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(path != null);
        return path != null ? b.build(handler, path, s.charset()) : b.build(handler, reader);
    }

    /**
     * Reads rows into an {@link Outcome}. In strict mode it throws at the first problem row, unless told to
     * stop there quietly ({@code throwAtFirst == false}), which a chunk does so that the problems of earlier
     * chunks come first.
     */
    static final class RowLoop<T> {
        private final String file;
        private final CsvSettings s;
        private final List<Field> fields;
        private final Binder<T> binder;
        private final Unique<T> unique;
        private final boolean throwAtFirst;
        final Outcome<T> out = new Outcome<>();
        final KeyIndex seen;
        /** Problems (by index in out.problems) that are duplicates within this loop, with their keys. */
        final List<Object[]> duplicates = new ArrayList<>();
        private Cells cells;
        private Converter<T> converter;
        private Col keyCol;
        boolean stopped;
        long lastLine;
        private long expectedBytes;
        private long sampledChars;

        RowLoop(String file, CsvSettings s, List<Field> fields, Binder<T> binder, Unique<T> unique, boolean throwAtFirst) {
            this.file = file;
            this.s = s;
            this.fields = fields;
            this.binder = binder;
            this.unique = unique;
            this.throwAtFirst = throwAtFirst;
            this.seen = unique == null ? null : new KeyIndex();
        }

        /**
         * The input's size in bytes, if known: after {@value #SAMPLE} rows the loop estimates the row count from
         * their average length and sizes its lists and id index once.
         */
        void expectBytes(long bytes) {
            this.expectedBytes = bytes;
        }

        private static final int SAMPLE = 1024;

        private void presize() {
            long estimate = Math.min(expectedBytes / Math.max(1, sampledChars / SAMPLE) + SAMPLE, s.limits().maxRows());
            // Capped: a wrong guess from short first rows must not reserve gigabytes; beyond it the lists grow.
            int rows = (int) Math.min(estimate, 1 << 22);
            out.records.ensureCapacity(rows);
            if (out.lines.length < rows) {
                out.lines = Arrays.copyOf(out.lines, rows);
            }
            if (seen != null) {
                seen.ensureCapacity(rows);
            }
        }

        void bind(Header header) {
            out.header = header;
            cells = new Cells(file, s, header);
            converter = binder.bind(header);
            out.converters.add(converter);
            keyCol = unique == null ? null : header.col(unique.field());
        }

        /** Reads every row; the first is the header unless {@code header} is given. */
        void run(CsvReader<CsvRow> csv, Header header) {
            if (header != null) {
                bind(header);
            }
            try {
                for (CsvRow row : csv) {
                    lastLine = row.line;
                    if (out.header == null) {
                        bind(Header.resolve(file, row, fields, s.mapping()));
                    } else if (!row.isBlank() && !accept(row)) {
                        stopped = true;
                        return;
                    }
                }
            } catch (CsvParseException e) {
                String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
                throw new CsvImportException(List.of(new ImportProblem(file, lastLine + 1, null, 0, null,
                        "the file cannot be read as CSV after line " + lastLine + ": " + msg)));
            } catch (UncheckedIOException e) {
                throw new CsvImportException(List.of(new ImportProblem(file, lastLine + 1, null, 0, null,
                        "the file cannot be read after line " + lastLine + ": " + e.getCause().getMessage())));
            }
        }

        Outcome<T> finish() {
            if (out.header == null) {
                throw new CsvImportException(List.of(new ImportProblem(file, 0, null, 0, null,
                        "the file is empty; expected a header row with the columns "
                                + fields.stream().filter(Field::required).map(f -> s.mapping().header(f.name())).toList())));
            }
            return out;
        }

        /** @return false to stop: strict mode met a problem row and does not throw */
        private boolean accept(CsvRow row) {
            if (expectedBytes > 0 && out.rowsRead < SAMPLE) {
                // Characters plus separators and a line break approximate the row's bytes in an ASCII-heavy file.
                sampledChars += row.length + row.size;
                if (out.rowsRead == SAMPLE - 1) {
                    presize();
                }
            }
            if (++out.rowsRead > s.limits().maxRows()) {
                throw new CsvImportException(List.of(new ImportProblem(file, row.line, null, 0, null,
                        "the file has more than " + s.limits().maxRows() + " data rows, the limit")));
            }
            Cells c = cells;
            c.reset(row);
            T record = null;
            if (row.fieldCount != out.header.size()) {
                c.rowProblem("row has " + row.fieldCount + (row.fieldCount == 1 ? " field" : " fields")
                        + " but the header has " + out.header.size());
            } else if (row.longField >= 0) {
                String name = out.header.names.get(row.longField);
                c.problems().add(new ImportProblem(file, row.line, name, row.longField + 1,
                        row.longFieldStart + "...", "value of " + row.longFieldLength
                        + " characters is longer than the limit of " + s.limits().maxFieldLength()));
            } else {
                try {
                    record = converter.convert(c);
                } catch (IllegalArgumentException e) {
                    // A rule the converter did not check cell by cell, e.g. one in a core constructor.
                    c.rowProblem(e.getMessage());
                }
                if (record == null && !c.hasProblems()) {
                    c.rowProblem("row could not be read");
                }
            }
            if (!c.hasProblems() && unique != null) {
                String key = unique.key().apply(record);
                int first = seen.putIfAbsent(key, (int) Math.min(row.line, Integer.MAX_VALUE));
                if (first != 0) {
                    duplicates.add(new Object[] {out.problems.size(), key, first});
                    c.problem(keyCol, unique.message(key, first));
                }
            }
            if (!c.hasProblems()) {
                out.add(record, row.line);
                return true;
            }
            if (s.strict() && throwAtFirst) {
                throw new CsvImportException(c.problems());
            }
            out.problems.addAll(c.problems());
            return !s.strict();
        }
    }
}
