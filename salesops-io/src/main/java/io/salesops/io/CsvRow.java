package io.salesops.io;

/**
 * One physical CSV record: its fields' characters in one array, with the end offset of each field. The high bit
 * of an end offset says the field was quoted. Holding the characters rather than strings lets typed cells
 * (dates, amounts, repeated names) be read without allocating a string per cell.
 */
final class CsvRow {

    static final int QUOTED = 0x8000_0000;
    static final int END = 0x7fff_ffff;

    final long line;
    final char[] data;
    final int[] ends;
    /** The number of fields the parser saw, which may exceed {@code ends.length} when over the column limit. */
    final int fieldCount;
    /** The first field longer than the limit, or -1. */
    final int longField;
    final int longFieldLength;
    final String longFieldStart;

    CsvRow(long line, char[] data, int[] ends, int fieldCount, int longField, int longFieldLength, String longFieldStart) {
        this.line = line;
        this.data = data;
        this.ends = ends;
        this.fieldCount = fieldCount;
        this.longField = longField;
        this.longFieldLength = longFieldLength;
        this.longFieldStart = longFieldStart;
    }

    int size() {
        return ends.length;
    }

    int start(int i) {
        return i == 0 ? 0 : ends[i - 1] & END;
    }

    int end(int i) {
        return ends[i] & END;
    }

    boolean quoted(int i) {
        return (ends[i] & QUOTED) != 0;
    }

    /** @return the raw field, unstripped */
    String raw(int i) {
        int s = start(i);
        return new String(data, s, end(i) - s);
    }

    /** @return true if every field is empty or spaces: an Excel-style line of commas */
    boolean isBlank() {
        for (char ch : data) {
            if (!Character.isWhitespace(ch)) {
                return false;
            }
        }
        return true;
    }
}
