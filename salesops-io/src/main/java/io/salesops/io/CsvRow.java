package io.salesops.io;

/**
 * The current CSV record: its fields' characters in one array, with the end offset of each field; the high bit
 * of an end offset says the field was quoted. One instance is refilled for every record (see
 * {@link RowHandler}), so a row costs no allocation; whoever needs a value past the current row copies it out.
 */
final class CsvRow {

    static final int QUOTED = 0x8000_0000;
    static final int END = 0x7fff_ffff;

    long line;
    char[] data = new char[512];
    int length;
    int[] ends = new int[32];
    int size;
    /** The number of fields the parser saw, which may exceed {@link #size} when over the column limit. */
    int fieldCount;
    /** The first field longer than the limit, or -1. */
    int longField;
    int longFieldLength;
    String longFieldStart;

    int size() {
        return size;
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

    /**
     * @return for a record whose quoted field spans several lines, words naming where that field opened and how
     * many lines it runs over (a likely missing closing quote); else the empty string
     */
    String spanningField() {
        long opened = line;
        for (int i = 0; i < size; i++) {
            int breaks = 0;
            boolean cr = false;
            for (int k = start(i), e = end(i); k < e; k++) {
                char ch = data[k];
                if (ch == '\r' || (ch == '\n' && !cr)) {
                    breaks++;
                }
                cr = ch == '\r';
            }
            if (breaks > 0 && quoted(i)) {
                return "; the quoted field in column " + (i + 1) + " opened on line " + opened + " runs over "
                        + (breaks + 1) + " lines: a closing quote may be missing";
            }
            opened += breaks;
        }
        return "";
    }

    /** @return true if every field is empty or spaces: an Excel-style line of commas */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (data[i] > ' ') {
                return false;
            }
        }
        return true;
    }
}
