package io.salesops.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct values of a column met in one chunk of a file, each with an int code in order of first
 * appearance, looked up by their UTF-8 bytes so that a value seen before costs no allocation: open addressing
 * over the codes, with each value's hash and bytes in arrays beside them. Most values (owners, stages,
 * currencies) are 16 bytes or shorter, and are found by their length and two words, with no loop over bytes. A value's string is made once, when
 * first asked for. Not thread-safe.
 */
final class ByteDictionary {

    private int[] slots = new int[64];
    private int[] hashes = new int[32];
    private int[] lengths = new int[32];
    /** Per value of up to 16 bytes, its two little-endian words (zero past its end); zeros for longer values. */
    private long[] words = new long[64];
    /** Value {@code c} is {@code arena[ends[c] - length, ends[c])}: {@code ends[c - 1]} to {@code ends[c]}. */
    private int[] ends = new int[32];
    private byte[] arena = new byte[512];
    private String[] values = new String[32];
    private int size;

    /**
     * @return the code of {@code b[from, to)}, adding it if new. The common case (a value of up to 16 bytes seen
     * before, found at its first slot) is kept small enough for the JIT to inline into the row decoder; the rest
     * is {@link #probe}.
     */
    int code(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= SHORT && from + 16 <= b.length) {
            // A value of up to 16 bytes is its length and two words: hashed and compared without a loop over
            // bytes; masks by length, not branches on it, as the lengths of a column's values vary row to row.
            long k0 = ByteScan.word(b, from) & FIRST[n];
            long k1 = ByteScan.word(b, from + 8) & SECOND[n];
            int h = shortHash(k0, k1, n);
            int slot = mix(h) & (slots.length - 1);
            int c = slots[slot] - 1;
            if (c >= 0 && words[2 * c] == k0 && words[2 * c + 1] == k1 && lengths[c] == n) {
                return c;
            }
            return probe(b, from, to, k0, k1, h, slot);
        }
        return otherCode(b, from, to);
    }

    /** @return {@link #code} of a value longer than 16 bytes or near the end of {@code b} */
    private int otherCode(byte[] b, int from, int to) {
        int n = to - from;
        if (n > SHORT) {
            return longCode(b, from, to);
        }
        long k0 = word(b, from, Math.min(n, 8));
        long k1 = n <= 8 ? 0 : word(b, from + 8, n - 8);
        int h = shortHash(k0, k1, n);
        return probe(b, from, to, k0, k1, h, mix(h) & (slots.length - 1));
    }

    private static int shortHash(long k0, long k1, int n) {
        long x = (k0 * 0x9E3779B97F4A7C15L) ^ (k1 * 0xC2B2AE3D27D4EB4FL) ^ n;
        return (int) (x ^ (x >>> 31));
    }

    /** @return the code of a value of up to 16 bytes, its words and hash given, looked up from {@code slot} on */
    private int probe(byte[] b, int from, int to, long k0, long k1, int h, int slot) {
        int n = to - from;
        int mask = slots.length - 1;
        for (; ; slot = (slot + 1) & mask) {
            int c = slots[slot] - 1;
            if (c < 0) {
                return add(b, from, to, h, slot, k0, k1);
            }
            if (words[2 * c] == k0 && words[2 * c + 1] == k1 && lengths[c] == n) {
                return c;
            }
        }
    }

    private static final int SHORT = 16;
    private static final long[] MASKS = new long[9];

    /** By a value's length up to 16, the masks of its bytes in its first and its second word. */
    private static final long[] FIRST = new long[SHORT + 1];
    private static final long[] SECOND = new long[SHORT + 1];

    static {
        for (int k = 0; k < 8; k++) {
            MASKS[k] = (1L << (8 * k)) - 1;
        }
        MASKS[8] = -1L;
        for (int n = 0; n <= SHORT; n++) {
            FIRST[n] = MASKS[Math.min(n, 8)];
            SECOND[n] = n <= 8 ? 0 : MASKS[n - 8];
        }
    }

    /** @return the {@code n} bytes from {@code from} as the low bytes of a little-endian word */
    private static long word(byte[] b, int from, int n) {
        long w = 0;
        for (int i = n - 1; i >= 0; i--) {
            w = (w << 8) | (b[from + i] & 0xff);
        }
        return w;
    }

    private int longCode(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        int mask = slots.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int c = slots[slot] - 1;
            if (c < 0) {
                return add(b, from, to, h, slot, 0, 0);
            }
            if (hashes[c] == h && lengths[c] == to - from) {
                int start = c == 0 ? 0 : ends[c - 1];
                if (Arrays.equals(arena, start, ends[c], b, from, to)) {
                    return c;
                }
            }
        }
    }

    /** @return the code of {@code value}, adding it if new */
    int code(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        return code(b, 0, b.length);
    }

    private int add(byte[] b, int from, int to, int h, int slot, long k0, long k1) {
        int c = size;
        if (c == hashes.length) {
            hashes = Arrays.copyOf(hashes, c * 2);
            lengths = Arrays.copyOf(lengths, c * 2);
            words = Arrays.copyOf(words, c * 4);
            ends = Arrays.copyOf(ends, c * 2);
            values = Arrays.copyOf(values, c * 2);
        }
        lengths[c] = to - from;
        words[2 * c] = k0;
        words[2 * c + 1] = k1;
        int start = c == 0 ? 0 : ends[c - 1];
        int n = to - from;
        if (start + n > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, start + n));
        }
        System.arraycopy(b, from, arena, start, n);
        ends[c] = start + n;
        hashes[c] = h;
        slots[slot] = c + 1;
        size = c + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return c;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int c = 0; c < size; c++) {
            int slot = mix(hashes[c]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = c + 1;
        }
    }

    private static int mix(int h) {
        int m = h * 0x9E3779B9;
        return m ^ (m >>> 16);
    }

    /** @return a hash of {@code b[from, to)}, eight bytes at a step: the same for equal bytes wherever they are */
    static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ ByteScan.word(b, i)) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (; i < to; i++) {
            tail = (tail << 8) | (b[i] & 0xff);
        }
        h = (h ^ tail) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** @return the value of a code */
    String value(int code) {
        String v = values[code];
        if (v == null) {
            int start = code == 0 ? 0 : ends[code - 1];
            v = values[code] = new String(arena, start, ends[code] - start, StandardCharsets.UTF_8);
        }
        return v;
    }

    int size() {
        return size;
    }
}
