package io.salesops.io;

import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.OpportunityTableBuilder;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads opportunities straight into an {@link OpportunityTable}, with every problem exactly as
 * {@link OpportunityCsvReader#read} finds it, with the same file, line and column.
 *
 * <p>A UTF-8 or ASCII file is read from its bytes ({@link ByteTableRead}), in chunks on several threads when the
 * reader is parallel, and joined by {@link ChunkMerge}. Anything else (a reader, another charset, or a file the
 * byte reader does not vouch for) goes the exact way: the shared row loop, {@link Cells} and the converter, one
 * row at a time into a table builder, which finds repeated ids in its own id index, so no string per row is
 * kept. Used once per read; not thread-safe.
 */
final class ColumnarOpportunities {

    private final OpportunityCsvReader reader;
    private final CsvSettings settings;
    private final StageModel stageModel;

    ColumnarOpportunities(OpportunityCsvReader reader, CsvSettings settings, StageModel stageModel) {
        this.reader = reader;
        this.settings = settings;
        this.stageModel = stageModel;
    }

    TableImportResult read(CsvImport.Input in, CsvImport.Input historyIn) throws IOException {
        if (ByteTableRead.supports(settings, in)) {
            TableImportResult r = readBytes(in, historyIn, ByteTableRead.threadsFor(settings, Files.size(in.path())), 0);
            if (r != null) {
                return r;
            }
        }
        return readExactly(in, historyIn);
    }

    /**
     * Reads a file from its bytes in chunks of about {@code chunkBytes} (0 for the default) on {@code threads}.
     *
     * @return the result, or null if the file must be read the exact way
     */
    TableImportResult readBytes(CsvImport.Input in, CsvImport.Input historyIn, int threads, long chunkBytes)
            throws IOException {
        ByteTableRead bytes = new ByteTableRead(settings, stageModel, reader.knownStagesOnly, in, threads, chunkBytes,
                false);
        ChunkMerge.Chunks chunks = bytes.read();
        if (chunks == null) {
            return null;
        }
        ChunkMerge merge = new ChunkMerge(chunks, bytes.header(), settings.strict(), threads);
        merge.check();
        return finish(merge.columns().toBuilder(), merge.problems(), chunks.rowsRead(), in, historyIn);
    }

    /**
     * Checks a file and counts its valid rows. Read from its bytes, each chunk is counted once decoded and only the
     * ids of its rows (for repeats) are kept until the end; if a row must then be left out (a repeated id, a total
     * past Money), the file is read again keeping each row's counted fields. Any other file is read in full and
     * then counted.
     */
    ImportSummary summarize(CsvImport.Input in, int threads, long chunkBytes) throws IOException {
        if (ByteTableRead.supports(settings, in)) {
            int n = threads > 0 ? threads : ByteTableRead.threadsFor(settings, Files.size(in.path()));
            ImportSummary s;
            try {
                s = summarizeBytes(in, n, chunkBytes, true);
            } catch (ChunkMerge.NeedsColumns e) {
                s = summarizeBytes(in, n, chunkBytes, false);
            }
            if (s != null) {
                return s;
            }
        }
        return SummaryCounts.of(readExactly(in, null));
    }

    /** @return the summary of a byte read, or null if the file must be read the exact way */
    private ImportSummary summarizeBytes(CsvImport.Input in, int threads, long chunkBytes, boolean fold)
            throws IOException {
        ByteTableRead bytes = new ByteTableRead(settings, stageModel, reader.knownStagesOnly, in, threads, chunkBytes, true);
        ChunkMerge.Chunks chunks = (fold ? bytes.folding() : bytes).read();
        if (chunks == null) {
            return null;
        }
        ChunkMerge merge = new ChunkMerge(chunks, bytes.header(), settings.strict(), bytes.threads());
        merge.check();
        return merge.summary(chunks.rowsRead());
    }

    private TableImportResult finish(OpportunityTableBuilder table, List<ImportProblem> found, int rowsRead,
                                     CsvImport.Input in, CsvImport.Input historyIn) throws IOException {
        List<ImportProblem> problems = new ArrayList<>(found);
        if (historyIn != null) {
            problems.addAll(attachHistory(table, in.name(), historyIn));
        }
        return new TableImportResult(table.moveToTable(), problems, rowsRead);
    }

    /** Decodes rows into a builder and finds repeated ids in its id index, with the row loop's message and column. */
    private static final class RowsToColumns implements CsvImport.Converter<Object> {
        private static final Object KEPT = new Object();

        private final OpportunityConverter decoder;
        final OpportunityTableBuilder rows = OpportunityTable.builder();
        /** The line of each row appended, for the message of a later repeat. */
        int[] lines = new int[1024];

        RowsToColumns(OpportunityConverter decoder) {
            this.decoder = decoder;
        }

        @Override
        public Object convert(Cells c) {
            // convert, not just decode: an opportunity's own rules come before the repeat check, as in the object read
            if (decoder.convert(c) == null) {
                return null;
            }
            int first = rows.rowOf(decoder.idV);
            if (first >= 0) {
                c.problem(decoder.idColumn(), "duplicate id \"" + decoder.idV + "\"; first seen on line " + lines[first]);
                return null;
            }
            int row = decoder.addTo(c, rows);
            if (row == lines.length) {
                lines = java.util.Arrays.copyOf(lines, row + (row >> 1));
            }
            lines[row] = (int) Math.min(c.line(), Integer.MAX_VALUE);
            return KEPT;
        }
    }

    /** One row at a time, in one go: the reference the byte read matches. */
    TableImportResult readExactly(CsvImport.Input in, CsvImport.Input historyIn) throws IOException {
        CsvSettings s = settings;
        CsvSettings sequential = new CsvSettings(s.mapping(), s.dates(), s.limits(), s.strict(), s.defaultCurrency(),
                s.charset(), false, s.parallelMinBytes());
        CsvImport.Outcome<Object> out = CsvImport.read(in, sequential, OpportunityCsvReader.FIELDS,
                h -> new RowsToColumns(new OpportunityConverter(h, sequential, stageModel, reader.knownStagesOnly)),
                null);
        RowsToColumns rows = (RowsToColumns) out.converters.get(0);
        List<ImportProblem> problems = new ArrayList<>(out.problems);
        OpportunityTableBuilder table = boundTotals(rows, out.header, problems);
        return finish(table, problems, out.rowsRead, in, historyIn);
    }

    /** As {@link OpportunityCsvReader} bounds them: a row that takes its currency's total past Money is a problem. */
    private OpportunityTableBuilder boundTotals(RowsToColumns rows, Header header, List<ImportProblem> problems) {
        OpportunityTableBuilder table = rows.rows;
        Map<Currency, Long> totals = new HashMap<>();
        boolean[] keep = new boolean[table.size()];
        boolean all = true;
        for (int r = 0; r < keep.length; r++) {
            Currency cur = table.currency(r);
            long a = table.amountMinor(r);
            long t = totals.getOrDefault(cur, 0L);
            keep[r] = t <= Long.MAX_VALUE - a;
            if (keep[r]) {
                totals.put(cur, t + a);
                continue;
            }
            ImportProblem p = OpportunityCsvReader.totalPastMoney(header.file, rows.lines[r], header.col("amount"),
                    Money.ofMinor(a, cur));
            if (settings.strict()) {
                throw new CsvImportException(List.of(p));
            }
            problems.add(p);
            all = false;
        }
        problems.sort(Comparator.comparingLong(ImportProblem::line));
        return all ? table : OpportunityTable.builder().append(table, keep);
    }

    private List<ImportProblem> attachHistory(OpportunityTableBuilder table, String oppFile,
                                              CsvImport.Input historyIn) throws IOException {
        CsvImport.Outcome<OpportunityCsvReader.Change> changes = reader.readChanges(historyIn, oppFile,
                new OpportunityCsvReader.HistoryTargets() {
                    @Override
                    public int index(String id) {
                        return table.rowOf(id);
                    }

                    @Override
                    public Currency currency(int index) {
                        return table.currency(index);
                    }

                    @Override
                    public LocalDate created(int index) {
                        return table.createdDate(index);
                    }
                });
        for (OpportunityCsvReader.Change c : changes.records) {
            table.change(c.index(), c.change().date(), c.change().stage(),
                    c.change().amount() == null ? OpportunityTable.NO_AMOUNT : c.change().amount().minorUnits(),
                    c.change().closeDate());
        }
        return changes.problems;
    }
}
