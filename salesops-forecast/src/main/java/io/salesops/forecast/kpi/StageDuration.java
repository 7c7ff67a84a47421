package io.salesops.forecast.kpi;


/**
 * How long deals stayed in one stage: the completed stays (the deal moved on to another stage) that ended inside
 * the window, from stage history. A stay runs from the day the deal entered the stage to the day it entered the
 * next one; consecutive history entries at the same stage are one stay. Stays still running at the end of the
 * window are not counted (they are censored, not finished). Immutable and thread-safe.
 *
 * @param stage      the stage name as the history spells it first
 * @param stays      completed stays that ended in the window, at least 1
 * @param medianDays median length of those stays in days
 * @param meanDays   mean length of those stays in days
 */
public record StageDuration(String stage, long stays, double medianDays, double meanDays) {
}
