package io.salesops.forecast.kpi;

import java.util.List;

/**
 * The KPIs of one group (or {@code Total}) that are tables rather than single figures: stage durations, win rate
 * by creation cohort and the consistency of its bookings. Lists are never null. Immutable and thread-safe.
 *
 * @param group          the group key, as in {@link KpiRow#group()}
 * @param stageDurations per stage, open stages in model order, then other stages by name; empty without stage
 *                       history (see {@link KpiReport#hasStageHistory()})
 * @param cohorts        one per period of the window, in order
 * @param consistency    the coefficient of variation of the group's bookings per active period
 */
public record KpiDetail(String group, List<StageDuration> stageDurations, List<CohortWinRate> cohorts,
                        BookingsConsistency consistency) {
    /** Copies the lists. */
    public KpiDetail {
        stageDurations = List.copyOf(stageDurations);
        cohorts = List.copyOf(cohorts);
    }
}
