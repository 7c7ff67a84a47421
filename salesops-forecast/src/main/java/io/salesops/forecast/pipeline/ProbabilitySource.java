package io.salesops.forecast.pipeline;

/** Where a deal's win probability came from. */
public enum ProbabilitySource {
    /** The stage model's fixed probability for the deal's stage. */
    STAGE_MODEL,
    /** Learned from deals closed before the as-of date, shrunk toward broader rates. */
    LEARNED,
    /** The overall learned win rate: the deal's stage on the day is unknown, or history has no stage data. */
    OVERALL,
    /**
     * P(won inside the period) from won, lost and still-open deals as competing risks by age, shrunk from all
     * deals toward the segment and owner; it includes the timing.
     */
    TIME_TO_EVENT
}
