package io.salesops.forecast.kpi;

import java.util.List;

/**
 * One line of the funnel: how many deals entered a stage in each period of the window, from stage history. A deal
 * counts once per stage and period, however often it re-entered the stage in that period. Immutable and
 * thread-safe.
 *
 * @param stage   the stage name as the history spells it first
 * @param entered deals that entered the stage, one count per period of the window, in order
 */
public record StageEntries(String stage, List<Long> entered) {
    /**
     * Copies the list.
     *
     * @param stage   the stage name
     * @param entered one count per period of the window, each 0 or more; copied
     * @throws NullPointerException if {@code entered} is null or holds a null
     */
    public StageEntries {
        entered = List.copyOf(entered);
    }
}
