package io.salesops.io;

import io.salesops.core.crm.OpportunityColumns;
import io.salesops.core.money.Money;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * dictionary per column (codes in order of first appearance among the rows kept). Columns are copied on several
 * threads, each into an array of the final size, and dropped from the chunks as soon as they are copied.
 * Used once; not thread-safe.
 */
final class ChunkMerge {

    /** The chunks of a read, in file order with their line offsets, and the number of data rows read. */
    record Chunks(List<ChunkRows> list, int rowsRead) {
    }

    /** Visits the kept rows of a chunk's block: row {@code j} of block {@code b}. */
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

    /** Calls {@code rows} for each row of chunk {@code k} not left out, in order, a block at a time. */
    private void forKept(int k, Rows rows) {
        ChunkRows c = list.get(k);
        boolean[] out = rejected[k];
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
        found.addAll(findRepeats());
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
     * The first row of each id in file order is kept, any later one is a problem. The ids are split by hash among
     * the threads, each with an open-addressing table over (chunk, row) + 1 of its own.
     */
    private List<ImportProblem> findRepeats() throws IOException {
        int rows = 0;
        for (ChunkRows c : list) {
            rows += c.size;
        }
        int parts = Math.max(1, threads);
        int cap = Integer.highestOneBit(Math.max(16, rows / parts * 2 + 16) * 2 - 1) << 1;
        List<List<long[]>> repeats = new ArrayList<>();
        for (int t = 0; t < parts; t++) {
            repeats.add(new ArrayList<>());
        }
        int[] starts = new int[list.size() + 1];
        for (int k = 0; k < list.size(); k++) {
            starts[k + 1] = starts[k] + list.get(k).size;
        }
        Workers.run(parts, parts, part -> {
            // per slot: the id's hash (high half) and its row among all chunks' rows + 1, so most probes
            // settle on the slot alone without fetching the row
            long[] slots = new long[cap];
            int mask = cap - 1;
            for (int k = 0; k < list.size(); k++) {
                ChunkRows c = list.get(k);
                for (int r = 0; r < c.size; r++) {
                    int h = c.block(r).idHash[r & ChunkRows.MASK];
                    if (Integer.remainderUnsigned(h * 0x9E3779B9 >>> 7, parts) != part) {
                        continue;
                    }
                    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
                        long v = slots[slot];
                        if (v == 0) {
                            slots[slot] = ((long) h << 32) | (starts[k] + r + 1L);
                            break;
                        }
                        if ((int) (v >>> 32) != h) {
                            continue;
                        }
                        int g = (int) v - 1;
                        int fk = chunkOf(starts, g);
                        int fr = g - starts[fk];
                        if (sameId(list.get(fk), fr, c, r)) {
                            rejected[k][r] = true;
                            repeats.get(part).add(new long[] {k, r, fk, fr});
                            break;
                        }
                    }
                }
            }
        });
        Col idCol = header.col("id");
        List<ImportProblem> out = new ArrayList<>();
        for (List<long[]> part : repeats) {
            for (long[] x : part) {
                ChunkRows c = list.get((int) x[0]);
                int r = (int) x[1];
                ChunkRows f = list.get((int) x[2]);
                int fr = (int) x[3];
                ChunkRows.Block b = c.block(r);
                int j = r & ChunkRows.MASK;
                String key = new String(c.textBlock(b.idRef[j]), ChunkRows.textOffset(b.idRef[j]), b.idLen[j],
                        StandardCharsets.UTF_8);
                String raw = c.paddedIds.getOrDefault(r, key);
                long firstLine = f.block(fr).line[fr & ChunkRows.MASK] + f.lineOffset;
                out.add(new ImportProblem(header.file, b.line[j] + c.lineOffset, idCol.header, idCol.index + 1,
                        Cells.preview(raw.strip()), "duplicate id \"" + key + "\"; first seen on line " + firstLine));
            }
        }
        return out;
    }

    /** @return the chunk holding row {@code g} of all the chunks' rows */
    private static int chunkOf(int[] starts, int g) {
        int k = Arrays.binarySearch(starts, g);
        k = k >= 0 ? k : -k - 2;
        while (k + 1 < starts.length - 1 && starts[k + 1] == g) {
            k++; // empty chunks share a start
        }
        return k;
    }

    private static boolean sameId(ChunkRows a, int ra, ChunkRows b, int rb) {
        ChunkRows.Block ba = a.block(ra);
        ChunkRows.Block bb = b.block(rb);
        int ja = ra & ChunkRows.MASK;
        int jb = rb & ChunkRows.MASK;
        int len = ba.idLen[ja];
        if (ba.idHash[ja] != bb.idHash[jb] || len != bb.idLen[jb]) {
            return false;
        }
        int oa = ChunkRows.textOffset(ba.idRef[ja]);
        int ob = ChunkRows.textOffset(bb.idRef[jb]);
        return Arrays.equals(a.textBlock(ba.idRef[ja]), oa, oa + len, b.textBlock(bb.idRef[jb]), ob, ob + len);
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

    /** @return the rows kept as columns; each is dropped from the chunks once copied */
    OpportunityColumns columns() throws IOException {
        int n = 0;
        for (boolean[] out : rejected) {
            for (boolean r : out) {
                n += r ? 0 : 1;
            }
        }
        int rows = n;
        OpportunityColumns out = new OpportunityColumns(n);
        OpportunityColumns.Coded[] coded = OpportunityColumns.Coded.values();
        int attributes = header.attributeIndexes.length;
        Recoded[] recoded = new Recoded[coded.length + attributes];
        // tasks: ids, names, the numbers, then each coded column and each attribute
        Workers.run(threads, 3 + recoded.length, task -> {
            if (task == 0 || task == 1) {
                texts(out, rows, task == 0);
            } else if (task == 2) {
                numbers(out, rows);
            } else if (task - 3 < coded.length) {
                int col = task - 3;
                recoded[col] = recode(rows, k -> list.get(k).dictionaries[col], b -> b.coded[col]);
                list.forEach(c -> c.blocks.forEach(b -> b.coded[col] = null));
            } else {
                int a = task - 3 - coded.length;
                recoded[task - 3] = recode(rows, k -> list.get(k).attributeValues[a], b -> b.attributes[a]);
                list.forEach(c -> c.blocks.forEach(b -> b.attributes[a] = null));
            }
        });
        list.forEach(c -> {
            c.blocks.clear();
            c.text.clear();
        });
        for (int col = 0; col < coded.length; col++) {
            out.coded(coded[col], recoded[col].values, recoded[col].codes);
        }
        // attributes in order of first appearance, as a builder fed row by row would list them
        Integer[] order = new Integer[attributes];
        for (int a = 0; a < attributes; a++) {
            order[a] = a;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer a) -> recoded[coded.length + a].firstRow)
                .thenComparingInt(a -> a));
        for (int a : order) {
            Recoded r = recoded[coded.length + a];
            if (r.values.length > 0) {
                out.attribute(header.attributeNames[a], r.values, r.codes);
            }
        }
        return out;
    }

    private void texts(OpportunityColumns out, int n, boolean ids) {
        long[] bytes = new long[1];
        for (int k = 0; k < list.size(); k++) {
            forKept(k, (b, j) -> bytes[0] += ids ? b.idLen[j] : b.nameLen[j]);
        }
        if (bytes[0] > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a text column holds at most 2 GB; this one would hold " + bytes[0] + " bytes");
        }
        byte[] text = new byte[(int) bytes[0]];
        int[] ends = new int[n];
        int[] at = new int[2];
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            forKept(k, (b, j) -> {
                int ref = ids ? b.idRef[j] : b.nameRef[j];
                int len = ids ? b.idLen[j] : b.nameLen[j];
                if (len > 0) {
                    System.arraycopy(c.textBlock(ref), ChunkRows.textOffset(ref), text, at[0], len);
                    at[0] += len;
                }
                ends[at[1]++] = at[0];
            });
        }
        if (ids) {
            out.ids(text, ends);
        } else {
            out.names(text, ends);
        }
    }

    /** A column's values in order of first appearance among the kept rows, each kept row's code, the first row with one. */
    private record Recoded(String[] values, int[] codes, int firstRow) {
    }

    private Recoded recode(int n, java.util.function.IntFunction<ByteDictionary> dictionary,
                           java.util.function.Function<ChunkRows.Block, int[]> column) {
        Map<String, Integer> global = new HashMap<>();
        List<String> values = new ArrayList<>();
        int[] codes = new int[n];
        int[] w = new int[1];
        int[] firstRow = {Integer.MAX_VALUE};
        for (int k = 0; k < list.size(); k++) {
            ByteDictionary d = dictionary.apply(k);
            int[] remap = new int[d.size()];
            Arrays.fill(remap, -1);
            forKept(k, (b, j) -> {
                int code = column.apply(b)[j];
                if (code >= 0) {
                    if (remap[code] < 0) {
                        remap[code] = global.computeIfAbsent(d.value(code), v -> {
                            values.add(v);
                            return values.size() - 1;
                        });
                    }
                    code = remap[code];
                    firstRow[0] = Math.min(firstRow[0], w[0]);
                }
                codes[w[0]++] = code;
            });
        }
        return new Recoded(values.toArray(String[]::new), codes, firstRow[0]);
    }

    private void numbers(OpportunityColumns out, int n) {
        long[] amount = new long[n];
        short[] currency = new short[n];
        int[] created = new int[n];
        int[] close = new int[n];
        byte[] status = new byte[n];
        byte[] category = new byte[n];
        List<Currency> currencies = new ArrayList<>();
        int[] w = new int[1];
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            short[] remap = new short[c.currencies.size()];
            Arrays.fill(remap, (short) -1);
            forKept(k, (b, j) -> {
                int i = w[0]++;
                if (remap[b.currency[j]] < 0) {
                    // in order of first appearance among the kept rows
                    Currency cur = c.currencies.get(b.currency[j]);
                    int g = currencies.indexOf(cur);
                    if (g < 0) {
                        g = currencies.size();
                        currencies.add(cur);
                    }
                    remap[b.currency[j]] = (short) g;
                }
                amount[i] = b.amount[j];
                currency[i] = remap[b.currency[j]];
                created[i] = b.created[j];
                close[i] = b.close[j];
                status[i] = b.status[j];
                category[i] = b.category[j];
            });
        }
        out.amounts(amount, currencies.toArray(Currency[]::new), currency);
        out.dates(created, close);
        out.statuses(status, category);
    }
}
