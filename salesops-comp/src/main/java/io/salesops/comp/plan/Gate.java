package io.salesops.comp.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A gate: the component pays nothing unless a measure reaches a threshold. Immutable and thread-safe.
 *
 * @param component the component whose measure is tested, or null for the gated component itself
 * @param basis     what the threshold is in: attainment percent, amount (major units) or deal count
 * @param threshold the threshold
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

    /** Checks for nulls. */
    public Gate {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(threshold, "threshold");
    }

    /** @return a gate that opens at {@code percent} attainment of this component, inclusive */
    public static Gate minAttainment(String percent) {
        return new Gate(null, Basis.ATTAINMENT, new BigDecimal(percent), true);
    }

    /** @return a gate that opens when {@code component} reaches {@code percent} attainment, inclusive */
    public static Gate onAttainmentOf(String component, String percent) {
        return new Gate(component, Basis.ATTAINMENT, new BigDecimal(percent), true);
    }

    /** @return a gate that opens when {@code component} has at least {@code deals} credited deals */
    public static Gate onCountOf(String component, int deals) {
        return new Gate(component, Basis.COUNT, BigDecimal.valueOf(deals), true);
    }

    /** @return true if {@code value} opens the gate */
    public boolean opens(BigDecimal value) {
        int c = value.compareTo(threshold);
        return c > 0 || (c == 0 && inclusive);
    }

    /** @return e.g. {@code "attainment of Bookings >= 50%"} */
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
