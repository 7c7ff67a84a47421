package io.salesops.io;

import java.util.Arrays;

/**
 * Canonical strings for repeated cell values (owners, stages, accounts, currencies), looked up by their
 * characters so a value seen before costs no allocation. Holds at most {@value #MAX_SIZE} values of at most
 * {@value #MAX_LENGTH} characters; beyond that it returns fresh strings, so a column of unique values cannot grow
 * it without bound. The characters of all values sit in one array, so a lookup touches a few cache lines rather
 * than one string per probe. Not thread-safe.
 */
final class StringPool {

    private static final int BITS = 14;
    private static final int CAPACITY = 1 << BITS;
    private static final int MAX_SIZE = CAPACITY / 2;
    private static final int MAX_LENGTH = 64;

    private final String[] values = new String[CAPACITY];
    /** Per slot: the value's hash, and where its characters start and how many there are in {@link #arena}. */
    private final int[] hashes = new int[CAPACITY];
    private final int[] offsets = new int[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private char[] arena = new char[1024];
    private int used;
    private int size;

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
        int mask = CAPACITY - 1;
        for (int slot = (h * 0x9E3779B9) >>> (32 - BITS); ; slot = (slot + 1) & mask) {
            String v = values[slot];
            if (v == null) {
                String fresh = new String(c, start, n);
                if (size < MAX_SIZE) {
                    if (used + n > arena.length) {
                        arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + n));
                    }
                    System.arraycopy(c, start, arena, used, n);
                    values[slot] = fresh;
                    hashes[slot] = h;
                    offsets[slot] = used;
                    lengths[slot] = n;
                    used += n;
                    size++;
                }
                return fresh;
            }
            if (hashes[slot] == h && lengths[slot] == n && same(c, start, offsets[slot], n)) {
                return v;
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
