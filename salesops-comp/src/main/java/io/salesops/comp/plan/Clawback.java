package io.salesops.comp.plan;

/**
 * What happens when a deal is reversed or cancelled: if the reversal is dated within {@code windowDays} of the
 * deal's booking, every payee gets back exactly the pay that deal produced for them, at the rate it was paid
 * (from the engine's per-deal pay history), not at today's tier. Immutable and thread-safe.
 *
 * @param windowDays days after the booking within which a reversal claws back, not negative
 * @param attainment whether the reversed amount also leaves the year-to-date measure of cumulative components
 */
public record Clawback(int windowDays, Attainment attainment) {

    /** How a clawback changes the measure. */
    public enum Attainment {
        /** The reversed deal still counts towards attainment. */
        KEEP,
        /** The reversed amount is taken off the year-to-date measure, so later deals are placed lower. */
        REDUCE
    }

    /** Checks the fields. @throws IllegalArgumentException on a negative window */
    public Clawback {
        java.util.Objects.requireNonNull(attainment, "attainment");
        if (windowDays < 0) {
            throw new IllegalArgumentException("clawback window " + windowDays + " days is negative");
        }
    }

    /** @return a clawback within {@code windowDays} that also reduces attainment */
    public static Clawback within(int windowDays) {
        return new Clawback(windowDays, Attainment.REDUCE);
    }
}
