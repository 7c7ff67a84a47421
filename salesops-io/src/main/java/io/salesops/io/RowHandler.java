package io.salesops.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.util.Arrays;

/**
 * Turns FastCSV's parser callbacks into {@link CsvRow}s, enforcing the field-length and column limits without
 * copying an oversized field. Not thread-safe: one per reader.
 */
final class RowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {

    private static final int PREVIEW = 40;

    private final int maxColumns;
    private final int maxFieldLength;
    private char[] buf = new char[512];
    private int len;
    private int[] ends = new int[32];
    private int stored;
    private int longField;
    private int longFieldLength;
    private String longFieldStart;

    RowHandler(CsvLimits limits) {
        this.maxColumns = limits.maxColumns();
        this.maxFieldLength = limits.maxFieldLength();
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        len = 0;
        stored = 0;
        longField = -1;
        longFieldStart = null;
    }

    @Override
    protected void handleField(int fieldIdx, char[] chars, int offset, int n, boolean quoted) {
        if (fieldIdx >= maxColumns) {
            return;
        }
        int copy = n;
        if (n > maxFieldLength) {
            if (longField < 0) {
                longField = fieldIdx;
                longFieldLength = n;
                longFieldStart = new String(chars, offset, PREVIEW);
            }
            copy = 0;
        }
        if (len + copy > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + copy));
        }
        System.arraycopy(chars, offset, buf, len, copy);
        len += copy;
        if (stored == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[stored++] = quoted ? len | CsvRow.QUOTED : len;
    }

    @Override
    protected RecordWrapper<CsvRow> buildRecord() {
        CsvRow row = new CsvRow(getStartingLineNumber(), Arrays.copyOf(buf, len), Arrays.copyOf(ends, stored),
                getFieldCount(), longField, longFieldLength, longFieldStart);
        return wrapRecord(row);
    }
}
