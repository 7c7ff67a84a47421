package io.salesops.core.crm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings of one column packed as UTF-8 in one byte array with an end offset per row, so a million ids cost
 * two arrays instead of a million objects. Appended by one thread, then read-only.
 */
final class TextColumn {

    private byte[] bytes = new byte[1024];
    private int[] ends = new int[64];
    private int size;
    private int used;

    TextColumn() {
    }

    /** Takes {@code bytes} and {@code ends} as they are: row {@code r} ends at {@code ends[r]}. */
    TextColumn(byte[] bytes, int[] ends, int size) {
        this.bytes = bytes;
        this.ends = ends;
        this.size = size;
        this.used = size == 0 ? 0 : ends[size - 1];
    }

    /** @return a hash of {@code b[from, to)}, the same for equal bytes wherever they are */
    static int hash(byte[] b, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    /** @return the {@link #hash} of row {@code row}'s bytes */
    int hash(int row) {
        return hash(bytes, row == 0 ? 0 : ends[row - 1], ends[row]);
    }

    /** @return true if row {@code row} holds exactly these UTF-8 bytes */
    boolean equals(int row, byte[] utf8) {
        int start = row == 0 ? 0 : ends[row - 1];
        return Arrays.equals(bytes, start, ends[row], utf8, 0, utf8.length);
    }

    int size() {
        return size;
    }

    void add(String s) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(64, size + (size >> 1)));
        }
        int n = s.length();
        ensureBytes(n * 3);
        int at = used;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[at++] = (byte) c;
            } else {
                // rare: hand the rest to the JDK's encoder, which also pairs surrogates
                byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                ensureBytes(at - used + rest.length);
                System.arraycopy(rest, 0, bytes, at, rest.length);
                at += rest.length;
                break;
            }
        }
        used = at;
        ends[size++] = at;
    }

    private void ensureBytes(int more) {
        long need = (long) used + more;
        if (need > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("a text column holds at most 2 GB; this one would hold " + need + " bytes");
        }
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(need, (long) bytes.length * 3 / 2)));
        }
    }

    String get(int row) {
        int start = row == 0 ? 0 : ends[row - 1];
        return new String(bytes, start, ends[row] - start, StandardCharsets.UTF_8);
    }

    /** @return true if rows {@code a} and {@code b} hold the same text */
    boolean equalRows(int a, int b) {
        int sa = a == 0 ? 0 : ends[a - 1];
        int sb = b == 0 ? 0 : ends[b - 1];
        return Arrays.equals(bytes, sa, ends[a], bytes, sb, ends[b]);
    }

    boolean isEmpty(int row) {
        return ends[row] == (row == 0 ? 0 : ends[row - 1]);
    }

    /** @return a copy trimmed to what is used, for a built table that must not see later additions */
    TextColumn copy() {
        TextColumn c = new TextColumn();
        c.bytes = Arrays.copyOf(bytes, used);
        c.ends = Arrays.copyOf(ends, size);
        c.size = size;
        c.used = used;
        return c;
    }

    /** Appends row {@code row} of {@code other} as it is stored. */
    void addFrom(TextColumn other, int row) {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(64, size + (size >> 1)));
        }
        int start = row == 0 ? 0 : other.ends[row - 1];
        int n = other.ends[row] - start;
        ensureBytes(n);
        System.arraycopy(other.bytes, start, bytes, used, n);
        used += n;
        ends[size++] = used;
    }

}
