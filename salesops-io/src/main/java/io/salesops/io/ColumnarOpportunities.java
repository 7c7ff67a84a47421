package io.salesops.io;

import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.OpportunityTableBuilder;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Reads opportunities straight into an {@link OpportunityTable}: the same row loop, cells, converter rules and
 * chunked parallel read as {@link OpportunityCsvReader#read}, so every problem is the same with the same file,
 * line and column, but each valid row is decoded into columns instead of becoming an object.
 *
 * <p>Read in one go, repeated ids are found in the table builder's own id index, so no string per row is kept.
 * Read in chunks, the row loop finds them (across chunks too) and the record of a row is its id string; each
 * chunk's converter appends to a builder of its own, the loop may still reject a row after it was appended (a
 * repeat across chunks), so the builders' rows are matched, by identity of the id string, against the records
 * the loop kept, and only those are joined into the table. Used once per read; not thread-safe.
 */
final class ColumnarOpportunities {

    private final OpportunityCsvReader reader;
    private final CsvSettings settings;
    private final io.salesops.core.crm.StageModel stageModel;

    ColumnarOpportunities(OpportunityCsvReader reader, CsvSettings settings, io.salesops.core.crm.StageModel stageModel) {
        this.reader = reader;
        this.settings = settings;
        this.stageModel = stageModel;
    }

    /**
     * Decodes rows into a builder of its own. Read in one go, it also finds repeated ids itself, in the builder's
     * id index, with the row loop's message and column, so no id string outlives its row; read in chunks, the
     * row loop does, and the record of a row is its id string.
     */
    private static final class RowsToColumns implements CsvImport.Converter<Object> {
        private static final Object KEPT = new Object();

        private final OpportunityCsvReader.Converter decoder;
        private final boolean findRepeats;
        final OpportunityTableBuilder rows = OpportunityTable.builder();
        /** Read in chunks: the id string of each row appended, the very object returned as its record. */
        String[] ids;
        /** Read in one go: the line of each row appended, for the message of a later repeat. */
        private int[] lines;

        RowsToColumns(OpportunityCsvReader.Converter decoder, boolean findRepeats) {
            this.decoder = decoder;
            this.findRepeats = findRepeats;
            if (findRepeats) {
                lines = new int[1024];
            } else {
                ids = new String[1024];
            }
        }

        @Override
        public Object convert(Cells c) {
            if (!decoder.decode(c)) {
                return null;
            }
            if (findRepeats) {
                int first = rows.rowOf(decoder.idV);
                if (first >= 0) {
                    c.problem(decoder.idColumn(), UNIQUE.message(decoder.idV, lines[first]));
                    return null;
                }
            }
            int row = decoder.addTo(c, rows);
            if (findRepeats) {
                if (row == lines.length) {
                    lines = java.util.Arrays.copyOf(lines, row + (row >> 1));
                }
                lines[row] = (int) Math.min(c.line(), Integer.MAX_VALUE);
                return KEPT;
            }
            if (row == ids.length) {
                ids = java.util.Arrays.copyOf(ids, row * 2);
            }
            ids[row] = decoder.idV;
            return decoder.idV;
        }
    }

    private static final CsvImport.Unique<Object> UNIQUE = new CsvImport.Unique<>("id", id -> (String) id,
            k -> "id \"" + k + "\"", true);

    TableImportResult read(CsvImport.Input in, CsvImport.Input historyIn) throws IOException {
        // Only a chunked read needs the row loop's index of id strings, to find repeats across chunks.
        boolean chunked = settings.parallel() && in.path() != null;
        CsvImport.Outcome<Object> out = CsvImport.read(in, settings, OpportunityCsvReader.FIELDS,
                h -> new RowsToColumns(new OpportunityCsvReader.Converter(h, settings, stageModel), !chunked),
                chunked ? UNIQUE : null);
        // The first chunk's builder, when it kept every row, becomes the table's; later chunks are appended to it.
        OpportunityTableBuilder table = null;
        int next = 0;
        List<Object> kept = out.records;
        for (CsvImport.Converter<Object> c : out.converters) {
            RowsToColumns chunk = (RowsToColumns) c;
            boolean[] keep = new boolean[chunk.rows.size()];
            boolean all = true;
            for (int r = 0; r < keep.length; r++) {
                if (next < kept.size() && (chunk.ids == null || chunk.ids[r] == kept.get(next))) {
                    keep[r] = true;
                    next++;
                } else {
                    all = false;
                }
            }
            chunk.ids = null;
            if (table == null && all) {
                table = chunk.rows;
            } else {
                table = table == null ? OpportunityTable.builder() : table;
                table.append(chunk.rows, keep);
            }
        }
        table = table == null ? OpportunityTable.builder() : table;
        if (next != kept.size()) {
            throw new IllegalStateException("columnar import matched " + next + " of " + kept.size() + " rows kept");
        }
        List<ImportProblem> problems = new ArrayList<>(out.problems);
        if (historyIn != null) {
            problems.addAll(attachHistory(table, out.header.file, historyIn));
        }
        return new TableImportResult(table.moveToTable(), problems, out.rowsRead);
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
