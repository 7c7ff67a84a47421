package io.salesops.cli;

import io.salesops.forecast.regression.Coefficient;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.PredictionInterval;
import java.util.Locale;
import io.salesops.forecast.regression.RegressionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of salesops results, shared by the CLI's {@code --format json} and the HTTP server, so
 * that both speak with the same field names. Each method returns plain maps and lists that Jackson writes
 * as they are. Stateless and thread-safe.
 */
public final class JsonViews {

    private JsonViews() {
    }

    /**
     * A regression fit: response, model, coefficients (estimate, standard error, t, p, confidence interval at
     * {@code level}), R², adjusted R², residual standard deviation, F and its p-value, condition number.
     */
    public static Map<String, Object> regression(RegressionResult fit, double level) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("response", fit.responseName());
        json.put("model", fit.isWeighted() ? "WLS" : "OLS");
        json.put("intercept", fit.hasIntercept());
        json.put("observations", fit.observations());
        json.put("dfModel", fit.modelDegreesOfFreedom());
        json.put("dfResidual", fit.residualDegreesOfFreedom());
        List<Map<String, Object>> coefficients = new ArrayList<>();
        for (Coefficient c : fit.coefficientTable()) {
            Map<String, Object> row = new LinkedHashMap<>();
            double[] ci = fit.confidenceInterval(c.name(), level);
            row.put("name", c.name());
            row.put("estimate", finite(c.estimate()));
            row.put("standardError", finite(c.standardError()));
            row.put("tStatistic", finite(c.tStatistic()));
            row.put("pValue", finite(c.pValue()));
            row.put("confidenceLow", finite(ci[0]));
            row.put("confidenceHigh", finite(ci[1]));
            coefficients.add(row);
        }
        json.put("confidenceLevel", level);
        json.put("coefficients", coefficients);
        json.put("rSquared", finite(fit.rSquared()));
        json.put("adjustedRSquared", finite(fit.adjustedRSquared()));
        json.put("residualStandardDeviation", finite(fit.residualStandardDeviation()));
        json.put("residualSumOfSquares", finite(fit.residualSumOfSquares()));
        json.put("fStatistic", finite(fit.fStatistic()));
        json.put("fPValue", finite(fit.fPValue()));
        json.put("conditionNumber", finite(fit.conditionNumber()));
        return json;
    }

    /**
     * Trend forecasts: {@code {"series": [{name, frequency, method, model, explanation, parameters,
     * forecast: [{step, period, forecast, lo80, hi80, ...}]}]}}.
     */
    public static Map<String, Object> trend(List<ForecastResult> results) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (ForecastResult r : results) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", r.series().name());
            s.put("frequency", r.series().frequency());
            s.put("method", r.method().name().toLowerCase(Locale.ROOT));
            s.put("model", r.model());
            s.put("explanation", r.explanation());
            Map<String, Object> params = new LinkedHashMap<>();
            r.parameters().forEach((k, v) -> params.put(k, finite(v)));
            s.put("parameters", params);
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> periods = r.periods();
            for (int h = 1; h <= r.horizon(); h++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", h);
                row.put("period", periods.get(h - 1));
                row.put("forecast", finite(r.point(h)));
                for (PredictionInterval p : r.intervals()) {
                    row.put("lo" + ForecastTrendCommand.levelName(p.level()), finite(p.lower(h)));
                    row.put("hi" + ForecastTrendCommand.levelName(p.level()), finite(p.upper(h)));
                }
                rows.add(row);
            }
            s.put("forecast", rows);
            all.add(s);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("series", all);
        return root;
    }

    /**
     * A pipeline forecast as {@code salesops forecast pipeline --format json} prints it: one object per node,
     * parents before children (group, label, kind, parent, depth, closed, openPipeline, openDeals, openExpected,
     * notYetCreated, runRateBlend, expected, adjustedExpected, commit, bestCase, pipeline, commitForecast, bestCaseForecast,
     * p10, p50, p90, quota, attainment, coverage, and for an adjusted node adjustments: each manager's adjustment
     * with amount, who, when and why); amounts are decimal strings, absent values null.
     */
    public static List<Map<String, Object>> pipeline(io.salesops.forecast.pipeline.ForecastReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        collect(r.root(), null, 0, rows);
        return rows;
    }

    private static void collect(io.salesops.forecast.pipeline.ForecastNode n, String parent, int depth, List<Map<String, Object>> rows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", n.group());
        m.put("label", n.label());
        m.put("kind", n.kind());
        m.put("parent", parent);
        m.put("depth", depth);
        m.put("closed", CommandSupport.decimal(n.closed()));
        m.put("openPipeline", CommandSupport.decimal(n.openPipeline()));
        m.put("openDeals", n.openDeals());
        m.put("openExpected", CommandSupport.decimal(n.openExpected()));
        m.put("notYetCreated", CommandSupport.decimal(n.notYetCreated()));
        m.put("runRateBlend", CommandSupport.decimal(n.runRateBlend()));
        m.put("expected", CommandSupport.decimal(n.expected()));
        m.put("adjustedExpected", CommandSupport.decimal(n.adjustedExpected()));
        m.put("commit", CommandSupport.decimal(n.commit()));
        m.put("bestCase", CommandSupport.decimal(n.bestCase()));
        m.put("pipeline", CommandSupport.decimal(n.pipeline()));
        m.put("commitForecast", CommandSupport.decimal(n.commitForecast()));
        m.put("bestCaseForecast", CommandSupport.decimal(n.bestCaseForecast()));
        m.put("p10", CommandSupport.decimal(n.p10().orElse(null)));
        m.put("p50", CommandSupport.decimal(n.p50().orElse(null)));
        m.put("p90", CommandSupport.decimal(n.p90().orElse(null)));
        m.put("quota", CommandSupport.decimal(n.quota().orElse(null)));
        m.put("attainment", n.attainment().map(a -> a.value().toPlainString()).orElse(null));
        m.put("coverage", n.coverage().map(c -> c.toPlainString()).orElse(null));
        List<Map<String, Object>> adjustments = new ArrayList<>();
        for (io.salesops.forecast.pipeline.Adjustment a : n.adjustments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("amount", CommandSupport.decimal(a.value()));
            x.put("who", a.by());
            x.put("when", a.at().toString());
            x.put("why", a.note());
            adjustments.add(x);
        }
        if (!adjustments.isEmpty()) {
            m.put("adjustments", adjustments); // only when there are some: output without them stays as it was
        }
        rows.add(m);
        for (io.salesops.forecast.pipeline.ForecastNode c : n.children()) {
            collect(c, n.group(), depth + 1, rows);
        }
    }

    /**
     * Sales KPIs as {@code salesops kpi --format json} prints them: the total row, then one per group, each with
     * won, lost, amounts, win rates, deal size, cycle lengths, slippage, open pipeline, velocity, bookings per
     * period and stage conversions; then the consistency of bookings ({@code bookingsCv}, {@code activePeriods},
     * {@code consistencyNote}), stage durations (empty without stage history) and win rate by creation cohort.
     */
    public static List<Map<String, Object>> kpi(io.salesops.forecast.kpi.KpiReport r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.rows().size(); i++) {
            Map<String, Object> m = kpiRow(r, r.rows().get(i));
            kpiDetail(r.details().get(i), m);
            rows.add(m);
        }
        return rows;
    }

    private static void kpiDetail(io.salesops.forecast.kpi.KpiDetail d, Map<String, Object> m) {
        m.put("bookingsCv", opt(d.consistency().coefficientOfVariation()));
        m.put("activePeriods", d.consistency().activePeriods());
        m.put("consistencyNote", d.consistency().note());
        List<Map<String, Object>> stays = new ArrayList<>();
        for (io.salesops.forecast.kpi.StageDuration s : d.stageDurations()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stage", s.stage());
            x.put("stays", s.stays());
            x.put("medianDays", s.medianDays());
            x.put("meanDays", s.meanDays());
            stays.add(x);
        }
        m.put("stageDurations", stays);
        List<Map<String, Object>> cohorts = new ArrayList<>();
        for (io.salesops.forecast.kpi.CohortWinRate c : d.cohorts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("cohort", c.cohort().toString());
            x.put("created", c.created());
            x.put("won", c.won());
            x.put("lost", c.lost());
            x.put("open", c.open());
            x.put("wonAmount", CommandSupport.decimal(c.wonAmount()));
            x.put("lostAmount", CommandSupport.decimal(c.lostAmount()));
            x.put("winRateByCount", opt(c.winRateByCount()));
            x.put("winRateByValue", opt(c.winRateByValue()));
            cohorts.add(x);
        }
        m.put("cohorts", cohorts);
    }

    private static Map<String, Object> kpiRow(io.salesops.forecast.kpi.KpiReport r, io.salesops.forecast.kpi.KpiRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", row.group());
        m.put("won", row.won());
        m.put("lost", row.lost());
        m.put("wonAmount", CommandSupport.decimal(row.wonAmount()));
        m.put("lostAmount", CommandSupport.decimal(row.lostAmount()));
        m.put("winRateByCount", opt(row.winRateByCount()));
        m.put("winRateByValue", opt(row.winRateByValue()));
        m.put("averageDealSize", CommandSupport.decimal(row.averageDealSize()));
        m.put("medianCycleWon", opt(row.medianCycleWon()));
        m.put("meanCycleWon", opt(row.meanCycleWon()));
        m.put("medianCycleLost", opt(row.medianCycleLost()));
        m.put("meanCycleLost", opt(row.meanCycleLost()));
        m.put("slippageRate", opt(row.slippageRate()));
        m.put("openDeals", row.openDeals());
        m.put("openPipeline", CommandSupport.decimal(row.openPipeline()));
        m.put("pipelineVelocityPerDay", CommandSupport.decimal(row.pipelineVelocity()));
        Map<String, String> bookings = new LinkedHashMap<>();
        for (int i = 0; i < r.periods().size(); i++) {
            bookings.put(r.periods().get(i).toString(), CommandSupport.decimal(row.bookings().get(i)));
        }
        m.put("bookings", bookings);
        List<Map<String, Object>> conv = new ArrayList<>();
        for (io.salesops.forecast.kpi.StageConversion c : row.conversions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("from", c.from());
            x.put("to", c.to());
            x.put("reached", c.reached());
            x.put("converted", c.converted());
            conv.add(x);
        }
        m.put("conversions", conv);
        return m;
    }

    private static Double opt(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    /**
     * A backtest as {@code salesops forecast backtest --format json} prints it: per period the actual, forecast
     * and run-rate bookings with their errors, then MAPE and WAPE of the model and of the run rate.
     */
    public static Map<String, Object> backtest(io.salesops.forecast.backtest.BacktestReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> periods = new ArrayList<>();
        for (io.salesops.forecast.backtest.BacktestRow t : r.totals()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("period", t.period().toString());
            p.put("actual", CommandSupport.decimal(t.actual()));
            p.put("forecast", CommandSupport.decimal(t.forecast()));
            p.put("runRate", CommandSupport.decimal(t.runRate()));
            p.put("ape", finiteOrNull(t.modelApe()));
            p.put("runRateApe", finiteOrNull(t.runRateApe()));
            p.put("wape", finiteOrNull(r.modelWape(t.period())));
            p.put("runRateWape", finiteOrNull(r.runRateWape(t.period())));
            periods.add(p);
        }
        m.put("periods", periods);
        m.put("modelMape", finiteOrNull(r.modelMape()));
        m.put("runRateMape", finiteOrNull(r.runRateMape()));
        m.put("modelWape", finiteOrNull(r.modelWape()));
        m.put("runRateWape", finiteOrNull(r.runRateWape()));
        return m;
    }

    private static Double finiteOrNull(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /**
     * One commission statement as {@code salesops comp calculate --format json} prints it: payee, period,
     * currency, total (net pay), earned, components and lines.
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode statement(io.salesops.comp.statement.Statement s) {
        return StatementOutput.json(s);
    }

    /** JSON has no NaN or infinity: such values (e.g. t of an exact fit) become null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
