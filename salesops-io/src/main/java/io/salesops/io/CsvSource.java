package io.salesops.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The characters every CSV import reads, between the file and FastCSV. It
 * <ul>
 *   <li>decodes bytes strictly: a byte that is not valid in the charset is an error naming the line, the
 *       column and the byte offset, never a silent U+FFFD (which would make Latin-1 {@code Jörg} and UTF-8
 *       {@code Jörg} two different owners);</li>
 *   <li>strips a byte-order mark, which also selects UTF-8 or UTF-16;</li>
 *   <li>follows the quoting as FastCSV does (a quote opens a quoted field only at the start of a field, {@code ""}
 *       inside one is a quote, after the closing quote the field goes on, and a quote there opens quoting
 *       again), so that a quote still open
 *       at the end of the input is an error naming the line where it opened, not one huge field;</li>
 *   <li>works around FastCSV 3.4.0's handling of a carriage return inside a quoted field: when the record that
 *       holds it ends in a bare LF, FastCSV takes that LF for the second half of a CRLF, so the next line is
 *       joined to the record, or the last record is lost. CRLF and LF end a record alike, so this reader hands
 *       such a record end on as CRLF; line numbers do not change, since CRLF counts as one line break.</li>
 * </ul>
 * Not thread-safe: one per file or chunk.
 */
final class CsvSource extends Reader {

    private static final int RECORD_START = 0;
    private static final int FIELD_START = 1;
    private static final int UNQUOTED = 2;
    private static final int QUOTED = 3;
    private static final int QUOTE_IN_QUOTED = 4;
    private static final int AFTER_QUOTED = 5;
    private static final int BUFFER = 32 * 1024;

    private final InputStream bytesIn;
    private final Reader charsIn;
    private CharsetDecoder decoder;
    private final ByteBuffer bytes;
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private long bytesRead;
    private boolean endOfBytes;
    private boolean started;
    private boolean flushed;
    /** A malformed byte sequence met while decoding, raised once the characters before it are read. */
    private String malformed;
    private long malformedOffset;
    /** For a UTF-8 pair in a Latin-1 file: the character it encodes. */
    private String mixedChar;

    private int state = RECORD_START;
    private boolean lastCr;
    private boolean crInQuotes;
    private boolean sawCrInQuotes;
    private long line = 1;
    private int field;
    private long quoteLine;
    private int quoteField;

    private CsvSource(InputStream bytesIn, Charset charset, Reader charsIn) {
        this.bytesIn = bytesIn;
        this.charsIn = charsIn;
        this.decoder = charset == null ? null : decoder(charset);
        this.bytes = bytesIn == null ? null : ByteBuffer.allocate(BUFFER);
        chars.limit(0);
        if (bytes != null) {
            bytes.limit(0);
        }
    }

    /** Decodes {@code in} strictly in {@code charset}, unless a byte-order mark names another Unicode charset. */
    static CsvSource of(InputStream in, Charset charset) {
        return new CsvSource(in, charset, null);
    }

    /** Reads characters already decoded; a leading U+FEFF is dropped. */
    static CsvSource of(Reader in) {
        return new CsvSource(null, null, in);
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** @return the line breaks read so far (CR, LF and CRLF each one, inside quotes too) */
    long lineBreaks() {
        return line - 1;
    }

    /** @return true if the characters read so far end a record (or nothing was read) */
    boolean atRecordStart() {
        return state == RECORD_START;
    }

    /**
     * @return true if a carriage return appeared inside quotes; FastCSV's line count is then less certain
     * (see the package's documentation), so a chunked read does not rely on it
     */
    boolean sawCarriageReturnInQuotes() {
        return sawCrInQuotes;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                if (state == QUOTED) {
                    throw new Malformed(quoteLine, quoteField + 1, "a quote opened on line " + quoteLine
                            + " is never closed: the field would run to the end of the file, over "
                            + (line - quoteLine) + (line - quoteLine == 1 ? " line" : " lines")
                            + "; a closing quote is missing (a quote inside a quoted field is written \"\")");
                }
                return -1;
            }
        }
        return transfer(cbuf, off, len);
    }

    private int transfer(char[] cbuf, int off, int len) {
        char[] in = chars.array();
        int p = chars.position();
        int limit = chars.limit();
        int n = 0;
        while (n < len && p < limit) {
            // Characters that change nothing (most of them) are copied in one go.
            int from = p;
            int max = Math.min(limit, p + len - n);
            if (state == UNQUOTED) {
                while (p < max && in[p] != ',' && in[p] != '\r' && in[p] != '\n') {
                    p++;
                }
            } else if (state == QUOTED) {
                while (p < max && in[p] != '"' && in[p] != '\r' && in[p] != '\n') {
                    p++;
                }
            }
            if (p > from) {
                System.arraycopy(in, from, cbuf, off + n, p - from);
                n += p - from;
                lastCr = false;
                continue;
            }
            char ch = in[p];
            if (ch == '\n' && crInQuotes && !lastCr && state != QUOTED) {
                // See the class comment: hand this record end on as CRLF; the LF follows on the next turn.
                ch = '\r';
            } else {
                p++;
            }
            cbuf[off + n++] = ch;
            track(ch);
        }
        chars.position(p);
        return n;
    }

    private void track(char ch) {
        if (ch == '\r' || ch == '\n') {
            if (ch == '\r' || !lastCr) {
                line++;
            }
            lastCr = ch == '\r';
            if (state == QUOTED) {
                crInQuotes |= ch == '\r';
                sawCrInQuotes |= ch == '\r';
            } else {
                state = RECORD_START;
                field = 0;
                crInQuotes = false;
            }
            return;
        }
        lastCr = false;
        switch (state) {
            case QUOTED:
                if (ch == '"') {
                    state = QUOTE_IN_QUOTED;
                }
                break;
            case QUOTE_IN_QUOTED:
                state = ch == '"' ? QUOTED : ch == ',' ? FIELD_START : AFTER_QUOTED;
                break;
            case AFTER_QUOTED:
                if (ch == '"') {
                    // FastCSV reads on after a closing quote, and a quote there opens quoting again.
                    state = QUOTED;
                    quoteLine = line;
                    quoteField = field;
                } else if (ch == ',') {
                    state = FIELD_START;
                }
                break;
            case UNQUOTED:
                if (ch == ',') {
                    state = FIELD_START;
                }
                break;
            default:
                if (ch == '"') {
                    state = QUOTED;
                    quoteLine = line;
                    quoteField = field;
                } else {
                    state = ch == ',' ? FIELD_START : UNQUOTED;
                }
                break;
        }
        if (ch == ',' && state == FIELD_START) {
            field++;
        }
    }

    /** @return false at the end of the input */
    private boolean fill() throws IOException {
        if (malformed != null) {
            String where = " at byte offset " + malformedOffset + " (line " + line + ", column " + (field + 1) + ") ";
            throw new Malformed(line, field + 1, mixedChar != null
                    ? malformed + where + "are the UTF-8 bytes of \"" + mixedChar + "\" read as " + decoder.charset().name()
                    + ": the file mixes encodings; save it in one (UTF-8 is the default)"
                    : malformed + where + (malformed.startsWith("bytes") ? "are" : "is") + " not valid "
                    + decoder.charset().name() + hint());
        }
        chars.clear();
        if (charsIn != null) {
            int n = charsIn.read(chars.array(), 0, chars.capacity());
            chars.limit(Math.max(n, 0));
            if (!started && n > 0) {
                started = true;
                if (chars.get(0) == '\uFEFF') {
                    chars.position(1);
                }
            }
            return n > 0;
        }
        if (flushed) {
            return false;
        }
        if (!started) {
            started = true;
            readBytes();
            decoder = byteOrderMark(decoder);
        }
        CharsetDecoder dec = decoder;
        while (chars.position() == 0) {
            CoderResult r = dec.decode(bytes, chars, endOfBytes);
            if (r.isError()) {
                malformedOffset = bytesRead - bytes.remaining();
                malformed = describe(r.length());
                break;
            }
            if (r.isOverflow()) {
                break;
            }
            if (endOfBytes) {
                dec.flush(chars);
                flushed = true;
                break;
            }
            readBytes();
        }
        chars.flip();
        if (malformed == null && singleByteLatin(dec)) {
            findUtf8Pair();
        }
        if (!chars.hasRemaining() && malformed != null) {
            return fill();
        }
        return chars.hasRemaining();
    }

    private static boolean singleByteLatin(CharsetDecoder dec) {
        String name = dec.charset().name();
        return name.equals("ISO-8859-1") || name.equals("windows-1252");
    }

    /**
     * In a file read as Latin-1 or Windows-1252, a lead byte of UTF-8 (0xC2-0xDF) followed by a continuation byte
     * (0xA0-0xBF here) is almost always UTF-8 text, {@code ö} turned into {@code Ã¶}: the file mixes encodings,
     * and reading on would make two owners of one. Stops the characters before the pair, to raise it in place.
     */
    private void findUtf8Pair() {
        char[] c = chars.array();
        int limit = chars.limit();
        for (int i = chars.position(); i + 1 < limit; i++) {
            if (c[i] >= 0xC2 && c[i] <= 0xDF && c[i + 1] >= 0xA0 && c[i + 1] <= 0xBF) {
                // One byte per character: the pair's offset counts back from the bytes consumed.
                malformedOffset = bytesRead - bytes.remaining() - (limit - i);
                malformed = "characters \"" + c[i] + c[i + 1] + "\"";
                mixedChar = new String(new byte[] {(byte) c[i], (byte) c[i + 1]}, StandardCharsets.UTF_8);
                chars.limit(i);
                return;
            }
        }
    }

    private CharsetDecoder byteOrderMark(CharsetDecoder dec) {
        int n = bytes.remaining();
        int p = bytes.position();
        byte[] b = bytes.array();
        if (n >= 3 && (b[p] & 0xff) == 0xEF && (b[p + 1] & 0xff) == 0xBB && (b[p + 2] & 0xff) == 0xBF) {
            bytes.position(p + 3);
            return dec.charset().equals(StandardCharsets.UTF_8) ? dec : decoder(StandardCharsets.UTF_8);
        }
        if (n >= 2 && (b[p] & 0xff) == 0xFE && (b[p + 1] & 0xff) == 0xFF) {
            bytes.position(p + 2);
            return decoder(StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (b[p] & 0xff) == 0xFF && (b[p + 1] & 0xff) == 0xFE) {
            bytes.position(p + 2);
            return decoder(StandardCharsets.UTF_16LE);
        }
        return dec;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        while (bytes.hasRemaining()) {
            int k = bytesIn.read(bytes.array(), bytes.position(), bytes.remaining());
            if (k < 0) {
                endOfBytes = true;
                break;
            }
            if (k == 0) {
                break;
            }
            bytes.position(bytes.position() + k);
            bytesRead += k;
            if (bytes.position() >= 4) {
                break;
            }
        }
        bytes.flip();
    }

    private String describe(int length) {
        StringBuilder sb = new StringBuilder(length == 1 ? "byte" : "bytes");
        int p = bytes.position();
        for (int i = 0; i < Math.min(length, 4); i++) {
            sb.append(' ').append(String.format(Locale.ROOT, "0x%02X", bytes.get(p + i) & 0xff));
        }
        return sb.toString();
    }

    private String hint() {
        return decoder.charset().equals(StandardCharsets.UTF_8)
                ? "; the file is read as UTF-8: name its encoding if it has another (such as windows-1252 or"
                + " ISO-8859-1), or save it as UTF-8"
                : "; name the encoding the file was written in";
    }

    @Override
    public void close() throws IOException {
        if (bytesIn != null) {
            bytesIn.close();
        } else {
            charsIn.close();
        }
    }

    /** The input is not CSV this reader can vouch for; located by line and 1-based column. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        final int column;

        Malformed(long line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        /** @return this as a problem of {@code file}, naming the column by the header's name if known */
        ImportProblem toProblem(String file, Header header) {
            String name = header != null && column <= header.names.size() ? header.names.get(column - 1) : null;
            return new ImportProblem(file, line, name, column, null, getMessage());
        }
    }
}
