package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * FastCSV reading through {@link CsvSource} agrees with a plain RFC 4180 reference parser on any text made of
 * separators, quotes and line breaks: the same records with the same fields and starting lines, or, for a quote
 * that never closes, an error at the line where it opened. This is what covers FastCSV 3.4.0's carriage-return
 * bug: without the source's rewrite, inputs like {@code 1,"x\ry"\n} lose or join records.
 */
class CsvSourceProperties {

    @Property
    void agreesWithTheReferenceParser(@ForAll("csvText") String text) throws IOException {
        Reference ref = Reference.parse(text);
        List<String> read = new ArrayList<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
                .ofCsvRecord(CsvSource.of(new StringReader(text)))) {
            for (CsvRecord r : csv) {
                read.add(r.getStartingLineNumber() + ":" + withoutQuotes(r.getFields().toString()));
            }
        } catch (UncheckedIOException e) {
            assertThat(ref.unterminatedAt).as("error %s for %s", e.getCause().getMessage(), escape(text)).isPositive();
            assertThat(((CsvSource.Malformed) e.getCause()).line).isEqualTo(ref.unterminatedAt);
            return;
        }
        assertThat(ref.unterminatedAt).as(escape(text)).isZero();
        if (ref.loneCrInQuotes) {
            // FastCSV 3.4.0 counts the LF after such a CR as its CRLF even with characters between: later
            // records may start a line early in messages. Records and fields must still agree.
            assertThat(read.stream().map(CsvSourceProperties::fields).toList()).as(escape(text))
                    .isEqualTo(ref.records.stream().map(CsvSourceProperties::fields).toList());
        } else {
            assertThat(read).as(escape(text)).isEqualTo(ref.records);
        }
    }

    @Property
    void bytesDecodeAsFromAString(@ForAll("csvText") String text) throws IOException {
        char[] a = new char[text.length() + 16];
        char[] b = new char[text.length() + 16];
        int n = drain(CsvSource.of(new StringReader(text)), a);
        int m = drain(CsvSource.of(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8), b);
        assertThat(new String(b, 0, m)).isEqualTo(new String(a, 0, n));
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.of('a', 'b', ',', '"', '\r', '\n', 'ö').list().ofMaxSize(24)
                .map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    cs.forEach(sb::append);
                    return sb.toString();
                });
    }

    private static int drain(CsvSource in, char[] out) throws IOException {
        int n = 0;
        try {
            for (int k; (k = in.read(out, n, Math.min(3, out.length - n))) > 0; ) {
                n += k;
            }
        } catch (CsvSource.Malformed e) {
            // an unterminated quote: both sources stop at the same place
        }
        return n;
    }

    /**
     * How FastCSV unescapes quotes after a closing quote ({@code "a"b""}) is its own affair; records, lines,
     * fields and every other character must agree.
     */
    static String withoutQuotes(String s) {
        return s.replace("\"", "");
    }

    private static String fields(String record) {
        return record.substring(record.indexOf(':') + 1);
    }

    static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** RFC 4180 as FastCSV reads it, written for clarity, not speed. */
    static final class Reference {
        final List<String> records = new ArrayList<>();
        /** Per record: true if every field is empty or spaces, which a reader skips like an empty line. */
        final List<Boolean> blank = new ArrayList<>();
        long unterminatedAt;
        /** A CR inside quotes that is not followed by LF. */
        boolean loneCrInQuotes;

        static Reference parse(String s) {
            Reference ref = new Reference();
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            long line = 1;
            long recordLine = 1;
            boolean fieldStarted = false;
            boolean anyChar = false;
            // FastCSV reads on after a closing quote, and a quote there opens quoting again.
            boolean afterQuote = false;
            int i = 0;
            while (i < s.length()) {
                char ch = s.charAt(i);
                if ((!fieldStarted || afterQuote) && ch == '"') {
                    long opened = line;
                    fieldStarted = true;
                    anyChar = true;
                    i++;
                    boolean closed = false;
                    while (i < s.length()) {
                        char q = s.charAt(i);
                        if (q == '"') {
                            if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                                f.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            afterQuote = true;
                            break;
                        }
                        if (q == '\r' || (q == '\n' && (i == 0 || s.charAt(i - 1) != '\r'))) {
                            line++;
                        }
                        if (q == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                            ref.loneCrInQuotes = true;
                        }
                        f.append(q);
                        i++;
                    }
                    if (!closed) {
                        ref.unterminatedAt = opened;
                        return ref;
                    }
                    continue;
                }
                if (ch == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                    fieldStarted = false;
                    afterQuote = false;
                    anyChar = true;
                    i++;
                } else if (ch == '\r' || ch == '\n') {
                    i += ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                    if (anyChar) {
                        fields.add(f.toString());
                        ref.records.add(recordLine + ":" + withoutQuotes(fields.toString()));
                        ref.blank.add(fields.stream().allMatch(v -> v.chars().allMatch(c -> c <= ' ')));
                    }
                    fields = new ArrayList<>();
                    f.setLength(0);
                    fieldStarted = false;
                    afterQuote = false;
                    anyChar = false;
                    line++;
                    recordLine = line;
                } else {
                    f.append(ch);
                    fieldStarted = true;
                    anyChar = true;
                    i++;
                }
            }
            if (anyChar) {
                fields.add(f.toString());
                ref.records.add(recordLine + ":" + withoutQuotes(fields.toString()));
                ref.blank.add(fields.stream().allMatch(v -> v.chars().allMatch(c -> c <= ' ')));
            }
            return ref;
        }
    }
}
