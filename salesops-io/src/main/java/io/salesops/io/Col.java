package io.salesops.io;

/**
 * A field resolved against a file's header: the header name it was looked for under, and its 0-based column
 * index, or -1 if the header does not have it.
 */
final class Col {
    final String field;
    final String header;
    final int index;

    Col(String field, String header, int index) {
        this.field = field;
        this.header = header;
        this.index = index;
    }

    boolean present() {
        return index >= 0;
    }

    @Override
    public String toString() {
        return field + "@" + header + "#" + index;
    }
}
