package io.salesops.forecast.pipeline;

/** Where a deal's probability of closing inside the period (if it wins) came from. */
public enum TimingSource {
    /** The expected close date alone: 1 if it falls in the rest of the period, else 0. */
    CLOSE_DATE,
    /**
     * The empirical distribution of days from creation to close of won deals, conditioned on the deal's
     * age, blended with how often deals in the same close-date situation closed in past periods.
     */
    LEARNED
}
