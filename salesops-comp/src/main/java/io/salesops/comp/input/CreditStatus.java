package io.salesops.comp.input;

/**
 * The life-cycle status of a credit row. A reversal or cancellation is its own row that refers to the
 * original deal by {@link Credit#dealId()}; the engine claws back the pay that deal produced.
 */
public enum CreditStatus {
    /** A booked transaction that earns pay. */
    BOOKED,
    /** A reversal of an earlier booking (e.g. a refund or a de-booking). */
    REVERSED,
    /** A cancellation of an earlier booking (e.g. the customer cancelled within the trial window). */
    CANCELLED;

    /** @return true for {@link #REVERSED} and {@link #CANCELLED}, the rows that trigger a clawback */
    public boolean isReversal() {
        return this != BOOKED;
    }
}
