package io.salesops.comp.plan;

/**
 * What happens when a deal is reversed or cancelled: if the reversal is dated within {@code windowDays} of the
 * deal's booking, every payee gets back exactly the pay that deal produced for them, at the rate it was paid
 * (from the engine's per-deal pay history), not at today's tier. Immutable and thread-safe.
 *
 * @param windowDays days after the booking within which a reversal claws back, not negative
 * @param attainment whether the reversed amount also leaves the year-to-date measure of cumulative components
 * @param deduct     when a clawback larger than the period's pay is taken: at once (a negative net pay) or from
 *                   later pay
 */
public record Clawback(int windowDays, Attainment attainment, Deduction deduct) {

    /** When a clawback that exceeds the period's pay is taken back. */
    public enum Deduction {
        /** In the period of the reversal: the net pay may be negative (the payee owes it at once). */
        NOW,
        /**
         * From later pay: the period's net pay stops at zero and the rest joins the balance (the draw balance)
         * that later earnings pay back, as a recoverable draw's is, "deducted from future commission payments
         * until recouped".
         */
        FROM_LATER_PAY
    }

    /** How a clawback changes the measure. */
    public enum Attainment {
        /** The reversed deal still counts towards attainment. */
        KEEP,
        /** The reversed amount is taken off the year-to-date measure, so later deals are placed lower. */
        REDUCE
    }

    /**
     * Checks the fields.
     *
     * @param windowDays days after the booking within which a reversal claws back, 0 or more (0: only a
     *                   reversal dated on the booking day)
     * @param attainment whether the reversed amount also leaves the year-to-date measure
     * @param deduct     when a clawback beyond the period's pay is taken
     * @throws NullPointerException     if {@code attainment} or {@code deduct} is null
     * @throws IllegalArgumentException if {@code windowDays} is negative
     */
    public Clawback {
        java.util.Objects.requireNonNull(attainment, "attainment");
        java.util.Objects.requireNonNull(deduct, "deduct");
        if (windowDays < 0) {
            throw new IllegalArgumentException("clawback window " + windowDays + " days is negative");
        }
    }

    /**
     * A clawback taken at once ({@link Deduction#NOW}).
     *
     * @param windowDays days after the booking within which a reversal claws back, 0 or more
     * @param attainment whether the reversed amount also leaves the year-to-date measure
     * @throws NullPointerException     if {@code attainment} is null
     * @throws IllegalArgumentException if {@code windowDays} is negative
     */
    public Clawback(int windowDays, Attainment attainment) {
        this(windowDays, attainment, Deduction.NOW);
    }

    /**
     * A clawback that also reduces attainment ({@link Attainment#REDUCE}).
     *
     * @param windowDays days after the booking within which a reversal claws back, 0 or more, e.g. 90
     * @return a clawback within {@code windowDays} that also reduces attainment
     * @throws IllegalArgumentException if {@code windowDays} is negative
     */
    public static Clawback within(int windowDays) {
        return new Clawback(windowDays, Attainment.REDUCE);
    }
}
