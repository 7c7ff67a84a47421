package io.salesops.io;

import de.siegmar.fastcsv.reader.CsvReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads a large file as two chunks on two threads, with the same outcome as reading it in one go.
 *
 * <p>The file is split just after a line feed near its middle. That is a record boundary unless the line feed is
 * inside a quoted field, which only the characters before it can tell: the first chunk's reader is wrapped in a
 * {@link Boundary} that follows the quoting as FastCSV does and counts line breaks. The second chunk is read at
 * once, speculatively, with line numbers from 1; when both are done the split is checked and the second chunk's
 * lines are shifted by the first chunk's line count. Duplicate keys across the chunks are found when merging.
 *
 * <p>Anything unusual (a split inside quotes, a strict-mode problem, a fatal error, a charset other than
 * UTF-8/ASCII/Latin-1, a UTF-16 byte-order mark) returns null, and the caller reads the file in one go, so the
 * problems and their order are exactly those of a sequential read.
 */
final class ChunkedRead {

    private ChunkedRead() {
    }

    static <T> CsvImport.Outcome<T> read(CsvImport.Input in, CsvSettings s, List<Field> fields,
                                         CsvImport.Binder<T> binder, CsvImport.Unique<T> unique) throws IOException {
        Charset cs = s.charset();
        if (unique != null && !unique.keyIsCell()) {
            return null;
        }
        if (!cs.equals(StandardCharsets.UTF_8) && !cs.equals(StandardCharsets.US_ASCII)
                && !cs.equals(StandardCharsets.ISO_8859_1)) {
            return null;
        }
        Path path = in.path();
        long size;
        long split;
        try (FileChannel ch = FileChannel.open(path)) {
            size = ch.size();
            if (size < s.parallelMinBytes() || size < 64) {
                return null;
            }
            ByteBuffer head = ByteBuffer.allocate(2);
            ch.read(head, 0);
            int b0 = head.get(0) & 0xff;
            int b1 = head.get(1) & 0xff;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
                return null;
            }
            split = afterLineFeed(ch, size / 2, size);
        }
        if (split <= 0 || split >= size) {
            return null;
        }
        Header header;
        try (CsvReader<CsvRow> csv = CsvImport.open(path, null, s, new RowHandler(s.limits()))) {
            Iterator<CsvRow> it = csv.iterator();
            if (!it.hasNext()) {
                return null;
            }
            header = Header.resolve(in.name(), it.next(), fields, s.mapping());
        }

        CsvImport.RowLoop<T> first = new CsvImport.RowLoop<>(in.name(), s, fields, binder, unique, false);
        CsvImport.RowLoop<T> second = new CsvImport.RowLoop<>(in.name(), s, fields, binder, unique, false);
        first.expectBytes(split);
        second.expectBytes(size - split);
        Boundary tail = new Boundary(range(path, split, size, cs));
        FutureTask<Void> task = new FutureTask<>(() -> {
            try (CsvReader<CsvRow> csv = CsvImport.open(null, tail, s, new RowHandler(s.limits()))) {
                second.run(csv, header);
            }
            return null;
        });
        Thread worker = new Thread(task, "salesops-csv-chunk");
        worker.setDaemon(true);
        worker.start();
        Boundary boundary = new Boundary(range(path, 0, split, cs));
        boolean ok = true;
        try (CsvReader<CsvRow> csv = CsvImport.open(null, boundary, s, new RowHandler(s.limits()))) {
            first.run(csv, null);
        } catch (RuntimeException e) {
            ok = false;
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + in.name());
        }
        if (!ok || first.stopped || second.stopped || !boundary.atRecordStart()
                || boundary.sawCarriageReturnInQuotes() || tail.sawCarriageReturnInQuotes()
                || (long) first.out.rowsRead + second.out.rowsRead > s.limits().maxRows()) {
            return null;
        }
        return merge(first, second, boundary.lineBreaks(), unique, s);
    }

    private static <T> CsvImport.Outcome<T> merge(CsvImport.RowLoop<T> first, CsvImport.RowLoop<T> second, long offset,
                                                  CsvImport.Unique<T> unique, CsvSettings s) {
        CsvImport.Outcome<T> out = first.out;
        CsvImport.Outcome<T> tail = second.out;
        List<ImportProblem> problems = new ArrayList<>(tail.problems.size());
        for (ImportProblem p : tail.problems) {
            problems.add(shift(p, offset, p.message()));
        }
        // A repeat within the second chunk was first seen in the first chunk, if the key is there.
        for (Object[] d : second.duplicates) {
            int index = (Integer) d[0];
            String key = (String) d[1];
            int firstLine = first.seen == null ? 0 : first.seen.get(key);
            long line = firstLine != 0 ? firstLine : (Integer) d[2] + offset;
            problems.set(index, shift(tail.problems.get(index), offset, unique.message(key, line)));
        }
        Col keyCol = unique == null ? null : out.header.col(unique.field());
        for (int i = 0; i < tail.records.size(); i++) {
            T record = tail.records.get(i);
            long line = tail.lines[i] + offset;
            if (unique != null) {
                String key = unique.key().apply(record);
                int firstLine = first.seen.get(key);
                if (firstLine != 0) {
                    ImportProblem p = new ImportProblem(tail.header.file, line, keyCol.header, keyCol.index + 1,
                            Cells.preview(key), unique.message(key, firstLine));
                    if (s.strict()) {
                        throw new CsvImportException(List.of(p));
                    }
                    problems.add(p);
                    continue;
                }
            }
            out.add(record, line);
        }
        problems.sort(Comparator.comparingLong(ImportProblem::line));
        out.problems.addAll(problems);
        out.rowsRead += tail.rowsRead;
        out.converters.addAll(tail.converters);
        return out;
    }

    private static ImportProblem shift(ImportProblem p, long offset, String message) {
        return new ImportProblem(p.file(), p.line() + offset, p.column(), p.columnNumber(), p.value(), message);
    }

    /** @return the position just after the first line feed at or after {@code from}, or -1 */
    private static long afterLineFeed(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (long pos = from; pos < size; ) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return -1;
    }

    private static Reader range(Path path, long start, long end, Charset cs) throws IOException {
        FileChannel ch = FileChannel.open(path);
        ch.position(start);
        InputStream raw = Channels.newInputStream(ch);
        InputStream bounded = new InputStream() {
            private long left = end - start;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = raw.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = raw.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
        return new InputStreamReader(bounded, cs);
    }

    /**
     * Follows the characters FastCSV reads, as FastCSV quotes them (a quote opens a quoted field only at the start
     * of a field; {@code ""} inside one is a quote; after the closing quote the field goes on unquoted), and
     * counts line breaks (CR, LF and CRLF each one) inside and outside quotes.
     */
    static final class Boundary extends FilterReader {
        private static final int RECORD_START = 0;
        private static final int FIELD_START = 1;
        private static final int UNQUOTED = 2;
        private static final int QUOTED = 3;
        private static final int QUOTE_IN_QUOTED = 4;

        private int state = RECORD_START;
        private boolean lastCr;
        private long lineBreaks;
        private boolean crInQuotes;

        Boundary(Reader in) {
            super(in);
        }

        boolean atRecordStart() {
            return state == RECORD_START;
        }

        /**
         * FastCSV 3.4.0 mishandles a carriage return inside a quoted field that ends a line (it drops the field
         * and joins the next line to the record), so this tracker cannot vouch for such input.
         */
        boolean sawCarriageReturnInQuotes() {
            return crInQuotes;
        }

        long lineBreaks() {
            return lineBreaks;
        }

        @Override
        public int read() throws IOException {
            int ch = super.read();
            if (ch >= 0) {
                track((char) ch);
            }
            return ch;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            int end = off + n;
            for (int i = off; i < end; i++) {
                char ch = cbuf[i];
                int from = i;
                // Most characters change nothing: skip them without the state switch.
                if (state == UNQUOTED) {
                    while (ch != ',' && ch != '\r' && ch != '\n' && ++i < end) {
                        ch = cbuf[i];
                    }
                } else if (state == QUOTED) {
                    while (ch != '"' && ch != '\r' && ch != '\n' && ++i < end) {
                        ch = cbuf[i];
                    }
                }
                if (i > from) {
                    lastCr = false;
                }
                if (i < end) {
                    track(ch);
                }
            }
            return n;
        }

        private void track(char ch) {
            if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && state == QUOTED) {
                    crInQuotes = true;
                }
                if (ch == '\r' || !lastCr) {
                    lineBreaks++;
                }
                lastCr = ch == '\r';
                if (state != QUOTED) {
                    state = RECORD_START;
                }
                return;
            }
            lastCr = false;
            switch (state) {
                case QUOTED:
                    if (ch == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                    break;
                case QUOTE_IN_QUOTED:
                    state = ch == '"' ? QUOTED : ch == ',' ? FIELD_START : UNQUOTED;
                    break;
                case UNQUOTED:
                    if (ch == ',') {
                        state = FIELD_START;
                    }
                    break;
                default:
                    state = ch == '"' ? QUOTED : ch == ',' ? FIELD_START : UNQUOTED;
                    break;
            }
        }
    }
}
