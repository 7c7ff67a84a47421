package io.salesops.core.crm;

import java.util.Arrays;

/**
 * The stage changes a table builder has been given, in the order added, and their sorting into the table's form:
 * row order, each row's changes in date order (stable), as CSR arrays. Appended by one thread, then read-only.
 */
final class StageChanges {

    private int changes;
    private int[] changeRow = new int[16];
    private int[] changeDay = new int[16];
    private int[] changeStage = new int[16];
    private long[] changeAmount = new long[16];
    private int[] changeClose = new int[16];

    /** Adds a change of row {@code row}: its epoch day, stage code, amount (or NO_AMOUNT) and close day (or NO_DATE). */
    void add(int row, int day, int stage, long amount, int close) {
        int i = changes;
        if (i == changeRow.length) {
            int cap = i * 2;
            changeRow = Arrays.copyOf(changeRow, cap);
            changeDay = Arrays.copyOf(changeDay, cap);
            changeStage = Arrays.copyOf(changeStage, cap);
            changeAmount = Arrays.copyOf(changeAmount, cap);
            changeClose = Arrays.copyOf(changeClose, cap);
        }
        changeRow[i] = row;
        changeDay[i] = day;
        changeStage[i] = stage;
        changeAmount[i] = amount;
        changeClose[i] = close;
        changes = i + 1;
    }

    /** The stage history in row order, each row's changes in date order (stable), as CSR arrays. */
    record History(int[] start, int[] day, int[] stage, long[] amount, int[] close) {
    }

    /** @return the changes added, sorted for a table of {@code size} rows */
    History sorted(int size) {
        int[] start = new int[size + 1];
        if (changes == 0) {
            // a bulk load without history: no per-row work beyond the starts
            return new History(start, new int[0], new int[0], new long[0], new int[0]);
        }
        for (int i = 0; i < changes; i++) {
            start[changeRow[i] + 1]++;
        }
        for (int r = 0; r < size; r++) {
            start[r + 1] += start[r];
        }
        int[] at = Arrays.copyOf(start, size);
        int[] order = new int[changes];
        for (int i = 0; i < changes; i++) {
            order[at[changeRow[i]]++] = i;
        }
        for (int r = 0; r < size; r++) {
            // insertion sort by day: stable, and a row has few changes
            for (int j = start[r] + 1; j < start[r + 1]; j++) {
                int x = order[j];
                int k = j - 1;
                while (k >= start[r] && changeDay[order[k]] > changeDay[x]) {
                    order[k + 1] = order[k];
                    k--;
                }
                order[k + 1] = x;
            }
        }
        int[] day = new int[changes];
        int[] stg = new int[changes];
        long[] amt = new long[changes];
        int[] cls = new int[changes];
        for (int j = 0; j < changes; j++) {
            int i = order[j];
            day[j] = changeDay[i];
            stg[j] = changeStage[i];
            amt[j] = changeAmount[i];
            cls[j] = changeClose[i];
        }
        return new History(start, day, stg, amt, cls);
    }
}
