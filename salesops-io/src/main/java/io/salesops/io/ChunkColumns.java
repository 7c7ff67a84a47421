package io.salesops.io;

import io.salesops.core.crm.OpportunityColumns;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the rows {@link ChunkMerge} kept, chunk after chunk in file order, into one set of columns: each chunk's
 * strings recoded into one dictionary per column (codes in order of first appearance among the rows kept), the
 * columns copied on several threads, each into an array of the final size, and dropped from the chunks as soon
 * as they are copied. The only chunk of a serial read keeps its columns and texts whole ({@link ChunkRows#whole}):
 * they become the table's where they are, recoded in place and with the rows left out squeezed out, no copy made.
 * Used once; not thread-safe.
 */
final class ChunkColumns {

    private final List<ChunkRows> list;
    /** Per chunk, the rows left out. */
    private final boolean[][] rejected;
    private final Header header;
    private final int threads;

    ChunkColumns(List<ChunkRows> list, boolean[][] rejected, Header header, int threads) {
        this.list = list;
        this.rejected = rejected;
        this.header = header;
        this.threads = threads;
    }

    /** @return the rows kept as columns; each is dropped from the chunks once copied */
    OpportunityColumns columns() throws IOException {
        int n = 0;
        for (boolean[] left : rejected) {
            for (boolean r : left) {
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
                list.forEach(c -> c.blocks.stream().filter(b -> b.attributes != null).forEach(b -> b.attributes[a] = null));
            }
        });
        list.forEach(c -> {
            c.blocks.clear();
            c.ids.blocks.clear();
            c.names.blocks.clear();
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
        long bytes = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            boolean[] left = rejected[k];
            for (int bi = 0; bi < c.blocks.size(); bi++) {
                ChunkRows.Block b = c.blocks.get(bi);
                int[] lens = ids ? b.idLen : b.nameLen;
                int base = bi << ChunkRows.SHIFT;
                for (int j = 0, m = rowsIn(c, bi); j < m; j++) {
                    bytes += left[base + j] ? 0 : lens[j];
                }
            }
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a text column holds at most 2 GB; this one would hold " + bytes + " bytes");
        }
        // in place: the only chunk's whole text, its rows left out squeezed out as the runs move left
        byte[] text = inPlace() ? (ids ? list.get(0).ids : list.get(0).names).current : new byte[(int) bytes];
        int[] ends = new int[n];
        int at = 0;
        int w = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            ChunkRows.Text from = ids ? c.ids : c.names;
            boolean[] left = rejected[k];
            // The texts of consecutive rows kept lie end to end in the chunk: copied as runs, not row by row.
            int runRef = 0;
            int runLen = 0;
            for (int bi = 0; bi < c.blocks.size(); bi++) {
                ChunkRows.Block b = c.blocks.get(bi);
                int[] refs = ids ? b.idRef : b.nameRef;
                int[] lens = ids ? b.idLen : b.nameLen;
                int base = bi << ChunkRows.SHIFT;
                for (int j = 0, m = rowsIn(c, bi); j < m; j++) {
                    if (left[base + j]) {
                        continue;
                    }
                    int len = lens[j];
                    if (len > 0) {
                        if (refs[j] != runRef + runLen || from.startsBlock(refs[j])) {
                            copy(from, runRef, runLen, text, at - runLen);
                            runRef = refs[j];
                            runLen = 0;
                        }
                        runLen += len;
                        at += len;
                    }
                    ends[w++] = at;
                }
            }
            copy(from, runRef, runLen, text, at - runLen);
        }
        if (text.length > bytes + (bytes >> 3) + 64) {
            text = Arrays.copyOf(text, (int) bytes);
        }
        if (ids) {
            out.ids(text, ends);
        } else {
            out.names(text, ends);
        }
    }

    private static void copy(ChunkRows.Text from, int ref, int len, byte[] to, int at) {
        if (len == 0) {
            return;
        }
        byte[] block = from.block(ref);
        int offset = from.offset(ref);
        if (block != to || offset != at) {
            System.arraycopy(block, offset, to, at, len);
        }
    }

    /** @return the rows of chunk {@code c}'s block {@code bi} */
    private static int rowsIn(ChunkRows c, int bi) {
        return Math.min(ChunkRows.BLOCK, c.size - (bi << ChunkRows.SHIFT));
    }

    /** @return true if no row of {@code left[base, base + n)} is left out */
    private static boolean allKept(boolean[] left, int base, int n) {
        for (int j = 0; j < n; j++) {
            if (left[base + j]) {
                return false;
            }
        }
        return true;
    }

    /** A column's values in order of first appearance among the kept rows, each kept row's code, the first row with one. */
    private record Recoded(String[] values, int[] codes, int firstRow) {
    }

    /**
     * @return true if the only chunk keeps its counted columns whole ({@link ChunkRows#whole}): they become the
     * table's columns in place, the rows left out squeezed out and the codes recoded where they are
     */
    private boolean inPlace() {
        return list.size() == 1 && list.get(0).whole != null;
    }

    /**
     * @return the segments of chunk {@code c}'s counted columns, of {@value ChunkRows#BLOCK} rows (the last maybe
     * fewer): its blocks, or pieces of its whole columns
     */
    private static int segments(ChunkRows c) {
        return (c.size + ChunkRows.MASK) >>> ChunkRows.SHIFT;
    }

    /** @return the block holding segment {@code si} of chunk {@code c}, from index {@link #offset} */
    private static ChunkRows.Block segment(ChunkRows c, int si) {
        return c.whole != null ? c.whole : c.blocks.get(si);
    }

    private static int offset(ChunkRows c, int si) {
        return c.whole != null ? si << ChunkRows.SHIFT : 0;
    }

    private Recoded recode(int n, java.util.function.IntFunction<ByteDictionary> dictionary,
                           java.util.function.Function<ChunkRows.Block, int[]> column) {
        Map<String, Integer> global = new HashMap<>();
        List<String> values = new ArrayList<>();
        boolean inPlace = inPlace();
        int[] codes = inPlace ? column.apply(list.get(0).whole) : new int[n];
        int w = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            ByteDictionary d = dictionary.apply(k);
            boolean[] left = rejected[k];
            // indexed by chunk code + 1, so that an absent value (-1) needs no branch of its own
            int[] remap = new int[d.size() + 1];
            Arrays.fill(remap, UNSEEN);
            remap[0] = -1;
            // in place, a segment is gathered only once every value of the chunk has a code: the gather then
            // needs no second look at a value it wrote over
            int unseen = d.size();
            for (int si = 0; si < segments(c); si++) {
                int[] col = column.apply(segment(c, si));
                int off = offset(c, si);
                int base = si << ChunkRows.SHIFT;
                int m = rowsIn(c, si);
                if ((!inPlace || unseen == 0) && allKept(left, base, m)) {
                    // the common case once a chunk's values have all appeared: a gather, no branch per row
                    int least = 0;
                    for (int j = 0; j < m; j++) {
                        int g = remap[col[off + j] + 1];
                        codes[w + j] = g;
                        least = Math.min(least, g);
                    }
                    if (least != UNSEEN) {
                        w += m;
                        continue;
                    }
                }
                // in place, row off + j is read before row w <= off + j is written
                for (int j = 0; j < m; j++) {
                    if (left[base + j]) {
                        continue;
                    }
                    int v = col[off + j];
                    int g = remap[v + 1];
                    if (g == UNSEEN) {
                        // in order of first appearance among the kept rows
                        g = remap[v + 1] = global.computeIfAbsent(d.value(v), x -> {
                            values.add(x);
                            return values.size() - 1;
                        });
                        unseen--;
                    }
                    codes[w++] = g;
                }
            }
        }
        int firstRow = 0;
        while (firstRow < n && codes[firstRow] < 0) {
            firstRow++;
        }
        return new Recoded(values.toArray(String[]::new), fit(codes, n), firstRow == n ? Integer.MAX_VALUE : firstRow);
    }

    private static final int UNSEEN = Integer.MIN_VALUE;

    private void numbers(OpportunityColumns out, int n) {
        boolean inPlace = inPlace();
        ChunkRows.Block whole = inPlace ? list.get(0).whole : null;
        long[] amount = inPlace ? whole.amount : new long[n];
        short[] currency = inPlace ? whole.currency : new short[n];
        int[] created = inPlace ? whole.created : new int[n];
        int[] close = inPlace ? whole.close : new int[n];
        byte[] status = inPlace ? whole.status : new byte[n];
        byte[] category = inPlace ? whole.category : new byte[n];
        List<Currency> currencies = new ArrayList<>();
        int w = 0;
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            boolean[] left = rejected[k];
            short[] remap = new short[c.currencies.size()];
            Arrays.fill(remap, (short) -1);
            for (int si = 0; si < segments(c); si++) {
                ChunkRows.Block b = segment(c, si);
                int off = offset(c, si);
                int base = si << ChunkRows.SHIFT;
                int m = rowsIn(c, si);
                if (allKept(left, base, m)) {
                    // the common case: the block's columns as they are (in place, where they are already)
                    if (b.amount != amount || w != off) {
                        System.arraycopy(b.amount, off, amount, w, m);
                        System.arraycopy(b.created, off, created, w, m);
                        System.arraycopy(b.close, off, close, w, m);
                        System.arraycopy(b.status, off, status, w, m);
                        System.arraycopy(b.category, off, category, w, m);
                    }
                    for (int j = 0; j < m; j++) {
                        short g = remap[b.currency[off + j]];
                        currency[w + j] = g >= 0 ? g : global(c, b.currency[off + j], remap, currencies);
                    }
                    w += m;
                    continue;
                }
                // in place, row off + j is read before row w <= off + j is written
                for (int j = 0; j < m; j++) {
                    if (left[base + j]) {
                        continue;
                    }
                    short g = remap[b.currency[off + j]];
                    currency[w] = g >= 0 ? g : global(c, b.currency[off + j], remap, currencies);
                    amount[w] = b.amount[off + j];
                    created[w] = b.created[off + j];
                    close[w] = b.close[off + j];
                    status[w] = b.status[off + j];
                    category[w] = b.category[off + j];
                    w++;
                }
            }
        }
        out.amounts(fit(amount, n), currencies.toArray(Currency[]::new), fit(currency, n));
        out.dates(fit(created, n), fit(close, n));
        out.statuses(fit(status, n), fit(category, n));
    }

    /**
     * Columns kept in place hold room for more rows than were read (the chunk grew them to an estimate): up to an
     * eighth more is left, as the table ignores what lies past its rows; more is cut off, so that a read whose
     * estimate overshot holds little more memory than its rows need.
     */
    private static boolean roomy(int length, int n) {
        return length > n + (n >> 3) + 64;
    }

    private static int[] fit(int[] a, int n) {
        return roomy(a.length, n) ? Arrays.copyOf(a, n) : a;
    }

    private static long[] fit(long[] a, int n) {
        return roomy(a.length, n) ? Arrays.copyOf(a, n) : a;
    }

    private static short[] fit(short[] a, int n) {
        return roomy(a.length, n) ? Arrays.copyOf(a, n) : a;
    }

    private static byte[] fit(byte[] a, int n) {
        return roomy(a.length, n) ? Arrays.copyOf(a, n) : a;
    }

    /** @return the index among all chunks of chunk {@code c}'s currency {@code i}, in order of first appearance */
    private static short global(ChunkRows c, short i, short[] remap, List<Currency> currencies) {
        Currency cur = c.currencies.get(i);
        int g = currencies.indexOf(cur);
        if (g < 0) {
            g = currencies.size();
            currencies.add(cur);
        }
        return remap[i] = (short) g;
    }
}
