package io.salesops.forecast.backtest;

import io.salesops.core.period.Period;
import java.util.List;
import java.util.Locale;

/**
 * The result of a {@link PipelineBacktest}: per period the totals, and per period and group the rows, with
 * error measures for the model and for the run-rate baseline side by side.
 *
 * <ul>
 *   <li>APE (absolute percentage error) of a period's total: |forecast - actual| / actual;</li>
 *   <li>MAPE: the mean APE over the periods with bookings;</li>
 *   <li>WAPE (weighted absolute percentage error) per group: sum over groups and periods of
 *       |forecast - actual| / sum of actual; it weights big groups by their bookings and is defined when a
 *       group booked nothing.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class BacktestReport {

    private final List<Period> periods;
    private final List<BacktestRow> totals;
    private final List<BacktestRow> rows;

    BacktestReport(List<Period> periods, List<BacktestRow> totals, List<BacktestRow> rows) {
        this.periods = List.copyOf(periods);
        this.totals = List.copyOf(totals);
        this.rows = List.copyOf(rows);
    }

    /** @return the backtested periods, in order */
    public List<Period> periods() {
        return periods;
    }

    /** @return one {@code Total} row per period */
    public List<BacktestRow> totals() {
        return totals;
    }

    /** @return one row per period and group */
    public List<BacktestRow> rows() {
        return rows;
    }

    /**
     * @return the model's mean APE of the period totals, as a fraction (0.12 for 12%), 0 or more; NaN if no
     *         period booked anything
     */
    public double modelMape() {
        return totals.stream().mapToDouble(BacktestRow::modelApe).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    /**
     * @return the run-rate baseline's mean APE of the period totals, as a fraction, 0 or more; NaN if no period
     *         booked anything
     */
    public double runRateMape() {
        return totals.stream().mapToDouble(BacktestRow::runRateApe).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }

    /** @return the model's WAPE over all periods and groups, as a fraction, 0 or more; NaN if nothing was booked */
    public double modelWape() {
        return wape(rows, true);
    }

    /**
     * @return the run-rate baseline's WAPE over all periods and groups, as a fraction, 0 or more; NaN if nothing
     *         was booked
     */
    public double runRateWape() {
        return wape(rows, false);
    }

    /**
     * The model's WAPE over the groups of one period.
     *
     * @param period one of {@link #periods()}
     * @return the WAPE as a fraction (0.12 for 12%), 0 or more; NaN if the period booked nothing or is not one
     *         of the backtested periods
     */
    public double modelWape(Period period) {
        return wape(rows.stream().filter(r -> r.period().equals(period)).toList(), true);
    }

    /**
     * The run-rate baseline's WAPE over the groups of one period.
     *
     * @param period one of {@link #periods()}
     * @return the WAPE as a fraction, 0 or more; NaN if the period booked nothing or is not one of the
     *         backtested periods
     */
    public double runRateWape(Period period) {
        return wape(rows.stream().filter(r -> r.period().equals(period)).toList(), false);
    }

    /**
     * @return true if the model's per-group WAPE is lower than the run-rate baseline's; false when either is NaN
     */
    public boolean modelBeatsRunRate() {
        return modelWape() < runRateWape();
    }

    private static double wape(List<BacktestRow> rows, boolean model) {
        double err = 0;
        double act = 0;
        for (BacktestRow r : rows) {
            err += model ? r.modelError() : r.runRateError();
            act += r.actual().minorUnits();
        }
        return act == 0 ? Double.NaN : err / act;
    }

    /** @return a plain-text summary: one line per period and the overall figures */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-8s %18s %18s %18s %8s %8s %9s %9s%n", "period", "actual", "forecast",
                "run-rate", "APE", "APE-rr", "WAPE", "WAPE-rr"));
        for (BacktestRow t : totals) {
            sb.append(String.format(Locale.ROOT, "%-8s %18s %18s %18s %8s %8s %9s %9s%n", t.period(),
                    t.actual().formatAmount(), t.forecast().formatAmount(), t.runRate().formatAmount(),
                    percent(t.modelApe()), percent(t.runRateApe()), percent(modelWape(t.period())),
                    percent(runRateWape(t.period()))));
        }
        sb.append(String.format(Locale.ROOT, "MAPE model %s, run-rate %s; per-group WAPE model %s, run-rate %s%n",
                percent(modelMape()), percent(runRateMape()), percent(modelWape()), percent(runRateWape())));
        return sb.toString();
    }

    /** A fraction as a percentage with one decimal; "-" when it is undefined (NaN: the period booked nothing). */
    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BacktestReport[%d periods, WAPE model %.3f vs run-rate %.3f]", periods.size(),
                modelWape(), runRateWape());
    }
}
