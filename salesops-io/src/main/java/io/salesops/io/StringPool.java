package io.salesops.io;

/**
 * Canonical strings for repeated cell values (owners, stages, currencies), looked up by their characters so a
 * value seen before costs no allocation. Holds at most {@value #CAPACITY} / 2 values; beyond that it returns
 * fresh strings, so a column of unique values cannot grow it without bound. Not thread-safe.
 */
final class StringPool {

    private static final int CAPACITY = 4096;
    private static final int MAX_LENGTH = 64;

    private final String[] table = new String[CAPACITY];
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
        int mask = CAPACITY - 1;
        for (int slot = (h ^ (h >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            String s = table[slot];
            if (s == null) {
                String fresh = new String(c, start, n);
                if (size < CAPACITY / 2) {
                    table[slot] = fresh;
                    size++;
                }
                return fresh;
            }
            if (s.length() == n && matches(s, c, start)) {
                return s;
            }
        }
    }

    private static boolean matches(String s, char[] c, int start) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != c[start + i]) {
                return false;
            }
        }
        return true;
    }
}
