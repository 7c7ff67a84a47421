package io.salesops.forecast.kpi;

import java.util.Arrays;

/** The rows of a table that fall in one group, in table order: a growable int array. Not thread-safe. */
final class RowList {

    private int[] rows;
    private int size;

    RowList() {
        this.rows = new int[8];
    }

    private RowList(int[] rows) {
        this.rows = rows;
        this.size = rows.length;
    }

    /** @return every row of a table of {@code n} rows */
    static RowList all(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return new RowList(rows);
    }

    void add(int row) {
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
        }
        rows[size++] = row;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return rows[i];
    }
}
