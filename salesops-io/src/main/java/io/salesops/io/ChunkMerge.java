package io.salesops.io;

import io.salesops.core.crm.OpportunityColumns;
import io.salesops.core.money.Money;
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
 * its currency's total past what Money holds is a problem too. Each chunk's strings are recoded into one
 * dictionary per column (codes in order of first appearance among the rows kept), and each column is copied into
 * an array of the final size and dropped from the chunks at once, so a load peaks at its rows plus one column.
 * Used once; not thread-safe.
 */
final class ChunkMerge {

    /** The chunks of a read, in file order with their line offsets, and the number of data rows read. */
    record Chunks(List<ChunkRows> list, int rowsRead) {
    }

    private final Chunks chunks;
    private final Header header;
    private final boolean strict;
    private final List<ImportProblem> problems = new ArrayList<>();
    /** Per chunk, the rows left out: repeated ids and amounts past a total. */
    private final boolean[][] rejected;

    ChunkMerge(Chunks chunks, Header header, boolean strict) {
        this.chunks = chunks;
        this.header = header;
        this.strict = strict;
        this.rejected = new boolean[chunks.list().size()][];
    }

    /** @return every problem of the read, by line, problems of one row in the order found */
    List<ImportProblem> problems() {
        return problems;
    }

    /**
     * Finds the rows to leave out and the problems, in file order.
     *
     * @throws CsvImportException in strict mode, with the problems of the first row that has any
     */
    void check() {
        List<ChunkRows> list = chunks.list();
        List<ImportProblem> found = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            rejected[k] = new boolean[c.size];
            for (int i = 0; i < c.problems.size(); i++) {
                ImportProblem p = c.problems.get(i);
                found.add(new ImportProblem(p.file(), p.line() + c.lineOffset, p.column(), p.columnNumber(), p.value(),
                        p.message()));
            }
            for (Object[] s : c.spanning) {
                CsvRow row = (CsvRow) s[1];
                row.line += c.lineOffset;
                ImportProblem p = found.get(found.size() - c.problems.size() + (Integer) s[0]);
                found.set(found.size() - c.problems.size() + (Integer) s[0], new ImportProblem(p.file(), p.line(),
                        null, 0, null, "row has " + row.fieldCount + (row.fieldCount == 1 ? " field" : " fields")
                        + " but the header has " + header.size() + row.spanningField()));
            }
        }
        List<ImportProblem> duplicates = findRepeats();
        found.addAll(duplicates);
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

    /** Open addressing over (chunk, row) + 1 by id hash: the first row of each id, in file order. */
    private List<ImportProblem> findRepeats() {
        List<ChunkRows> list = chunks.list();
        int rows = 0;
        for (ChunkRows c : list) {
            rows += c.size;
        }
        int cap = Integer.highestOneBit(Math.max(16, rows) * 2 - 1) << 1;
        long[] slots = new long[cap];
        int mask = cap - 1;
        Col idCol = header.col("id");
        List<ImportProblem> out = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            for (int r = 0; r < c.size; r++) {
                ChunkRows.Block b = c.block(r);
                int j = r & ChunkRows.MASK;
                int h = b.idHash[j];
                byte[] text = c.textBlock(b.idRef[j]);
                int from = ChunkRows.textOffset(b.idRef[j]);
                int len = b.idLen[j];
                for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
                    long v = slots[slot];
                    if (v == 0) {
                        slots[slot] = (((long) k << 32) | r) + 1;
                        break;
                    }
                    int fk = (int) ((v - 1) >>> 32);
                    int fr = (int) (v - 1);
                    ChunkRows fc = list.get(fk);
                    ChunkRows.Block fb = fc.block(fr);
                    int fj = fr & ChunkRows.MASK;
                    if (fb.idHash[fj] == h && fb.idLen[fj] == len && Arrays.equals(fc.textBlock(fb.idRef[fj]),
                            ChunkRows.textOffset(fb.idRef[fj]), ChunkRows.textOffset(fb.idRef[fj]) + len, text, from,
                            from + len)) {
                        rejected[k][r] = true;
                        String key = new String(text, from, len, java.nio.charset.StandardCharsets.UTF_8);
                        String raw = c.paddedIds.getOrDefault(r, key);
                        long firstLine = fb.line[fj] + fc.lineOffset;
                        out.add(new ImportProblem(header.file, b.line[j] + c.lineOffset, idCol.header, idCol.index + 1,
                                Cells.preview(raw.strip()), "duplicate id \"" + key + "\"; first seen on line " + firstLine));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
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
        for (int k = 0; k < chunks.list().size(); k++) {
            ChunkRows c = chunks.list().get(k);
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
            for (int r = 0; r < c.size; r++) {
                if (rejected[k][r]) {
                    continue;
                }
                ChunkRows.Block b = c.block(r);
                int j = r & ChunkRows.MASK;
                Currency cur = c.currencies.get(b.currency[j]);
                long t = totals.getOrDefault(cur, 0L);
                if (t > Long.MAX_VALUE - b.amount[j]) {
                    rejected[k][r] = true;
                    out.add(OpportunityCsvReader.totalPastMoney(header.file, b.line[j] + c.lineOffset, amountCol,
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
        ChunkRows c = chunks.list().get(k);
        long[] sums = new long[c.currencies.size()];
        for (int r = 0; r < c.size; r++) {
            if (!rejected[k][r]) {
                ChunkRows.Block b = c.block(r);
                int j = r & ChunkRows.MASK;
                if (sums[b.currency[j]] > Long.MAX_VALUE - b.amount[j]) {
                    return null;
                }
                sums[b.currency[j]] += b.amount[j];
            }
        }
        return sums;
    }

    /** @return the rows kept as columns; each chunk's blocks are dropped column by column as they are copied */
    OpportunityColumns columns() {
        List<ChunkRows> list = chunks.list();
        int n = 0;
        for (int k = 0; k < list.size(); k++) {
            for (boolean r : rejected[k]) {
                n += r ? 0 : 1;
            }
        }
        OpportunityColumns out = new OpportunityColumns(n);
        texts(out, n, true);
        texts(out, n, false);
        OpportunityColumns.Coded[] coded = OpportunityColumns.Coded.values();
        for (int col = 0; col < coded.length; col++) {
            int which = col;
            Recoded r = recode(n, k -> list.get(k).dictionaries[which], b -> b.coded[which]);
            out.coded(coded[col], r.values, r.codes);
            for (ChunkRows c : list) {
                c.blocks.forEach(b -> b.coded[which] = null);
            }
        }
        List<Object[]> attrs = new ArrayList<>();
        for (int a = 0; a < header.attributeIndexes.length; a++) {
            int which = a;
            Recoded r = recode(n, k -> list.get(k).attributeValues[which], b -> b.attributes[which]);
            if (r.values.length > 0) {
                attrs.add(new Object[] {r.firstRow, a, r});
            }
            for (ChunkRows c : list) {
                c.blocks.forEach(b -> b.attributes[which] = null);
            }
        }
        // in order of first appearance, as a builder fed row by row would list them
        attrs.sort(Comparator.<Object[]>comparingInt(x -> (Integer) x[0]).thenComparingInt(x -> (Integer) x[1]));
        for (Object[] x : attrs) {
            Recoded r = (Recoded) x[2];
            out.attribute(header.attributeNames[(Integer) x[1]], r.values, r.codes);
        }
        numbers(out, n);
        return out;
    }

    private void texts(OpportunityColumns out, int n, boolean ids) {
        List<ChunkRows> list = chunks.list();
        long bytes = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            for (int r = 0; r < c.size; r++) {
                if (!rejected[k][r]) {
                    ChunkRows.Block b = c.block(r);
                    bytes += ids ? b.idLen[r & ChunkRows.MASK] : b.nameLen[r & ChunkRows.MASK];
                }
            }
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a text column holds at most 2 GB; this one would hold " + bytes + " bytes");
        }
        byte[] text = new byte[(int) bytes];
        int[] ends = new int[n];
        int w = 0;
        int at = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            for (int r = 0; r < c.size; r++) {
                if (rejected[k][r]) {
                    continue;
                }
                ChunkRows.Block b = c.block(r);
                int j = r & ChunkRows.MASK;
                int ref = ids ? b.idRef[j] : b.nameRef[j];
                int len = ids ? b.idLen[j] : b.nameLen[j];
                if (len > 0) {
                    System.arraycopy(c.textBlock(ref), ChunkRows.textOffset(ref), text, at, len);
                    at += len;
                }
                ends[w++] = at;
            }
            if (!ids) {
                c.text.clear();
            }
        }
        if (ids) {
            out.ids(text, ends);
        } else {
            out.names(text, ends);
        }
    }

    /** A column's values in order of first appearance among the kept rows, and each kept row's code. */
    private record Recoded(String[] values, int[] codes, int firstRow) {
    }

    private Recoded recode(int n, java.util.function.IntFunction<ByteDictionary> dictionary,
                           java.util.function.Function<ChunkRows.Block, int[]> column) {
        List<ChunkRows> list = chunks.list();
        Map<String, Integer> global = new HashMap<>();
        List<String> values = new ArrayList<>();
        int[] codes = new int[n];
        int w = 0;
        int firstRow = -1;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            ByteDictionary d = dictionary.apply(k);
            int[] remap = new int[d.size()];
            Arrays.fill(remap, -2);
            for (int r = 0; r < c.size; r++) {
                if (rejected[k][r]) {
                    continue;
                }
                int code = column.apply(c.block(r))[r & ChunkRows.MASK];
                if (code >= 0) {
                    int g = remap[code];
                    if (g == -2) {
                        g = remap[code] = global.computeIfAbsent(d.value(code), v -> {
                            values.add(v);
                            return values.size() - 1;
                        });
                    }
                    code = g;
                    firstRow = firstRow < 0 ? w : firstRow;
                }
                codes[w++] = code;
            }
        }
        return new Recoded(values.toArray(String[]::new), codes, firstRow);
    }

    private void numbers(OpportunityColumns out, int n) {
        List<ChunkRows> list = chunks.list();
        long[] amount = new long[n];
        short[] currency = new short[n];
        int[] created = new int[n];
        int[] close = new int[n];
        byte[] status = new byte[n];
        byte[] category = new byte[n];
        List<Currency> currencies = new ArrayList<>();
        int w = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            short[] remap = new short[c.currencies.size()];
            Arrays.fill(remap, (short) -1);
            for (int r = 0; r < c.size; r++) {
                if (rejected[k][r]) {
                    continue;
                }
                ChunkRows.Block b = c.block(r);
                int j = r & ChunkRows.MASK;
                int cur = b.currency[j];
                if (remap[cur] < 0) {
                    int g = currencies.indexOf(c.currencies.get(cur));
                    if (g < 0) {
                        g = currencies.size();
                        currencies.add(c.currencies.get(cur));
                    }
                    remap[cur] = (short) g;
                }
                amount[w] = b.amount[j];
                currency[w] = remap[cur];
                created[w] = b.created[j];
                close[w] = b.close[j];
                status[w] = b.status[j];
                category[w] = b.category[j];
                w++;
            }
            c.blocks.clear();
        }
        out.amounts(amount, currencies.toArray(Currency[]::new), currency);
        out.dates(created, close);
        out.statuses(status, category);
    }
}
