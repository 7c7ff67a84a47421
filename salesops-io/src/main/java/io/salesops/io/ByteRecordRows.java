package io.salesops.io;

/**
 * The current record of a {@link ByteRecords} in the row-by-row reader's terms, for the rows the byte reader does
 * not decode itself: whether it is blank, and the record decoded to characters as a {@link CsvRow}, so that the
 * exact checks of {@link Cells} and the converters name its problems as a row-by-row read does. Stateless.
 */
final class ByteRecordRows {

    private ByteRecordRows() {
    }

    /** @return true if every field of {@code r}'s record is empty or spaces: an Excel-style line of commas */
    static boolean isBlank(ByteRecords r) {
        for (int i = 0; i < r.fieldCount; i++) {
            for (int k = r.fs[i]; k < r.fe[i]; k++) {
                if (r.buf[k] < 0 || r.buf[k] > ' ') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @return {@code r}'s record as {@link CsvRow} holds it, decoded to characters; {@code lineOffset} is added to
     * its line
     */
    static CsvRow toRow(ByteRecords r, long lineOffset) {
        CsvRow row = new CsvRow();
        int n = r.fieldCount;
        row.line = r.line + lineOffset;
        row.size = n;
        row.fieldCount = n;
        row.longField = -1;
        if (row.ends.length < n) {
            row.ends = new int[n];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            byte[] b = r.buf;
            int s = r.fs[i];
            int e = r.fe[i];
            if (r.escaped[i]) {
                b = new byte[e - s];
                e = r.unescape(i, b);
                s = 0;
            }
            sb.append(new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8));
            row.ends[i] = r.quoted[i] ? sb.length() | CsvRow.QUOTED : sb.length();
        }
        row.length = sb.length();
        row.data = new char[Math.max(16, sb.length())];
        sb.getChars(0, sb.length(), row.data, 0);
        return row;
    }
}
