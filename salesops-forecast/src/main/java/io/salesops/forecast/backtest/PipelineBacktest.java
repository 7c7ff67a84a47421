package io.salesops.forecast.backtest;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.ForecastNode;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Tests the pipeline forecast against what actually closed: each period of a range is forecast as of its
 * first day from the full opportunity history (which {@link PipelineForecast} cuts to what was known then),
 * and compared per group with what was won in it, next to a run-rate baseline (the group's bookings in the
 * previous period), so a user can see whether the model earns its keep.
 *
 * <pre>{@code
 * BacktestReport r = PipelineBacktest.of(history).periods(cal.parse("2017-Q2"), cal.parse("2017-Q4")).run();
 * }</pre>
 *
 * <p>By default the forecast learns P(win) from history and groups by owner; {@link #configure} changes the
 * forecast (e.g. fixed probabilities). Immutable and thread-safe.
 */
public final class PipelineBacktest {

    private final OpportunityTable table;
    private final Period from;
    private final Period to;
    private final String dimension;
    private final UnaryOperator<PipelineForecast> configure;

    private PipelineBacktest(OpportunityTable table, Period from, Period to, String dimension,
                             UnaryOperator<PipelineForecast> configure) {
        this.table = table;
        this.from = from;
        this.to = to;
        this.dimension = dimension;
        this.configure = configure;
    }

    /**
     * A backtest over this opportunity history (current records with stage history).
     *
     * @param opportunities every deal, open, won and lost, all in one currency; copied
     * @return a configuration still needing {@link #periods(Period, Period)} before {@link #run()}
     * @throws NullPointerException if the collection or an element is null
     */
    public static PipelineBacktest of(Collection<Opportunity> opportunities) {
        return of(OpportunityTable.of(opportunities));
    }

    /**
     * A backtest over the rows of a columnar table, as a CSV import or the server reads them: each period's
     * forecast is {@link PipelineForecast#of(OpportunityTable)} and the bookings are a loop over the columns.
     * The report is that of {@link #of(Collection)} over {@code table.asList()}, to the cent.
     *
     * @param table every deal, open, won and lost, all in one currency; not copied, and safe to share because
     *              the table is immutable
     * @return a configuration still needing {@link #periods(Period, Period)} before {@link #run()}
     * @throws NullPointerException if the table is null
     */
    public static PipelineBacktest of(OpportunityTable table) {
        return new PipelineBacktest(Objects.requireNonNull(table, "table"), null, null, "owner",
                PipelineForecast::learnedProbabilities);
    }

    /**
     * The periods to backtest, {@code from} to {@code to} inclusive, of one kind. Required before {@link #run()}.
     *
     * @param from the first period to forecast, e.g. {@code cal.parse("2017-Q2")}; its previous period gives
     *             the first run-rate baseline
     * @param to   the last period, of the same kind, equal to or after {@code from}
     * @return a copy backtesting these periods
     * @throws NullPointerException     if either is null
     * @throws IllegalArgumentException if the kinds differ or {@code to} is before {@code from}
     */
    public PipelineBacktest periods(Period from, Period to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.kind() != to.kind()) {
            throw new IllegalArgumentException("backtest periods " + from + " and " + to + " are of different kinds");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("backtest period " + to + " is before " + from);
        }
        return new PipelineBacktest(table, from, to, dimension, configure);
    }

    /**
     * The dimension whose groups are compared (default {@code owner}); any {@link Opportunity#field(String)}.
     * Deals without a value fall in the group {@code (none)}.
     *
     * @param dimension the field name, e.g. {@code product}; stripped
     * @return a copy grouping by {@code dimension}
     * @throws IllegalArgumentException if {@code dimension} is null or blank
     */
    public PipelineBacktest by(String dimension) {
        if (dimension == null || dimension.isBlank()) {
            throw new IllegalArgumentException("backtest dimension is blank");
        }
        return new PipelineBacktest(table, from, to, dimension.strip(), configure);
    }

    /**
     * Configures each period's forecast beyond the as-of date, period and grouping, e.g.
     * {@code f -> f.fixedProbabilities().stages(model)}. The default learns probabilities from the history.
     * Replaces the default, so add {@code learnedProbabilities()} yourself to keep learning. The backtest sets
     * the as-of date and the period after it (overriding any set here) and groups by {@link #by(String)}, so it
     * must not group ({@code byOwner} there makes {@link #run()} throw {@link IllegalStateException}).
     *
     * @param configure applied to each period's {@link PipelineForecast}; must not return null
     * @return a copy configuring the forecasts this way
     * @throws NullPointerException if {@code configure} is null
     */
    public PipelineBacktest configure(UnaryOperator<PipelineForecast> configure) {
        return new PipelineBacktest(table, from, to, dimension, Objects.requireNonNull(configure, "configure"));
    }

    /**
     * Runs the backtest: one pipeline forecast per period, as of its first day.
     *
     * @return the totals and per-group rows of every period; never null
     * @throws IllegalStateException if the periods are not set
     * @throws IllegalArgumentException naming the opportunity if a won deal is in another currency than the
     *                                  forecast
     * @throws io.salesops.forecast.pipeline.PipelineInputException as {@link PipelineForecast#run()}
     */
    public BacktestReport run() {
        if (from == null) {
            throw new IllegalStateException("no periods: call periods(from, to) before run()");
        }
        List<Period> periods = from.through(to);
        List<BacktestRow> totals = new ArrayList<>();
        List<BacktestRow> rows = new ArrayList<>();
        for (Period p : periods) {
            ForecastReport fr = configure.apply(PipelineForecast.of(table)).asOf(p.start()).period(p).by(dimension).run();
            Currency cur = fr.currency();
            Map<String, long[]> byGroup = new TreeMap<>();
            for (ForecastNode n : fr.root().children()) {
                byGroup.computeIfAbsent(n.group(), k -> new long[3])[1] = n.expected().minorUnits();
            }
            Period prev = p.previous();
            int[] days = {(int) prev.start().toEpochDay(), (int) p.start().toEpochDay(), (int) p.end().toEpochDay()};
            for (int r = 0; r < table.size(); r++) {
                if (table.status(r) != OpportunityStatus.WON) {
                    continue;
                }
                if (!table.currency(r).equals(cur)) {
                    throw new IllegalArgumentException("opportunity " + table.id(r) + " is in " + table.currency(r)
                            + ", the backtest is in " + cur + "; convert amounts to one currency first");
                }
                int close = table.closeDay(r);
                if (close < days[0] || close > days[2]) {
                    continue;
                }
                String v = table.field(r, dimension);
                String g = v == null || v.isBlank() ? "(none)" : v;
                // the period's bookings at 0, the previous period's (the run rate) at 2
                byGroup.computeIfAbsent(g, k -> new long[3])[close >= days[1] ? 0 : 2] += table.amountMinor(r);
            }
            long[] t = new long[3];
            for (Map.Entry<String, long[]> e : byGroup.entrySet()) {
                long[] v = e.getValue();
                rows.add(new BacktestRow(p, e.getKey(), Money.ofMinor(v[0], cur), Money.ofMinor(v[1], cur), Money.ofMinor(v[2], cur)));
                for (int i = 0; i < 3; i++) {
                    t[i] = Math.addExact(t[i], v[i]);
                }
            }
            totals.add(new BacktestRow(p, "Total", Money.ofMinor(t[0], cur), Money.ofMinor(t[1], cur), Money.ofMinor(t[2], cur)));
        }
        return new BacktestReport(periods, totals, rows);
    }
}
