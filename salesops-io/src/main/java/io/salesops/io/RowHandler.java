package io.salesops.io;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordWrapper;
import java.util.Arrays;

/**
 * Turns FastCSV's parser callbacks into a {@link CsvRow}, enforcing the field-length and column limits without
 * copying an oversized field. It refills one row object for every record: the caller must be done with a row
 * before asking for the next. Not thread-safe: one per file or chunk.
 */
final class RowHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {

    private static final int PREVIEW = 40;

    private final int maxColumns;
    private final int maxFieldLength;
    private final CsvRow row = new CsvRow();
    private long lineOffset;

    RowHandler(CsvLimits limits) {
        this.maxColumns = limits.maxColumns();
        this.maxFieldLength = limits.maxFieldLength();
    }

    /** Adds {@code offset} to every line number: for a chunk that starts after that many lines. */
    RowHandler lineOffset(long offset) {
        this.lineOffset = offset;
        return this;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        CsvRow r = row;
        r.line = startingLineNumber + lineOffset;
        r.length = 0;
        r.size = 0;
        r.longField = -1;
        r.longFieldStart = null;
    }

    @Override
    protected void handleField(int fieldIdx, char[] chars, int offset, int n, boolean quoted) {
        if (fieldIdx >= maxColumns) {
            return;
        }
        CsvRow r = row;
        int copy = n;
        if (n > maxFieldLength) {
            if (r.longField < 0) {
                r.longField = fieldIdx;
                r.longFieldLength = n;
                r.longFieldStart = new String(chars, offset, PREVIEW);
            }
            copy = 0;
        }
        int len = r.length;
        if (len + copy > r.data.length) {
            r.data = Arrays.copyOf(r.data, Math.max(r.data.length * 2, len + copy));
        }
        System.arraycopy(chars, offset, r.data, len, copy);
        len += copy;
        r.length = len;
        if (r.size == r.ends.length) {
            r.ends = Arrays.copyOf(r.ends, r.ends.length * 2);
        }
        r.ends[r.size++] = quoted ? len | CsvRow.QUOTED : len;
    }

    @Override
    protected RecordWrapper<CsvRow> buildRecord() {
        row.fieldCount = getFieldCount();
        return wrapRecord(row);
    }
}
