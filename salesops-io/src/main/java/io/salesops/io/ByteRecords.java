package io.salesops.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The CSV records of a byte range of a UTF-8 file, found in the bytes themselves: each field's content as a
 * range of a buffer, no character decoded and nothing copied. It reads the records that start in its range, the
 * last one to its end even past the range, so that ranges split anywhere still give every record once when each
 * begins where the one before it ended ({@link #position()}).
 *
 * <p>It follows FastCSV as {@link CsvSource} does (a quote opens a quoted field only at its start, {@code ""}
 * inside one is a quote, CR, LF and CRLF end a record and count one line each, empty lines are skipped) and checks
 * UTF-8 as strictly as the JDK's decoder. What it cannot vouch for (a byte sequence that is not UTF-8, a quote
 * left open, text after a closing quote, a carriage return inside quotes, a field or record beyond the limits) it
 * does not guess at: it throws {@link Unsupported}, and the caller reads the file the exact, slower way.
 * Not thread-safe: one per range.
 */
final class ByteRecords {

    /** Thrown for input the byte reader does not vouch for; carries no stack trace. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private final FileChannel channel;
    private final long limit;
    private final long fileSize;
    private final int maxFieldBytes;
    private final int maxColumns;
    private final boolean asciiOnly;
    private ByteBuffer window;
    /** The bytes read: {@code buf[0, lim)} is the file from {@code bufOffset}. */
    byte[] buf = new byte[256 * 1024];
    private int lim;
    private long bufOffset;
    private int pos;
    private boolean eof;
    private long lineBreaks;

    /** The current record: its fields' content ranges in {@link #buf}, quoting, start line and size. */
    int[] fs = new int[32];
    int[] fe = new int[32];
    boolean[] quoted = new boolean[32];
    boolean[] escaped = new boolean[32];
    int fieldCount;
    /** The line the record starts on, counted from 1 at the range's start. */
    long line;
    /** True if the record holds any byte outside ASCII. */
    boolean nonAscii;
    /** The stripped content of the last cell asked for: {@code cb[cs, ce)}. */
    byte[] cb;
    int cs;
    int ce;
    private byte[] scratch = new byte[256];

    /**
     * @param start         a record boundary (or what is taken for one), the first byte to read
     * @param limit         records starting at or after this position are left to the next range
     * @param maxFieldBytes a field with more bytes is {@link Unsupported}
     * @param asciiOnly     true if the file's charset is US-ASCII: any other byte is {@link Unsupported}
     */
    ByteRecords(FileChannel channel, long start, long limit, long fileSize, int maxFieldBytes, int maxColumns,
                boolean asciiOnly) {
        this.channel = channel;
        this.bufOffset = start;
        this.limit = limit;
        this.fileSize = fileSize;
        this.maxFieldBytes = maxFieldBytes;
        this.maxColumns = maxColumns;
        this.asciiOnly = asciiOnly;
    }

    /** Skips a UTF-8 byte-order mark; a UTF-16 one is {@link Unsupported}. Call first, at the file's start. */
    void skipByteOrderMark() throws IOException, Unsupported {
        ensure(3);
        if (lim >= 2 && ((buf[0] & 0xff) == 0xFE && (buf[1] & 0xff) == 0xFF
                || (buf[0] & 0xff) == 0xFF && (buf[1] & 0xff) == 0xFE)) {
            throw new Unsupported("UTF-16 byte-order mark");
        }
        if (lim >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    /** @return the file position just after the last record read (and the empty lines after it) */
    long position() {
        return bufOffset + pos;
    }

    /** @return the line breaks read so far, inside quoted fields too */
    long lineBreaks() {
        return lineBreaks;
    }

    /**
     * Reads the next record that starts before the range's limit.
     *
     * @return false at the limit or the end of the file
     */
    boolean next() throws IOException, Unsupported {
        while (true) {
            if (bufOffset + pos >= limit || (pos >= lim && !fill(pos))) {
                return false;
            }
            int recStart = pos;
            line = lineBreaks + 1;
            nonAscii = false;
            int n = 0;
            int p = pos;
            byte[] b = buf;
            int high = 0;
            while (true) {
                if (n == fs.length) {
                    if (n >= maxColumns) {
                        throw new Unsupported("more than " + maxColumns + " fields");
                    }
                    grow();
                }
                if (p >= lim) {
                    int moved = refill(recStart, n);
                    recStart -= moved;
                    p -= moved;
                    b = buf;
                }
                if (p < lim && b[p] == '"') {
                    quoted[n] = true;
                    boolean esc = false;
                    int start = ++p;
                    while (true) {
                        if (p >= lim) {
                            int moved = refill(recStart, n);
                            recStart -= moved;
                            p -= moved;
                            start -= moved;
                            b = buf;
                            if (p >= lim) {
                                throw new Unsupported("a quote is never closed");
                            }
                            continue;
                        }
                        byte c = b[p];
                        if (c == '"') {
                            if (p + 1 >= lim) {
                                int moved = refill(recStart, n);
                                recStart -= moved;
                                start -= moved;
                                p -= moved;
                                b = buf;
                            }
                            if (p + 1 < lim && b[p + 1] == '"') {
                                esc = true;
                                p += 2;
                                continue;
                            }
                            break;
                        }
                        if (c == '\n') {
                            lineBreaks++;
                        } else if (c == '\r') {
                            throw new Unsupported("a carriage return inside quotes");
                        }
                        high |= c;
                        p++;
                    }
                    fs[n] = start;
                    fe[n] = p;
                    escaped[n] = esc;
                    p++;
                    if (p >= lim) {
                        int moved = refill(recStart, n + 1);
                        recStart -= moved;
                        p -= moved;
                        b = buf;
                    }
                    if (p < lim && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                        throw new Unsupported("text after a closing quote");
                    }
                } else {
                    quoted[n] = false;
                    escaped[n] = false;
                    int start = p;
                    while (true) {
                        int l = lim;
                        // eight bytes at a step while no separator, control character or non-ASCII byte is among them
                        while (p + 8 <= l) {
                            long found = ByteScan.stops(ByteScan.word(b, p));
                            if (found != 0) {
                                p += Long.numberOfTrailingZeros(found) >>> 3;
                                break;
                            }
                            p += 8;
                        }
                        while (p < l) {
                            byte c = b[p];
                            if (c == ',' || c == '\n' || c == '\r') {
                                break;
                            }
                            high |= c;
                            p++;
                        }
                        if (p < l) {
                            break;
                        }
                        int moved = refill(recStart, n);
                        recStart -= moved;
                        p -= moved;
                        start -= moved;
                        b = buf;
                        if (p >= lim) {
                            break; // the end of the file
                        }
                    }
                    fs[n] = start;
                    fe[n] = p;
                }
                if (fe[n] - fs[n] > maxFieldBytes) {
                    throw new Unsupported("a field of more than " + maxFieldBytes + " bytes");
                }
                n++;
                if (p >= lim) {
                    break; // end of file
                }
                byte c = b[p++];
                if (c == ',') {
                    continue;
                }
                lineBreaks++;
                if (c == '\r') {
                    if (p >= lim) {
                        int moved = refill(recStart, n);
                        recStart -= moved;
                        p -= moved;
                        b = buf;
                    }
                    if (p < lim && b[p] == '\n') {
                        p++;
                    }
                }
                break;
            }
            pos = p;
            fieldCount = n;
            if (n == 1 && !quoted[0] && fe[0] == fs[0]) {
                continue; // an empty line
            }
            if (high < 0) {
                nonAscii = true;
                if (asciiOnly) {
                    throw new Unsupported("a byte outside US-ASCII");
                }
                if (!ByteScan.isUtf8(buf, recStart, p)) {
                    throw new Unsupported("not UTF-8");
                }
            }
            return true;
        }
    }

    private void grow() {
        int n = fs.length * 2;
        fs = Arrays.copyOf(fs, n);
        fe = Arrays.copyOf(fe, n);
        quoted = Arrays.copyOf(quoted, n);
        escaped = Arrays.copyOf(escaped, n);
    }

    /**
     * Reads more bytes if the file has them, keeping the record from {@code recStart} (its first {@code fields}
     * fields located): the buffer's content moves left to the record's start, or the buffer grows.
     *
     * @return how far the buffer's content moved left
     */
    private int refill(int recStart, int fields) throws IOException, Unsupported {
        if (eof) {
            return 0;
        }
        int moved = recStart;
        if (moved > 0) {
            System.arraycopy(buf, recStart, buf, 0, lim - recStart);
            lim -= recStart;
            bufOffset += recStart;
            for (int i = 0; i < fields; i++) {
                fs[i] -= moved;
                fe[i] -= moved;
            }
        } else if (lim == buf.length) {
            // A record of this many fields within the limits fits; one beyond them has a field too long.
            if (lim > (fields + 1L) * (maxFieldBytes + 3L) + 1024 || buf.length >= (1 << 30)) {
                throw new Unsupported("a record beyond the limits");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        read();
        return moved;
    }

    /** Makes {@code n} bytes available from {@link #pos} if the file has them. */
    private void ensure(int n) throws IOException {
        while (lim - pos < n && read()) {
            // read on
        }
    }

    private boolean fill(int p) throws IOException {
        if (p > 0) {
            System.arraycopy(buf, p, buf, 0, lim - p);
            lim -= p;
            bufOffset += p;
            pos = 0;
        }
        return read() || lim > pos;
    }

    /** @return false if nothing more could be read */
    private boolean read() throws IOException {
        long at = bufOffset + lim;
        if (at >= fileSize || lim == buf.length) {
            eof = at >= fileSize;
            return false;
        }
        if (window == null || window.array() != buf) {
            window = ByteBuffer.wrap(buf);
        }
        window.limit(buf.length).position(lim);
        int k = channel.read(window, at);
        if (k <= 0) {
            eof = true;
            return false;
        }
        lim += k;
        return true;
    }

    /**
     * Locates field {@code i}'s content stripped of surrounding spaces and control characters, as {@link Cells}
     * strips, with {@code ""} read as a quote, in {@link #cb}{@code [}{@link #cs}{@code , }{@link #ce}{@code )}.
     *
     * @return false if the field is absent or blank
     */
    boolean cell(int i) {
        if (i < 0 || i >= fieldCount) {
            return false;
        }
        if (escaped[i]) {
            return escapedCell(i);
        }
        return strip(buf, fs[i], fe[i]);
    }

    /** {@link #cell} of a quoted field holding {@code ""}: its content unescaped into a scratch buffer. */
    private boolean escapedCell(int i) {
        if (scratch.length < fe[i] - fs[i]) {
            scratch = new byte[Math.max(fe[i] - fs[i], scratch.length * 2)];
        }
        return strip(scratch, 0, unescape(i, scratch));
    }

    private boolean strip(byte[] b, int s, int e) {
        while (s < e && b[s] >= 0 && b[s] <= ' ') {
            s++;
        }
        while (e > s && b[e - 1] >= 0 && b[e - 1] <= ' ') {
            e--;
        }
        cb = b;
        cs = s;
        ce = e;
        return s < e;
    }

    /** Copies field {@code i}'s content into {@code to} with each {@code ""} read as one quote; @return its length */
    int unescape(int i, byte[] to) {
        int w = 0;
        for (int k = fs[i]; k < fe[i]; k++) {
            to[w++] = buf[k];
            if (buf[k] == '"') {
                k++;
            }
        }
        return w;
    }
}
