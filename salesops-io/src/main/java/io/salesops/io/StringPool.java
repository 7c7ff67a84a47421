package io.salesops.io;

/**
 * Canonical strings for repeated cell values (owners, stages, accounts, currencies), looked up by their
 * characters so a value seen before costs no allocation. Holds at most {@value #MAX_SIZE} values; beyond that it
 * returns fresh strings, so a column of unique values cannot grow it without bound. Not thread-safe.
 */
final class StringPool {

    private static final int BITS = 14;
    private static final int CAPACITY = 1 << BITS;
    private static final int MAX_SIZE = CAPACITY / 2;
    private static final int MAX_LENGTH = 64;

    private final String[] table = new String[CAPACITY];
    private final char[][] chars = new char[CAPACITY][];
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
            char[] k = chars[slot];
            if (k == null) {
                String fresh = new String(c, start, n);
                if (size < MAX_SIZE) {
                    table[slot] = fresh;
                    chars[slot] = java.util.Arrays.copyOfRange(c, start, end);
                    size++;
                }
                return fresh;
            }
            if (java.util.Arrays.equals(k, 0, k.length, c, start, end)) {
                return table[slot];
            }
        }
    }
}
