package io.salesops.core.crm;

import java.util.Arrays;

/**
 * The first row of each id of a {@link TextColumn}: open addressing over row + 1 (0: an empty slot) by the hash of
 * the id's UTF-8 bytes, with each row's hash beside it. {@link OpportunityTableBuilder#rowOf} builds it on the
 * first lookup and brings it up to date on later ones, so a load that never looks an id up never pays for it.
 * Not thread-safe.
 */
final class IdIndex {

    private int[] slots = new int[128];
    private int[] hash = new int[0];
    private int indexed;

    /** @return the first of rows {@code [0, size)} of {@code ids} whose id is {@code id}, or -1 */
    int rowOf(TextColumn ids, int size, String id) {
        byte[] key = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int h = TextColumn.hash(key, 0, key.length);
        if (indexed < size) {
            index(ids, size);
        }
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int r = slots[slot] - 1;
            if (r < 0) {
                return -1;
            }
            if (hash[r] == h && ids.equals(r, key)) {
                return r;
            }
        }
    }

    /** Indexes the rows added since the last lookup. */
    private void index(TextColumn ids, int size) {
        if (hash.length < size) {
            hash = Arrays.copyOf(hash, size);
        }
        boolean rebuild = false;
        int n = slots.length;
        while (size * 2L > n) {
            n *= 2;
            rebuild = true;
        }
        if (rebuild) {
            slots = new int[n];
            for (int r = 0; r < indexed; r++) {
                insert(ids, r);
            }
        }
        for (int r = indexed; r < size; r++) {
            hash[r] = ids.hash(r);
            insert(ids, r);
        }
        indexed = size;
    }

    /** Keeps the first row of an id, so {@link #rowOf} finds it: a later repeat is not indexed. */
    private void insert(TextColumn ids, int row) {
        int h = hash[row];
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int r = slots[slot] - 1;
            if (r < 0) {
                slots[slot] = row + 1;
                return;
            }
            if (hash[r] == h && ids.equalRows(r, row)) {
                return;
            }
        }
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }
}
