package io.salesops.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds repeated ids across the chunks of a byte read: the first row of each id in file order is kept, any later
 * one is a problem naming the line of the first, as a row-by-row read reports it. The rows are split by their id's
 * hash into parts of a few thousand, each kept in file order and checked on its own (parts shared among the
 * threads) with a small open-addressing table that stays in the cache; an entry holds the id's hash beside its
 * row, so most probes settle without fetching the id. Used once.
 */
final class RepeatedIds {

    private final List<ChunkRows> list;
    private final Header header;
    private final int threads;

    RepeatedIds(List<ChunkRows> list, Header header, int threads) {
        this.list = list;
        this.header = header;
        this.threads = threads;
    }

    /**
     * Marks in {@code rejected} every row whose id an earlier row has.
     *
     * @return their problems, each naming the line of the first row
     */
    List<ImportProblem> find(boolean[][] rejected) throws IOException {
        int rows = 0;
        for (ChunkRows c : list) {
            rows += c.size;
        }
        int[] starts = new int[list.size() + 1];
        for (int k = 0; k < list.size(); k++) {
            starts[k + 1] = starts[k] + list.get(k).size;
        }
        // Split the rows by the top bits of their id's hash into parts of a few thousand rows, each in file
        // order: a part's table then stays in the cache, where one table of every row would miss it on each probe.
        int bits = Math.min(MAX_BITS, Math.max(0, 31 - Integer.numberOfLeadingZeros(Math.max(1, rows / PART_ROWS))));
        int parts = 1 << bits;
        int[] from = new int[parts + 1];
        for (ChunkRows c : list) {
            for (int bi = 0; bi < c.blocks.size(); bi++) {
                int[] hashes = c.blocks.get(bi).idHash;
                int n = Math.min(ChunkRows.BLOCK, c.size - (bi << ChunkRows.SHIFT));
                for (int j = 0; j < n; j++) {
                    from[part(hashes[j], bits) + 1]++;
                }
            }
        }
        for (int p = 0; p < parts; p++) {
            from[p + 1] += from[p];
        }
        // per row, in its part: the id's hash (high half) and its row among all chunks' rows
        long[] entries = new long[rows];
        int[] at = Arrays.copyOf(from, parts);
        for (int k = 0; k < list.size(); k++) {
            ChunkRows c = list.get(k);
            for (int bi = 0; bi < c.blocks.size(); bi++) {
                int[] hashes = c.blocks.get(bi).idHash;
                int base = bi << ChunkRows.SHIFT;
                int n = Math.min(ChunkRows.BLOCK, c.size - base);
                for (int j = 0; j < n; j++) {
                    int h = hashes[j];
                    entries[at[part(h, bits)]++] = ((long) h << 32) | (starts[k] + base + j);
                }
            }
        }
        List<List<long[]>> repeats = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            repeats.add(new ArrayList<>());
        }
        // The parts in a few runs, each checked with one table cleared between its parts: a table per part
        // would allocate a few ints per row for nothing.
        int maxCount = 0;
        for (int p = 0; p < parts; p++) {
            maxCount = Math.max(maxCount, from[p + 1] - from[p]);
        }
        int runs = Math.min(parts, Math.max(1, threads) * 4);
        int largest = capacity(maxCount);
        Workers.run(Math.max(1, threads), runs, run -> {
            int[] slots = new int[largest];
            for (int p = parts * run / runs; p < parts * (run + 1) / runs; p++) {
                int cap = capacity(from[p + 1] - from[p]);
                Arrays.fill(slots, 0, cap, 0);
                checkPart(p, from, entries, slots, cap - 1, starts, rejected, repeats.get(p));
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
                String key = new String(c.ids.block(b.idRef[j]), c.ids.offset(b.idRef[j]), b.idLen[j],
                        StandardCharsets.UTF_8);
                String raw = c.paddedIds.getOrDefault(r, key);
                long firstLine = f.block(fr).line[fr & ChunkRows.MASK] + f.lineOffset;
                out.add(new ImportProblem(header.file, b.line[j] + c.lineOffset, idCol.header, idCol.index + 1,
                        Cells.preview(raw.strip()), "duplicate id \"" + key + "\"; first seen on line " + firstLine));
            }
        }
        return out;
    }

    /** @return the slots of a part's table for {@code count} entries: a power of two, at least twice as many */
    private static int capacity(int count) {
        return Integer.highestOneBit(Math.max(8, count) * 2 - 1) << 1;
    }

    /** Checks part {@code p} with {@code slots[0, mask]} cleared, adding each repeat to {@code found}. */
    private void checkPart(int p, int[] from, long[] entries, int[] slots, int mask, int[] starts, boolean[][] rejected,
                           List<long[]> found) {
        for (int e = from[p]; e < from[p + 1]; e++) {
            long v = entries[e];
            int h = (int) (v >>> 32);
            for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
                int f = slots[slot] - 1;
                if (f < 0) {
                    slots[slot] = e + 1;
                    break;
                }
                long first = entries[f];
                if ((int) (first >>> 32) != h) {
                    continue;
                }
                int g = (int) v;
                int k = chunkOf(starts, g);
                int r = g - starts[k];
                int fg = (int) first;
                int fk = chunkOf(starts, fg);
                int fr = fg - starts[fk];
                if (sameId(list.get(fk), fr, list.get(k), r)) {
                    rejected[k][r] = true;
                    found.add(new long[] {k, r, fk, fr});
                    break;
                }
            }
        }
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
        int oa = a.ids.offset(ba.idRef[ja]);
        int ob = b.ids.offset(bb.idRef[jb]);
        return Arrays.equals(a.ids.block(ba.idRef[ja]), oa, oa + len, b.ids.block(bb.idRef[jb]), ob, ob + len);
    }

    /** Rows per part of the id check, aimed at: a part's table of twice as many ints fits in the L1/L2 cache. */
    private static final int PART_ROWS = 4096;
    private static final int MAX_BITS = 14;

    /** @return the part of a hash: its top {@code bits} bits after a multiply, independent of {@link #mix}'s low bits */
    private static int part(int h, int bits) {
        return bits == 0 ? 0 : (h * 0x85EBCA6B) >>> (32 - bits);
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }
}
