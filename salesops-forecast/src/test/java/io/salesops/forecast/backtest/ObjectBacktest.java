package io.salesops.forecast.backtest;

import io.salesops.core.crm.Opportunity;
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
 * The backtest as computed over {@link Opportunity} objects before it moved onto the columnar table, kept
 * unchanged as the oracle the table's results must equal exactly ({@code PipelineBacktestTableProperties}).
 * Tests the pipeline forecast against what actually closed: each period of a range is forecast as of its
 * first day from the full opportunity history (which {@link PipelineForecast} cuts to what was known then),
 * and compared per group with what was won in it, next to a run-rate baseline (the group's bookings in the
 * previous period), so a user can see whether the model earns its keep.
 *
 * <pre>{@code
 * BacktestReport r = ObjectBacktest.of(history).periods(cal.parse("2017-Q2"), cal.parse("2017-Q4")).run();
 * }</pre>
 *
 * <p>By default the forecast learns P(win) from history and groups by owner; {@link #configure} changes the
 * forecast (e.g. fixed probabilities). Immutable and thread-safe.
 */
public final class ObjectBacktest {

    private final List<Opportunity> opportunities;
    private final Period from;
    private final Period to;
    private final String dimension;
    private final UnaryOperator<PipelineForecast> configure;

    private ObjectBacktest(List<Opportunity> opportunities, Period from, Period to, String dimension,
                             UnaryOperator<PipelineForecast> configure) {
        this.opportunities = opportunities;
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
    public static ObjectBacktest of(Collection<Opportunity> opportunities) {
        return new ObjectBacktest(List.copyOf(opportunities), null, null, "owner", PipelineForecast::learnedProbabilities);
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
    public ObjectBacktest periods(Period from, Period to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.kind() != to.kind()) {
            throw new IllegalArgumentException("backtest periods " + from + " and " + to + " are of different kinds");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("backtest period " + to + " is before " + from);
        }
        return new ObjectBacktest(opportunities, from, to, dimension, configure);
    }

    /**
     * The dimension whose groups are compared (default {@code owner}); any {@link Opportunity#field(String)}.
     * Deals without a value fall in the group {@code (none)}.
     *
     * @param dimension the field name, e.g. {@code product}; stripped
     * @return a copy grouping by {@code dimension}
     * @throws IllegalArgumentException if {@code dimension} is null or blank
     */
    public ObjectBacktest by(String dimension) {
        if (dimension == null || dimension.isBlank()) {
            throw new IllegalArgumentException("backtest dimension is blank");
        }
        return new ObjectBacktest(opportunities, from, to, dimension.strip(), configure);
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
    public ObjectBacktest configure(UnaryOperator<PipelineForecast> configure) {
        return new ObjectBacktest(opportunities, from, to, dimension, Objects.requireNonNull(configure, "configure"));
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
            ForecastReport fr = configure.apply(PipelineForecast.of(opportunities)).asOf(p.start()).period(p).by(dimension).run();
            Currency cur = fr.currency();
            Map<String, long[]> byGroup = new TreeMap<>();
            for (ForecastNode n : fr.root().children()) {
                byGroup.computeIfAbsent(n.group(), k -> new long[3])[1] = n.expected().minorUnits();
            }
            Period prev = p.previous();
            for (Opportunity o : opportunities) {
                if (!o.isWon()) {
                    continue;
                }
                if (!o.amount().currency().equals(cur)) {
                    throw new IllegalArgumentException("opportunity " + o.id() + " is in " + o.amount().currency()
                            + ", the backtest is in " + cur + "; convert amounts to one currency first");
                }
                String g = o.field(dimension).filter(s -> !s.isBlank()).orElse("(none)");
                if (p.contains(o.closeDate())) {
                    byGroup.computeIfAbsent(g, k -> new long[3])[0] += o.amount().minorUnits();
                } else if (prev.contains(o.closeDate())) {
                    byGroup.computeIfAbsent(g, k -> new long[3])[2] += o.amount().minorUnits();
                }
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
