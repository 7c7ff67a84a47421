package io.salesops.comp.plan;

import java.util.Objects;

/**
 * What a component measures from its credited amounts. Immutable and thread-safe.
 *
 * @param kind       sum, count or attainment against quota
 * @param cumulative true to measure year-to-date (the fiscal year of the period) instead of the period alone;
 *                   pay is then earned-to-date minus earned in earlier periods (a year-to-date true-up)
 */
public record Measure(Kind kind, boolean cumulative) {

    /** The kinds of measure. */
    public enum Kind {
        /** The sum of credited amounts. */
        SUM,
        /** The number of credited deals. */
        COUNT,
        /** The sum of credited amounts as a percentage of quota; needs a quota for every payee. */
        ATTAINMENT
    }

    /**
     * Validates the fields.
     *
     * @param kind       sum, count or attainment against quota
     * @param cumulative true to measure year-to-date, false for the period alone
     * @throws NullPointerException if {@code kind} is null
     */
    public Measure {
        Objects.requireNonNull(kind, "kind");
    }

    /** @return the sum of credited amounts in the period */
    public static Measure sum() {
        return new Measure(Kind.SUM, false);
    }

    /** @return the number of credited deals in the period */
    public static Measure count() {
        return new Measure(Kind.COUNT, false);
    }

    /** @return the credited amount as a percentage of the period's quota */
    public static Measure attainment() {
        return new Measure(Kind.ATTAINMENT, false);
    }

    /** @return this measure taken year-to-date */
    public Measure yearToDate() {
        return new Measure(kind, true);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (cumulative ? " (year to date)" : "");
    }
}
