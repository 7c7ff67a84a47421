package io.salesops.io;

import io.salesops.core.crm.OpportunityColumns;
import io.salesops.core.money.Money;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the chunks of a byte read into one set of columns, in file order, as a row-by-row read would have kept
 * them: a repeated id is a problem of the later row (naming the line of the first), and a row whose amount takes
 * its currency's total past what Money holds is a problem too. {@link ChunkColumns} then joins the rows kept into
 * columns, or {@link #summary} counts them. Used once; not thread-safe.
 */
final class ChunkMerge {

    /** The chunks of a read, in file order with their line offsets, and the number of data rows read. */
    record Chunks(List<ChunkRows> list, int rowsRead) {
    }

    /**
     * Thrown by the checks of chunks whose counted fields were folded ({@link ChunkRows#folding()}) when a row must be
     * left out after all (its id repeats, or its amount takes a total past Money): the counts include it, so the
     * summary needs the rows' fields again.
     */
    static final class NeedsColumns extends RuntimeException {
        NeedsColumns() {
            super(null, null, false, false);
        }
    }

    /** Visits a kept row: its counted columns are at index {@code j} of block {@code b}. */
    private interface Rows {
        void row(ChunkRows.Block b, int j);
    }

    private final List<ChunkRows> list;
    private final Header header;
    private final boolean strict;
    private final int threads;
    private final List<ImportProblem> problems = new ArrayList<>();
    /** Per chunk, the rows left out: repeated ids and amounts past a total. */
    private final boolean[][] rejected;

    ChunkMerge(Chunks chunks, Header header, boolean strict, int threads) {
        this.list = chunks.list();
        this.header = header;
        this.strict = strict;
        this.threads = threads;
        this.rejected = new boolean[list.size()][];
        for (int k = 0; k < list.size(); k++) {
            rejected[k] = new boolean[list.get(k).size];
        }
    }

    /** @return every problem of the read, by line, problems of one row in the order found */
    List<ImportProblem> problems() {
        return problems;
    }

    /**
     * Calls {@code rows} for each row of chunk {@code k} not left out, in order, with the block holding its counted
     * columns and its index there.
     */
    private void forKept(int k, Rows rows) {
        ChunkRows c = list.get(k);
        boolean[] out = rejected[k];
        if (c.whole != null) {
            for (int r = 0; r < c.size; r++) {
                if (!out[r]) {
                    rows.row(c.whole, r);
                }
            }
            return;
        }
        for (int bi = 0; bi < c.blocks.size(); bi++) {
            ChunkRows.Block b = c.blocks.get(bi);
            int base = bi << ChunkRows.SHIFT;
            int n = Math.min(ChunkRows.BLOCK, c.size - base);
            for (int j = 0; j < n; j++) {
                if (!out[base + j]) {
                    rows.row(b, j);
                }
            }
        }
    }

    /**
     * Finds the rows to leave out and the problems, in file order.
     *
     * @throws CsvImportException in strict mode, with the problems of the first row that has any
     */
    void check() throws IOException {
        List<ImportProblem> found = new ArrayList<>();
        for (ChunkRows c : list) {
            int first = found.size();
            for (ImportProblem p : c.problems) {
                found.add(new ImportProblem(p.file(), p.line() + c.lineOffset, p.column(), p.columnNumber(), p.value(),
                        p.message()));
            }
            for (Object[] s : c.spanning) {
                CsvRow row = (CsvRow) s[1];
                row.line += c.lineOffset;
                found.set(first + (Integer) s[0], new ImportProblem(header.file, row.line, null, 0, null, "row has "
                        + row.fieldCount + (row.fieldCount == 1 ? " field" : " fields") + " but the header has "
                        + header.size() + row.spanningField()));
            }
        }
        found.addAll(new RepeatedIds(list, header, threads).find(rejected));
        found.sort(Comparator.comparingLong(ImportProblem::line));
        if (strict && !found.isEmpty()) {
            long first = found.get(0).line();
            throw new CsvImportException(found.stream().filter(p -> p.line() == first).toList());
        }
        List<ImportProblem> totals = boundTotals();
        if (strict && !totals.isEmpty()) {
            throw new CsvImportException(List.of(totals.get(0)));
        }
        found.addAll(totals);
        found.sort(Comparator.comparingLong(ImportProblem::line));
        problems.addAll(found);
    }

    /**
     * Amounts are never negative, so if the total in each currency fits in Money so does every sum of them; the
     * row that takes a total past it is the problem, as {@link OpportunityCsvReader} reports it. A chunk whose
     * sums fit is added at once, any other row by row.
     */
    private List<ImportProblem> boundTotals() {
        List<ImportProblem> out = new ArrayList<>();
        Map<Currency, Long> totals = new HashMap<>();
        Col amountCol = header.col("amount");
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            long[] sums = sums(k);
            boolean fits = sums != null;
            for (int i = 0; fits && i < sums.length; i++) {
                fits = totals.getOrDefault(c.currencies.get(i), 0L) <= Long.MAX_VALUE - sums[i];
            }
            if (fits) {
                for (int i = 0; i < sums.length; i++) {
                    totals.merge(c.currencies.get(i), sums[i], Long::sum);
                }
                continue;
            }
            if (c.folded != null) {
                throw new NeedsColumns();
            }
            for (int r = 0; r < c.size; r++) {
                if (rejected[k][r]) {
                    continue;
                }
                ChunkRows.Block b = c.counted(r);
                int j = c.countedIndex(r);
                Currency cur = c.currencies.get(b.currency[j]);
                long t = totals.getOrDefault(cur, 0L);
                if (t > Long.MAX_VALUE - b.amount[j]) {
                    rejected[k][r] = true;
                    int line = c.block(r).line[r & ChunkRows.MASK];
                    out.add(OpportunityCsvReader.totalPastMoney(header.file, line + c.lineOffset, amountCol,
                            Money.ofMinor(b.amount[j], cur)));
                } else {
                    totals.put(cur, t + b.amount[j]);
                }
            }
        }
        return out;
    }

    /** @return chunk {@code k}'s total of kept amounts per currency of the chunk, or null if one overflows */
    private long[] sums(int k) {
        ChunkRows.Folded folded = list.get(k).folded;
        if (folded != null) {
            for (boolean r : rejected[k]) {
                if (r) {
                    throw new NeedsColumns();
                }
            }
            return folded.overflow ? null : Arrays.copyOf(folded.sums, list.get(k).currencies.size());
        }
        long[] sums = new long[list.get(k).currencies.size()];
        boolean[] overflow = new boolean[1];
        forKept(k, (b, j) -> {
            if (sums[b.currency[j]] > Long.MAX_VALUE - b.amount[j]) {
                overflow[0] = true;
            } else {
                sums[b.currency[j]] += b.amount[j];
            }
        });
        return overflow[0] ? null : sums;
    }

    /** @return the kept rows counted, once {@link #check()} has found the rows to leave out */
    ImportSummary summary(int rowsRead) {
        SummaryCounts s = new SummaryCounts();
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            int[] stages = codes(c.dictionaries[2], s.stages);
            int[] owners = codes(c.dictionaries[1], s.owners);
            if (c.folded != null) {
                s.add(c.folded, stages, owners, c.currencies);   // no row left out: boundTotals made sure
                continue;
            }
            forKept(k, (b, j) -> s.add(b.status[j], stages[b.coded[2][j]], owners[b.coded[1][j]], b.created[j],
                    b.close[j], c.currencies.get(b.currency[j]), b.amount[j]));
        }
        return s.toSummary(rowsRead, problems);
    }

    private static int[] codes(ByteDictionary d, SummaryCounts.Counted to) {
        int[] codes = new int[d.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = to.code(d.value(i));
        }
        return codes;
    }

    /** @return the rows kept as columns; each is dropped from the chunks once copied */
    OpportunityColumns columns() throws IOException {
        return new ChunkColumns(list, rejected, header, threads).columns();
    }
}
