package io.salesops.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One section of {@code salesops demo}: a heading and what it prints under it. Sections are listed, in
 * order, by {@link DemoCommand#sections()}; add one there to extend the demo.
 *
 * <p>A section must print deterministically (the same text for the same context: no wall-clock time, no
 * hash-order iteration) and keep lines to {@link DemoContext#WIDTH} columns. Implementations should be
 * immutable and thread-safe.
 */
public interface DemoSection {

    /** @return the heading, e.g. {@code "Bookings by quarter"}; not null */
    String title();

    /** @return the id used by {@code salesops demo --section ID}: the title, lower case, words joined by '-' */
    default String id() {
        return title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * Prints the body of the section (the heading is printed by the demo).
     *
     * @param context the sample data and dates, not null
     * @param out     where to print, not null; do not close
     */
    void print(DemoContext context, PrintWriter out);
}
