package io.salesops.forecast.kpi;

import java.util.List;

/**
 * The KPIs of one group (or {@code Total}) that are tables rather than single figures: stage durations, win rate
 * by creation cohort, the consistency of its bookings and the funnel. Lists are never null. Immutable and thread-safe.
 *
 * @param group          the group key, as in {@link KpiRow#group()}
 * @param stageDurations per stage, open stages in model order, then other stages by name; empty without stage
 *                       history (see {@link KpiReport#hasStageHistory()})
 * @param cohorts        one per period of the window, in order
 * @param consistency    the coefficient of variation of the group's bookings per active period
 * @param funnel         per stage (open stages in model order, then stages the model does not know, then the
 *                       closed stages), deals entering it in each period of the window; empty without stage history
 */
public record KpiDetail(String group, List<StageDuration> stageDurations, List<CohortWinRate> cohorts,
                        BookingsConsistency consistency, List<StageEntries> funnel) {
    /**
     * Copies the lists.
     *
     * @param group          the group key, as in {@link KpiRow#group()}
     * @param stageDurations per stage; copied, may be empty
     * @param cohorts        one per period of the window, in order; copied
     * @param consistency    the coefficient of variation of the group's bookings per active period
     * @param funnel         deals entering each stage per period; copied, may be empty
     * @throws NullPointerException if a list is null or holds a null
     */
    public KpiDetail {
        stageDurations = List.copyOf(stageDurations);
        cohorts = List.copyOf(cohorts);
        funnel = List.copyOf(funnel);
    }
}
