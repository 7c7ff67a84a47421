package io.salesops.forecast.kpi;

import io.salesops.core.period.Period;
import java.util.List;
import java.util.Optional;

/**
 * Sales KPIs over a window of periods: a {@code Total} row, then one row per group, each with its
 * {@link KpiDetail} tables. Immutable and thread-safe.
 */
public final class KpiReport {

    private final List<Period> periods;
    private final String dimension;
    private final List<KpiRow> rows;
    private final List<KpiDetail> details;
    private final boolean stageHistory;
    private final List<String> assumptions;

    KpiReport(List<Period> periods, String dimension, List<KpiRow> rows, List<KpiDetail> details, boolean stageHistory,
              List<String> assumptions) {
        this.periods = List.copyOf(periods);
        this.dimension = dimension;
        this.rows = List.copyOf(rows);
        this.details = List.copyOf(details);
        this.stageHistory = stageHistory;
        this.assumptions = List.copyOf(assumptions);
    }

    /**
     * What the report assumed that the caller did not say, one sentence each: today only the stage model read
     * from the deals when no model was given and the default model lacks a stage of an open deal (see
     * {@link SalesKpis#stages(io.salesops.core.crm.StageModel)}).
     *
     * @return the assumptions, in order; empty when nothing was assumed
     */
    public List<String> assumptions() {
        return assumptions;
    }

    /** @return the tables of each row, in the order of {@link #rows()} (total first) */
    public List<KpiDetail> details() {
        return details;
    }

    /**
     * The tables of one group.
     *
     * @param group a group key as in {@link KpiRow#group()}, {@code Total} for the total; exact match
     * @return the group's tables, empty if no row has this key
     */
    public Optional<KpiDetail> detail(String group) {
        return details.stream().filter(d -> d.group().equals(group)).findFirst();
    }

    /** @return whether any deal has stage history; without it there are no stage durations */
    public boolean hasStageHistory() {
        return stageHistory;
    }

    /** @return the periods of the window, in order; each row's bookings line up with them */
    public List<Period> periods() {
        return periods;
    }

    /** @return the grouping dimension, or null for the total alone */
    public String dimension() {
        return dimension;
    }

    /** @return the total row, then the group rows sorted by key */
    public List<KpiRow> rows() {
        return rows;
    }

    /** @return the total row */
    public KpiRow total() {
        return rows.get(0);
    }

    /**
     * The row of one group (not the total: use {@link #total()}).
     *
     * @param group a group key as in {@link KpiRow#group()}; exact match
     * @return the group's row, empty if no group has this key (and for {@code Total})
     */
    public Optional<KpiRow> row(String group) {
        return rows.stream().skip(1).filter(r -> r.group().equals(group)).findFirst();
    }
}
