package io.salesops.forecast.pipeline;

/** Where a deal's win probability came from. */
public enum ProbabilitySource {
    /** The stage model's fixed probability for the deal's stage. */
    STAGE_MODEL,
    /** Learned from deals closed before the as-of date, shrunk toward broader rates. */
    LEARNED,
    /** The overall learned win rate: the deal's stage on the day is unknown, or history has no stage data. */
    OVERALL
}
