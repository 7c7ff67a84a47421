package io.salesops.comp.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A gate: the component pays nothing unless a measure reaches a threshold. Immutable and thread-safe.
 *
 * @param component the component whose measure is tested, or null for the gated component itself
 * @param basis     what the threshold is in: attainment percent, amount (major units) or deal count
 * @param threshold the value the measure must reach, in the units of {@code basis}, e.g. 50 for 50% attainment
 * @param inclusive whether a measure exactly at the threshold opens the gate
 */
public record Gate(String component, Basis basis, BigDecimal threshold, boolean inclusive) {

    /** What a gate threshold measures. */
    public enum Basis {
        /** Attainment percent of quota. */
        ATTAINMENT,
        /** Credited amount in major units of the plan currency. */
        AMOUNT,
        /** Number of credited deals. */
        COUNT
    }

    /**
     * Checks for nulls; plan validation checks that a named component exists.
     *
     * @param component the name of the component whose measure is tested, or null for the gated component
     * @param basis     what the threshold is in
     * @param threshold attainment in percent (e.g. 50), an amount in major units of the plan currency, or a
     *                  deal count
     * @param inclusive whether a measure exactly at the threshold opens the gate
     * @throws NullPointerException if {@code basis} or {@code threshold} is null
     */
    public Gate {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(threshold, "threshold");
    }

    /**
     * A gate on the gated component's own attainment.
     *
     * @param percent the attainment that opens the gate, in percent, e.g. {@code "50"}; reaching it is enough
     * @return a gate that opens at {@code percent} attainment of the gated component, inclusive
     * @throws NumberFormatException if {@code percent} is not a decimal number
     * @throws NullPointerException  if {@code percent} is null
     */
    public static Gate minAttainment(String percent) {
        return new Gate(null, Basis.ATTAINMENT, new BigDecimal(percent), true);
    }

    /**
     * A gate on another component's attainment.
     *
     * @param component the other component's name in the same plan
     * @param percent   the attainment that opens the gate, in percent, e.g. {@code "100"}
     * @return a gate that opens when {@code component} reaches {@code percent} attainment, inclusive
     * @throws NumberFormatException if {@code percent} is not a decimal number
     * @throws NullPointerException  if {@code percent} is null
     */
    public static Gate onAttainmentOf(String component, String percent) {
        return new Gate(component, Basis.ATTAINMENT, new BigDecimal(percent), true);
    }

    /**
     * A gate on a component's count of credited deals.
     *
     * @param component a component's name in the same plan, or null for the gated component
     * @param deals     the number of deals that opens the gate
     * @return a gate that opens when {@code component} has at least {@code deals} credited deals
     */
    public static Gate onCountOf(String component, int deals) {
        return new Gate(component, Basis.COUNT, BigDecimal.valueOf(deals), true);
    }

    /**
     * Tests a measured value against the threshold.
     *
     * @param value the measure, in the gate's {@link #basis()} units
     * @return true if {@code value} opens the gate
     * @throws NullPointerException if {@code value} is null
     */
    public boolean opens(BigDecimal value) {
        int c = value.compareTo(threshold);
        return c > 0 || (c == 0 && inclusive);
    }

    /**
     * The gate in words.
     *
     * @param self the gated component's name, used when the gate tests the component itself
     * @return e.g. {@code "attainment of Bookings >= 50%"}
     */
    public String describe(String self) {
        String what = switch (basis) {
            case ATTAINMENT -> "attainment";
            case AMOUNT -> "amount";
            case COUNT -> "deal count";
        };
        return what + " of " + (component == null ? self : component) + (inclusive ? " >= " : " > ")
                + threshold.toPlainString() + (basis == Basis.ATTAINMENT ? "%" : "");
    }
}
