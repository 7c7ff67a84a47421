package io.salesops.planning.quota;

import java.util.Locale;

/**
 * How a rep's share of the company target is weighed. Each method gives every rep a full-year weight; a
 * {@link MethodMix} blends them.
 */
public enum QuotaMethod {
    /** Bookings in the fiscal year before the plan year, annualised over the months the rep was in role. */
    HISTORICAL,
    /** The potential of the rep's territory (shared equally by the reps in it), or a potential given per rep. */
    POTENTIAL,
    /** The rep's pipeline forecast (expected bookings) for the plan year. */
    FORECAST,
    /** One equal share per rep (headcount). */
    EQUAL;

    /** @return the lower-case name used on the command line and in explanations */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a method name, ignoring case and surrounding spaces.
     *
     * @param text {@code historical}, {@code potential}, {@code forecast} or {@code equal}; not null
     * @return the method
     * @throws IllegalArgumentException naming the text and the accepted names
     */
    public static QuotaMethod parse(String text) {
        for (QuotaMethod m : values()) {
            if (m.label().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("quota method \"" + text
                + "\" is not one of historical, potential, forecast, equal, blend[:w1,w2,w3,w4]");
    }
}
