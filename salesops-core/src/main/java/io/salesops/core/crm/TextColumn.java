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

    /** @return true if row {@code row} holds exactly {@code s} */
    boolean equals(int row, String s) {
        int start = row == 0 ? 0 : ends[row - 1];
        int n = ends[row] - start;
        if (n != s.length()) {
            return n >= s.length() && get(row).equals(s);
        }
        for (int i = 0; i < n; i++) {
            if (bytes[start + i] != s.charAt(i)) {
                return get(row).equals(s);
            }
        }
        return true;
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

    /** Keeps only the rows {@code keep} marks, in order. */
    void retain(boolean[] keep) {
        int w = 0;
        int wb = 0;
        int start = 0;
        for (int r = 0; r < size; r++) {
            int end = ends[r];
            if (keep[r]) {
                System.arraycopy(bytes, start, bytes, wb, end - start);
                wb += end - start;
                ends[w++] = wb;
            }
            start = end;
        }
        size = w;
        used = wb;
    }

    long bytesUsed() {
        return (long) bytes.length + 4L * ends.length;
    }
}
