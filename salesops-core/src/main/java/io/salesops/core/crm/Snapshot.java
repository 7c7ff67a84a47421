package io.salesops.core.crm;

/**
 * One row of an {@link OpportunityTable} as it stood at the end of a day, filled by
 * {@link OpportunityTable#snapshot}: the same fields {@link Opportunity#asOf} gives, as codes and numbers, so a
 * pass over a million rows reuses one cursor instead of making a million objects.
 *
 * <p>Mutable and not thread-safe: one per thread, refilled for every row.
 */
public final class Snapshot {

    /** The stage code of a snapshot whose stage on the day is not known ({@link Opportunity#UNKNOWN_STAGE}). */
    public static final int UNKNOWN_STAGE = -1;

    private int row;
    private byte status;
    private int stage;
    private long amount;
    private int closeDay;
    private byte category;
    private int historyEnd;
    private boolean replayed;

    /** An empty cursor. */
    public Snapshot() {
    }

    private static final OpportunityStatus[] STATUSES = OpportunityStatus.values();
    private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();
    private static final byte OPEN = (byte) OpportunityStatus.OPEN.ordinal();
    /** The category code of a row whose forecast category is not set (and of a closed deal's snapshot). */
    private static final byte NO_CATEGORY = -1;

    // This runs once per row in every pass over a table, and its cost is the pass's: it reads the table's arrays
    // as codes, and keeps the common rows (closed by the day, or without recorded changes) in a method small
    // enough for the JIT to inline into the pass; rows with stage history are replayed in a method of their own.
    boolean of(OpportunityTable t, int row, int day) {
        int created = t.created[row];
        if (created > day) {
            return false;
        }
        this.row = row;
        int current = t.status[row];
        int end = t.historyStart[row + 1];
        int close = t.close[row];
        int settled = t.settledDay[row];
        // The row stands on the day as it stands now if it closed by then, or if it is open and no change after
        // the day (nor one its current fields do not show) is recorded: one test of the close day or the settled
        // day, picked by a mask rather than by a branch on the status, which is random from row to row.
        int openMask = ((current ^ OPEN) - 1) >> 31; // -1 if open, else 0 (status codes are small and non-negative)
        if ((close ^ ((close ^ settled) & openMask)) <= day) {
            boolean noDate = openMask != 0 & close != OpportunityTable.NO_DATE & close < created;
            set((byte) current, t.stage[row], t.amount[row], noDate ? OpportunityTable.NO_DATE : close, t.category[row],
                    end, noDate);
        } else if (current != OPEN && t.historyStart[row] == end) {
            // its only known stage is the closing one, which was not known on the day, nor was a close date
            set(OPEN, UNKNOWN_STAGE, t.amount[row], OpportunityTable.NO_DATE, NO_CATEGORY, end, true);
        } else {
            replay(t, row, day, created, current != OPEN, end);
        }
        return true;
    }

    /** The row's recorded changes up to the day, applied in order; {@code end} is one past its last change. */
    private void replay(OpportunityTable t, int row, int day, int created, boolean closed, int end) {
        int start = t.historyStart[row];
        int s = UNKNOWN_STAGE;
        long a = OpportunityTable.NO_AMOUNT;
        int c = OpportunityTable.NO_DATE;
        int known = start;
        for (int i = start; i < end && t.historyDay[i] <= day; i++) {
            known = i + 1;
            s = t.historyStage[i];
            if (t.historyAmount[i] != OpportunityTable.NO_AMOUNT) {
                a = t.historyAmount[i];
            }
            if (t.historyClose[i] != OpportunityTable.NO_DATE) {
                c = t.historyClose[i];
            }
        }
        if (s == UNKNOWN_STAGE) {
            // created before its first recorded change: the first recorded stage is the best knowledge
            s = t.historyStage[start];
        }
        int closing = t.stage[row];
        if (closed && t.stageFold[s] == t.stageFold[closing] && t.stages[s].equalsIgnoreCase(t.stages[closing])) {
            s = UNKNOWN_STAGE; // the only stage known is the closing one, which was not known on the day
        }
        if (a == OpportunityTable.NO_AMOUNT) {
            a = t.amount[row];
        }
        if (c == OpportunityTable.NO_DATE && !closed) {
            c = t.close[row];
        }
        if (c != OpportunityTable.NO_DATE && c < created) {
            c = OpportunityTable.NO_DATE;
        }
        boolean same = !closed && s == t.stage[row] && a == t.amount[row] && c == t.close[row] && known == end;
        set(OPEN, s, a, c, closed ? NO_CATEGORY : t.category[row], known, !same);
    }

    private void set(byte status, int stage, long amount, int closeDay, byte category, int historyEnd,
                     boolean replayed) {
        this.status = status;
        this.stage = stage;
        this.amount = amount;
        this.closeDay = closeDay;
        this.category = category;
        this.historyEnd = historyEnd;
        this.replayed = replayed;
    }

    /** @return the row this snapshot is of */
    public int row() {
        return row;
    }

    /** @return the status on the day: the row's own if it closed by then, else open */
    public OpportunityStatus status() {
        return STATUSES[status];
    }

    /**
     * @return the stage code on the day, an index into {@link OpportunityTable#stages()}; or {@link #UNKNOWN_STAGE}
     *         for a deal that closed later and has no history to say where it stood
     */
    public int stageCode() {
        return stage;
    }

    /** @return the amount on the day, in minor units of the row's {@link OpportunityTable#currency(int) currency} */
    public long amountMinor() {
        return amount;
    }

    /**
     * @return the close date known on the day as an epoch day (actual if it closed by then, else expected), or
     *         {@link OpportunityTable#NO_DATE} if none was known
     */
    public int closeDay() {
        return closeDay;
    }

    /** @return the forecast category set on the deal on the day, or null */
    public ForecastCategory forecastCategory() {
        return category < 0 ? null : CATEGORIES[category];
    }

    /** @return one past the index of the last stage change known on the day */
    public int historyEnd() {
        return historyEnd;
    }

    /** @return true if the snapshot differs from the row as the CRM holds it now (history was replayed) */
    public boolean replayed() {
        return replayed;
    }
}
