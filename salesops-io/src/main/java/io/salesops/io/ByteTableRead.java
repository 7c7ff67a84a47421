package io.salesops.io;

import io.salesops.core.crm.StageModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an opportunities file from its bytes straight into columns, in chunks on several threads, with exactly the
 * outcome of a row-by-row read.
 *
 * <p>The header is read first. The rest is cut into more chunks than threads (so that a slow thread does not hold
 * up the others), each just after a line feed. A line feed may be inside a quoted field, which only the bytes
 * before it can tell, so each chunk is read speculatively from its start, its records to the end of the last one
 * that starts in it ({@link ByteRecords}). Then, in file order, a chunk is kept if it starts where the chunk
 * before it ended, and read again from there if not; its lines are shifted by the line breaks before it. The
 * {@link ChunkMerge} then finds repeated ids across chunks, bounds the totals, and joins the chunks' columns.
 *
 * <p>A file the byte reader does not vouch for ({@link ByteRecords.Unsupported}: not UTF-8 or ASCII, a quote left
 * open, more rows than the limit...) gives null: the caller reads it the exact, slower way. Used once per read.
 */
final class ByteTableRead {

    private static final int MIN_CHUNK = 1 << 20;

    private final CsvSettings settings;
    private final StageModel model;
    private final boolean knownStagesOnly;
    private final String file;
    private final Path path;
    private final int threads;
    private final long chunkBytes;
    private final boolean countsOnly;
    /** True to count each chunk once decoded and keep of its rows only what finding repeated ids needs. */
    private boolean fold;
    private FileChannel channel;
    private long size;
    private Header header;

    /**
     * @param threads    how many threads decode chunks, at least 1
     * @param chunkBytes the size a chunk is aimed at; 0 for the default (more chunks than threads, of 1 MiB or more)
     * @param countsOnly true to keep only what a summary counts, not every column
     */
    ByteTableRead(CsvSettings settings, StageModel model, boolean knownStagesOnly, CsvImport.Input in, int threads,
                  long chunkBytes, boolean countsOnly) {
        this.countsOnly = countsOnly;
        this.settings = settings;
        this.model = model;
        this.knownStagesOnly = knownStagesOnly;
        this.file = in.name();
        this.path = in.path();
        this.threads = threads;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Folds each chunk's counted fields into its counts once it is decoded ({@link ChunkRows#folding()}): for a
     * summary that can be made without knowing which rows repeat an earlier id.
     *
     * @return this read
     */
    ByteTableRead folding() {
        this.fold = countsOnly;
        return this;
    }

    /** The threads a read of a file of this size uses under {@code settings}. */
    static int threadsFor(CsvSettings settings, long bytes) {
        return settings.parallel() && bytes >= settings.parallelMinBytes()
                ? Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8)) : 1;
    }

    /** @return true if the byte reader can read files in this charset */
    static boolean supports(CsvSettings s, CsvImport.Input in) {
        return in.path() != null && !Files.isDirectory(in.path())
                && (s.charset().equals(StandardCharsets.UTF_8) || s.charset().equals(StandardCharsets.US_ASCII));
    }

    /**
     * @return the chunks read, in file order, each with its line offset; null if the file must be read the exact way
     * @throws CsvImportException if the header lacks required columns
     */
    ChunkMerge.Chunks read() throws IOException {
        try (FileChannel ch = FileChannel.open(path)) {
            channel = ch;
            size = ch.size();
            ByteRecords head = records(0, size);
            head.skipByteOrderMark();
            if (!head.next()) {
                return null;
            }
            header = Header.resolve(file, ByteRecordRows.toRow(head, 0), OpportunityCsvReader.FIELDS, settings.mapping());
            long dataStart = head.position();
            List<ChunkRows> chunks = plan(dataStart);
            decodeAll(chunks);
            return verify(chunks, dataStart, head.lineBreaks());
        } catch (ByteRecords.Unsupported e) {
            return null;
        } finally {
            channel = null;
        }
    }

    int threads() {
        return threads;
    }

    Header header() {
        return header;
    }

    private ByteRecords records(long start, long limit) {
        return new ByteRecords(channel, start, limit, size, Math.min(settings.limits().maxFieldLength(), ChunkRows.TEXT_BLOCK),
                settings.limits().maxColumns(), settings.charset().equals(StandardCharsets.US_ASCII));
    }

    private List<ChunkRows> plan(long dataStart) throws IOException {
        long len = size - dataStart;
        long target = chunkBytes > 0 ? chunkBytes : Math.max(MIN_CHUNK, len / (threads * 4L));
        int n = (int) Math.max(1, Math.min(threads == 1 && chunkBytes == 0 ? 1 : 4096, (len + target - 1) / target));
        List<ChunkRows> chunks = new ArrayList<>(n);
        long start = dataStart;
        for (int k = 1; k <= n; k++) {
            long end = k == n ? size : Math.max(start, afterLineFeed(dataStart + len * k / n));
            chunks.add(new ChunkRows(start, end, header.attributeIndexes.length, countsOnly, n == 1, header.size()));
            start = end;
        }
        return chunks;
    }

    /** @return the position just after the first line feed at or after {@code from}, or the file's size */
    private long afterLineFeed(long from) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        for (long pos = from; pos < size; ) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    private void decodeAll(List<ChunkRows> chunks) throws IOException {
        Workers.run(threads, chunks.size(), i -> {
            try {
                decode(chunks.get(i));
            } catch (ByteRecords.Unsupported e) {
                chunks.get(i).unsupported = true;
            }
        });
    }

    private void decode(ChunkRows c) throws IOException, ByteRecords.Unsupported {
        if (fold) {
            c.folding();
        }
        ByteRecords rec = records(c.start, c.limit);
        RowDecoder decoder = new RowDecoder(header, settings, model, knownStagesOnly, c);
        int maxRows = settings.limits().maxRows();
        boolean strict = settings.strict();
        while (rec.next()) {
            if (ByteRecordRows.isBlank(rec)) {
                continue;
            }
            if (++c.rowsRead > maxRows) {
                throw new ByteRecords.Unsupported("more rows than the limit");
            }
            if (!decoder.decode(rec, c) && strict) {
                c.stopped = true;
                break;
            }
        }
        c.end = rec.position();
        c.lineBreaks = rec.lineBreaks();
        if (fold) {
            c.fold(true);
        }
    }

    /**
     * Keeps each chunk that starts where the one before it ended and reads the others again from there; sets
     * the line offsets. In strict mode the chunks after the first that stopped at a problem row are dropped.
     */
    private ChunkMerge.Chunks verify(List<ChunkRows> chunks, long dataStart, long headerLines)
            throws IOException, ByteRecords.Unsupported {
        long expected = dataStart;
        long offset = headerLines;
        long rows = 0;
        List<ChunkRows> kept = new ArrayList<>(chunks.size());
        for (ChunkRows c : chunks) {
            if (c.start != expected) {
                c = new ChunkRows(expected, Math.max(expected, c.limit), header.attributeIndexes.length, countsOnly, false,
                        header.size());
                decode(c);
            } else if (c.unsupported) {
                throw new ByteRecords.Unsupported("a chunk");
            }
            c.lineOffset = offset;
            kept.add(c);
            rows += c.rowsRead;
            if (rows > settings.limits().maxRows()) {
                throw new ByteRecords.Unsupported("more rows than the limit");
            }
            if (c.stopped) {
                break;
            }
            offset += c.lineBreaks;
            expected = c.end;
        }
        return new ChunkMerge.Chunks(kept, (int) rows);
    }
}
