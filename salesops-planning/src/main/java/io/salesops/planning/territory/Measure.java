package io.salesops.planning.territory;

import java.util.Locale;

/** What a territory is balanced on. */
public enum Measure {
    /** The accounts' potential (what they could buy). */
    POTENTIAL,
    /** The accounts' workload (what it takes to cover them). */
    WORKLOAD;

    /**
     * Parses {@code potential} or {@code workload}, ignoring case.
     *
     * @param text the name, not null
     * @return the measure
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static Measure parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("balance measure \"" + text + "\" is not one of potential, workload");
        }
    }

    /** @return the lower-case name used in files and on the command line */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
