package io.salesops.io;

import java.util.Arrays;

/**
 * Canonical strings for repeated cell values (owners, stages, accounts, currencies), looked up by their
 * characters so a value seen before costs no allocation. Holds at most {@value #MAX_SIZE} values of at most
 * {@value #MAX_LENGTH} characters; beyond that it returns fresh strings, so a column of unique values cannot grow
 * it without bound.
 *
 * <p>The table starts small and doubles as it fills, so a column of three currencies stays within a cache
 * line or two; each slot's hash, length and position in a shared character arena sit in one {@code long}, so a
 * lookup touches the slot, the arena and, on a hit, the string. Not thread-safe.
 */
final class StringPool {

    private static final int MAX_BITS = 14;
    private static final int MAX_SIZE = (1 << MAX_BITS) / 2;
    private static final int MAX_LENGTH = 64;

    private int bits = 5;
    private String[] values = new String[1 << bits];
    /** Per slot: hash (high 32 bits), arena offset (next 24 bits), length (low 8 bits); 0 if empty. */
    private long[] meta = new long[1 << bits];
    private char[] arena = new char[256];
    private int used;
    private int size;

    /** @return the string of {@code c[start, end)}, which must not be empty */
    String get(char[] c, int start, int end) {
        int n = end - start;
        if (n > MAX_LENGTH) {
            return new String(c, start, n);
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + c[i];
        }
        // Fibonacci hashing: values like rep1, rep2 differ only in their last character, and would cluster
        // in neighbouring slots under a plain mask.
        int mask = values.length - 1;
        for (int slot = (h * 0x9E3779B9) >>> (32 - bits); ; slot = (slot + 1) & mask) {
            long m = meta[slot];
            if (m == 0) {
                return add(c, start, n, h, slot);
            }
            if ((int) (m >>> 32) == h && (int) (m & 0xff) == n && same(c, start, (int) (m >>> 8) & 0xff_ffff, n)) {
                return values[slot];
            }
        }
    }

    private String add(char[] c, int start, int n, int h, int slot) {
        String fresh = new String(c, start, n);
        if (size >= MAX_SIZE) {
            return fresh;
        }
        if (used + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
        }
        System.arraycopy(c, start, arena, used, n);
        // A zero word marks an empty slot; a stored word never is zero, as its length byte is at least 1
        // (blank cells are absent, never pooled).
        values[slot] = fresh;
        meta[slot] = ((long) h << 32) | ((long) used << 8) | n;
        used += n;
        if (++size * 2 > values.length && bits < MAX_BITS) {
            grow();
        }
        return fresh;
    }

    private void grow() {
        String[] oldValues = values;
        long[] oldMeta = meta;
        bits++;
        values = new String[1 << bits];
        meta = new long[1 << bits];
        int mask = values.length - 1;
        for (int i = 0; i < oldMeta.length; i++) {
            long m = oldMeta[i];
            if (m != 0) {
                int slot = ((int) (m >>> 32) * 0x9E3779B9) >>> (32 - bits);
                while (meta[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                meta[slot] = m;
                values[slot] = oldValues[i];
            }
        }
    }

    private boolean same(char[] c, int start, int offset, int n) {
        char[] a = arena;
        for (int i = 0; i < n; i++) {
            if (a[offset + i] != c[start + i]) {
                return false;
            }
        }
        return true;
    }
}
