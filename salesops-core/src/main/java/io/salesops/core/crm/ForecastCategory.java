package io.salesops.core.crm;

import java.util.Locale;

/**
 * Salesforce's forecast categories, from least to most certain, plus {@link #OMITTED}.
 */
public enum ForecastCategory {
    /** Excluded from the forecast (e.g. closed lost or disqualified). */
    OMITTED,
    /** Open pipeline the rep does not yet expect to close this period. */
    PIPELINE,
    /** Could close this period. */
    BEST_CASE,
    /** The rep commits to closing it this period. */
    COMMIT,
    /** Closed won. */
    CLOSED;

    /**
     * Parses a category as CRMs export it: {@code Commit}, {@code Best Case}, {@code best_case},
     * {@code BestCase}, {@code Closed}, {@code Omitted}, {@code Pipeline}; {@code Won} and {@code Closed Won} are
     * read as {@link #CLOSED}. Case and surrounding spaces are ignored.
     *
     * @param text the category as a CRM exports it; not null
     * @return the category
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static ForecastCategory parse(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (s.equals("BESTCASE")) {
            s = "BEST_CASE";
        }
        if (s.equals("CLOSED_WON") || s.equals("WON")) {
            s = "CLOSED";
        }
        try {
            return valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("forecast category \"" + text
                    + "\" is not one of Pipeline, Best Case, Commit, Closed, Omitted");
        }
    }

    /** @return the label CRMs show: {@code Best Case} */
    public String label() {
        String s = name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        return this == BEST_CASE ? "Best Case" : s;
    }
}
