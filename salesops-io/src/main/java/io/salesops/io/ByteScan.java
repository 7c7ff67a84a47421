package io.salesops.io;

/**
 * Byte-level helpers of the byte reader: eight bytes at a step to find a field's end, and strict UTF-8 checking.
 */
final class ByteScan {

    private ByteScan() {
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    static final long HIGH = 0x8080_8080_8080_8080L;

    /**
     * @return the high bit set in each byte of {@code w} that is a comma, LF or CR, or above one such byte (the
     * lowest set bit is exact, which is all the scan needs)
     */
    static long stops(long w) {
        return zero(w ^ (ONES * ',')) | zero(w ^ (ONES * '\n')) | zero(w ^ (ONES * '\r'));
    }

    private static long zero(long x) {
        return (x - ONES) & ~x & HIGH;
    }

    /** @return the eight bytes from {@code p} as a little-endian word; {@code p + 8} must be within {@code b} */
    static long word(byte[] b, int p) {
        return (long) LONGS.get(b, p);
    }

    /**
     * @return true if {@code a[from, to)} is UTF-8 as strictly as the JDK's decoder reads it: no overlong form,
     * surrogate or code point past U+10FFFF, no sequence cut short
     */
    static boolean isUtf8(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            int c = a[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                return false;
            }
            if (i + need >= to) {
                return false;
            }
            int c1 = a[i + 1] & 0xff;
            if (c1 < lo || c1 > hi) {
                return false;
            }
            for (int k = 2; k <= need; k++) {
                int ck = a[i + k] & 0xff;
                if (ck < 0x80 || ck > 0xBF) {
                    return false;
                }
            }
            i += need + 1;
        }
        return true;
    }
}
