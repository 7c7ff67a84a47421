package io.salesops.comp.statement;

/** What a payout line is. */
public enum LineKind {
    /** Commission from a rate or tier on credited amounts. */
    COMMISSION(true),
    /** A bonus or MBO payout. */
    BONUS(true),
    /** A per-deal SPIFF. */
    SPIFF(true),
    /** A closed gate: the component paid nothing (amount zero, with the reason). */
    GATE(true),
    /** Pay removed by a component cap. */
    CAP(true),
    /** Pay added to reach a component's floor. */
    FLOOR(true),
    /** Pay reversed because a deal was reversed or cancelled. */
    CLAWBACK(true),
    /** Pay removed by a cap on the plan total. */
    TOTAL_CAP(true),
    /** A draw advance paid because earnings fell short of the draw. */
    DRAW(false),
    /** Earnings withheld to pay back a recoverable draw balance. */
    DRAW_RECOVERY(false),
    /** Pay added to reach a guarantee. */
    GUARANTEE(false),
    /** A difference found by recalculating a past period. */
    ADJUSTMENT(false),
    /**
     * Earnings of a component paid later (on collection, in instalments) held until they fall due: minus what the
     * period earned on its deals (plus, for a clawback that comes out of pay still held).
     */
    HELD(false),
    /**
     * Held earnings of one deal that fell due this period (the customer paid, or an instalment came due); negative
     * when a reversal takes back pay already released.
     */
    RELEASED(false);

    private final boolean earning;

    LineKind(boolean earning) {
        this.earning = earning;
    }

    /** @return true if the line is part of earnings (as opposed to a draw, recovery, guarantee or adjustment) */
    public boolean isEarning() {
        return earning;
    }
}
