package io.salesops.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds repeated ids across the chunks of a byte read: the first row of each id in file order is kept, any later
 * one is a problem naming the line of the first, as a row-by-row read reports it. The ids are split by hash among
 * the threads, each with an open-addressing table of its own holding the id's hash and its row among all rows,
 * so most probes settle on the slot alone. Used once.
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
}
