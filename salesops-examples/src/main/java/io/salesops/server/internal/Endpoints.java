package io.salesops.server.internal;

import io.salesops.cli.OpportunityFiles;
import io.salesops.cli.JsonViews;
import io.salesops.cli.RegressCommand;
import io.salesops.cli.ForecastTrendCommand;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Decimals;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import io.salesops.forecast.backtest.PipelineBacktest;
import io.salesops.forecast.kpi.SalesKpis;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.PipelineMethod;
import io.salesops.forecast.pipeline.TimingSource;
import io.salesops.forecast.timeseries.BatchForecast;
import io.salesops.forecast.timeseries.Forecast;
import io.salesops.forecast.timeseries.IntervalLevels;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.TimeSeries;
import io.salesops.server.ProblemException;
import io.salesops.server.ServerLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.time.LocalDate;
import java.util.Map;

/** The server's endpoints, in the order the OpenAPI document lists them. */
public final class Endpoints {

    private Endpoints() {
    }

    /** @return every POST endpoint, configured with {@code limits} */
    public static List<Endpoint<?>> all(ServerLimits limits) {
        List<Endpoint<?>> all = new ArrayList<>();
        // its opportunities are streamed into the forecast's table, not bound as records
        all.add(new Endpoint<>("/v1/forecast/pipeline", Requests.Pipeline.class,
                OpportunityStream.reader(Requests.Pipeline.class), r -> pipeline(r, limits)));
        all.add(new Endpoint<>("/v1/forecast/backtest", Requests.Backtest.class,
                OpportunityStream.reader(Requests.Backtest.class), r -> backtest(r, limits)));
        all.add(new Endpoint<>("/v1/kpi", Requests.Kpi.class, OpportunityStream.reader(Requests.Kpi.class), r -> kpi(r, limits)));
        all.add(new Endpoint<>("/v1/comp/validate", Requests.CompValidate.class, Comp::validate));
        all.add(new Endpoint<>("/v1/comp/calculate", Requests.CompCalculate.class, r -> Comp.calculate(r, limits)));
        all.add(new Endpoint<>("/v1/comp/whatif", Requests.CompWhatIf.class, r -> Comp.whatIf(r, limits)));
        all.add(new Endpoint<>("/v1/forecast/trend", Requests.Trend.class, r -> trend(r, limits)));
        all.add(new Endpoint<>("/v1/regression", Requests.Regression.class, r -> regression(r, limits)));
        return List.copyOf(all);
    }

    static Object pipeline(Requests.Pipeline r, ServerLimits limits) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        LocalDate asOf = Crm.date(errors, "/asOf", r.asOf(), true);
        Period period = Crm.period(errors, "/period", r.period());
        int simulations = r.simulations() == null ? 0 : r.simulations();
        if (simulations < 0) {
            errors.add(new ProblemException.FieldError("/simulations", simulations + " must be 0 or more"));
        }
        Checks.atMost(errors, "/simulations", simulations, limits.maxSimulations(), "simulations");
        TimingSource timing = null;
        if (r.timing() != null) {
            try {
                timing = TimingSource.valueOf(r.timing().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.FieldError("/timing", "\"" + r.timing() + "\" is not close_date or learned"));
            }
        }
        if (r.segment() != null && !Boolean.TRUE.equals(r.learned())) {
            errors.add(new ProblemException.FieldError("/segment", "applies only with \"learned\": true"));
        }
        PipelineMethod method = method(errors, r.method(), Boolean.TRUE.equals(r.learned()) || r.timing() != null);
        Org org = Crm.org(errors, r.org());
        Quotas quotas = Crm.quotas(errors, r.quotas());
        StageModel model = Crm.stages(errors, r.stages());
        Checks.notBlank(errors, "/by", r.by());
        boolean byOwner = r.by() != null && r.by().equalsIgnoreCase("owner") && r.org() != null;
        // without stages the forecast infers them when the built-in model does not fit, so unknown names are not errors
        OpportunityTable opps = checkCount(errors, r.opportunities(), limits)
                ? OpportunityStream.table(errors, r.opportunities(), model, r.stages() != null, byOwner ? org : null) : null;
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        PipelineForecast f = PipelineForecast.of(opps).asOf(asOf).period(period).method(method);
        if (r.stages() != null) {
            f = f.stages(model);
        }
        if (Boolean.TRUE.equals(r.learned())) {
            f = f.learnedProbabilities();
            if (r.segment() != null) {
                f = f.segmentBy(r.segment());
            }
        }
        if (byOwner) {
            f = f.byOwner(org);
        } else if (r.by() != null) {
            if (org != null) {
                f = f.org(org);
            }
            f = f.by(r.by());
        }
        if (quotas != null) {
            f = f.quotas(quotas);
        }
        if (timing != null) {
            f = f.timing(timing);
        }
        if (Boolean.TRUE.equals(r.noNewBusiness())) {
            f = f.notYetCreated(false, 1);
        }
        if (simulations > 0) {
            // One thread per request: concurrency comes from concurrent requests, bounded by the compute pool.
            f = f.simulations(simulations, r.seed() == null ? 42 : r.seed()).threads(1);
            // The server cancels a timed-out request by interrupting its thread; stop at the next block of runs
            // so an abandoned simulation frees its compute slot instead of running to the end.
            f = f.onProgress(done -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("abandoned after the request timeout");
                }
            });
        }
        return JsonViews.pipeline(f.run());
    }

    static Object kpi(Requests.Kpi r, ServerLimits limits) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Period from = Crm.period(errors, "/from", r.from());
        Period to = Crm.period(errors, "/to", r.to());
        Org org = Crm.org(errors, r.org());
        StageModel model = Crm.stages(errors, r.stages());
        Checks.notBlank(errors, "/by", r.by());
        OpportunityTable opps = opportunities(errors, r.opportunities(), model, limits);
        checkDimension(errors, opps, org != null, r.by());
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        SalesKpis k;
        try {
            k = SalesKpis.of(opps).window(from, to); // without stages, SalesKpis reads the export's own as the forecast does
        } catch (IllegalArgumentException e) { // mixed kinds, a reversed or an over-long window: the request's
            throw ProblemException.badFields(List.of(new ProblemException.FieldError("/to", e.getMessage())));
        }
        if (r.stages() != null) {
            k = k.stages(model);
        }
        if (org != null) {
            k = k.org(org);
        }
        if (r.by() != null) {
            k = k.by(r.by());
        }
        return JsonViews.kpi(k.run());
    }

    static Object backtest(Requests.Backtest r, ServerLimits limits) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Period from = Crm.period(errors, "/from", r.from());
        Period to = Crm.period(errors, "/to", r.to());
        StageModel model = Crm.stages(errors, r.stages());
        Checks.notBlank(errors, "/by", r.by());
        OpportunityTable opps = opportunities(errors, r.opportunities(), model, limits);
        checkDimension(errors, opps, false, r.by());
        PipelineMethod method = method(errors, r.method(), Boolean.TRUE.equals(r.fixed()));
        if (Boolean.TRUE.equals(r.fixed()) && method != null && method != PipelineMethod.STAGE_WEIGHTED) {
            // as the CLI refuses --fixed with another --method: it would be ignored in silence
            errors.add(new ProblemException.FieldError("/fixed", "sets the stage-weighted method's probabilities; it"
                    + " cannot go with \"method\": \"" + r.method() + "\""));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        boolean fixed = Boolean.TRUE.equals(r.fixed());
        return JsonViews.backtest(PipelineBacktest.of(opps).periods(from, to).by(r.by() == null ? "owner" : r.by())
                .configure(io.salesops.cli.ForecastBacktestCommand.configure(method, fixed, r.stages() == null ? null : model))
                .run());
    }

    /**
     * The method named by {@code method}, as the CLI reads {@code --method}: without it, auto unless an option of the
     * stage-weighted method is given. A name that is no method is an error at {@code /method}, and null returned.
     */
    private static PipelineMethod method(List<ProblemException.FieldError> errors, String name, boolean stageWeightedOptions) {
        if (name == null) {
            return stageWeightedOptions ? PipelineMethod.STAGE_WEIGHTED : PipelineMethod.AUTO;
        }
        try {
            return PipelineMethod.parse(name);
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldError("/method", e.getMessage()));
            return null;
        }
    }

    /** A {@code by} that no opportunity has a value for would put every deal in one "(none)" group: refuse it, as the CLI does. */
    private static void checkDimension(List<ProblemException.FieldError> errors, OpportunityTable opps, boolean withOrg,
                                       String by) {
        if (by == null || by.isBlank() || opps == null) {
            return;
        }
        OpportunityFiles.unknownDimension(opps, withOrg, by).ifPresent(fields -> errors.add(new ProblemException.FieldError(
                "/by", Decimals.quote(by) + ": no opportunity has a value for it"
                        + (OpportunityFiles.fromOrg(by) ? " (send \"org\" to take it from the reps)" : "")
                        + "; fields of the opportunities include " + fields)));
    }

    /** The request's opportunities streamed into a table, every stage known to the model; null if too many or none. */
    private static OpportunityTable opportunities(List<ProblemException.FieldError> errors,
                                                  List<Requests.Opportunity> records, StageModel model, ServerLimits limits) {
        return checkCount(errors, records, limits) ? OpportunityStream.table(errors, records, model, true, null) : null;
    }

    /** @return true if there are opportunities and no more than the limit, else false with the error added */
    private static boolean checkCount(List<ProblemException.FieldError> errors, List<Requests.Opportunity> records,
                                      ServerLimits limits) {
        if (records == null) {
            errors.add(new ProblemException.FieldError("/opportunities", "is required"));
            return false;
        }
        if (records.size() > limits.maxOpportunities()) {
            Checks.atMost(errors, "/opportunities", records.size(), limits.maxOpportunities(), "opportunities");
            return false;
        }
        return true;
    }

    static Object trend(Requests.Trend r, ServerLimits limits) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Checks.required(errors, "/series", r.series());
        List<TimeSeries> series = new ArrayList<>();
        if (r.series() != null) {
            Checks.atMost(errors, "/series", r.series().size(), limits.maxSeries(), "series");
            for (int i = 0; i < r.series().size() && errors.isEmpty(); i++) {
                Requests.TrendSeries s = r.series().get(i);
                String ptr = "/series/" + i;
                if (s == null) {
                    errors.add(new ProblemException.FieldError(ptr, "is null"));
                    continue;
                }
                String name = s.name() == null ? "series " + (i + 1) : s.name();
                try {
                    Checks.required(errors, ptr + "/periods", s.periods());
                    Checks.required(errors, ptr + "/values", s.values());
                    if (s.periods() != null && s.values() != null) {
                        if (s.periods().size() != s.values().size()) {
                            errors.add(new ProblemException.FieldError(ptr + "/values", s.values().size()
                                    + " values for " + s.periods().size() + " periods"));
                            continue;
                        }
                        int missing = s.values().indexOf(null);
                        if (missing >= 0) {
                            errors.add(new ProblemException.FieldError(ptr + "/values/" + missing, "is not a number"));
                            continue;
                        }
                        series.add(s.frequency() == null ? TimeSeries.parse(name, s.periods(), s.values())
                                : TimeSeries.parse(name, s.frequency(), s.periods(), s.values()));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new ProblemException.FieldError(ptr, e.getMessage()));
                }
            }
        }
        Method method = null;
        try {
            method = ForecastTrendCommand.parseMethod(r.method() == null ? "auto" : r.method());
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldError("/method", e.getMessage()));
        }
        double[] levels = r.levels() == null ? new double[] {80, 95}
                : r.levels().stream().mapToDouble(d -> d == null ? Double.NaN : d).toArray();
        for (int i = 0; i < levels.length; i++) {
            try {
                IntervalLevels.check(levels[i]);
            } catch (IllegalArgumentException e) {
                errors.add(new ProblemException.FieldError("/levels/" + i, e.getMessage()));
            }
        }
        if (r.horizon() != null && (r.horizon() < 1 || r.horizon() > 120)) {
            errors.add(new ProblemException.FieldError("/horizon", r.horizon() + " is not from 1 to 120"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        Method m = method;
        return JsonViews.trend(BatchForecast.of(series).configure(f -> {
            Forecast configured = f.method(m).levels(levels);
            return r.horizon() == null ? configured : configured.horizon(r.horizon());
        }).run());
    }

    static Object regression(Requests.Regression r, ServerLimits limits) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Checks.required(errors, "/y", r.y());
        Checks.required(errors, "/data", r.data());
        double level = r.level() == null ? 95 : r.level();
        try {
            IntervalLevels.check(level);
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldError("/level", e.getMessage()));
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        if (r.data() != null) {
            int rows = -1;
            for (Map.Entry<String, List<Double>> e : r.data().entrySet()) {
                String ptr = "/data/" + e.getKey();
                List<Double> values = e.getValue();
                if (values == null) {
                    errors.add(new ProblemException.FieldError(ptr, "is null; expected an array of numbers"));
                    continue;
                }
                if (values.size() > limits.maxOpportunities()) {
                    errors.add(new ProblemException.FieldError(ptr, values.size() + " values exceed the limit of " + limits.maxOpportunities()));
                    continue;
                }
                if (rows >= 0 && values.size() != rows) {
                    errors.add(new ProblemException.FieldError(ptr, "has " + values.size() + " values, other columns " + rows));
                }
                rows = values.size();
                double[] col = new double[values.size()];
                for (int i = 0; i < col.length; i++) {
                    Double v = values.get(i);
                    if (v == null || !Double.isFinite(v)) {
                        errors.add(new ProblemException.FieldError(ptr + "/" + i, v == null ? "is null; expected a number"
                                : "is beyond the range of a double (about 1.8e308); expected a finite number"));
                    } else {
                        col[i] = v;
                    }
                }
                columns.put(e.getKey(), col);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badFields(errors);
        }
        return JsonViews.regression(RegressCommand.fit(columns, r.y(), r.x() == null ? List.of() : r.x(),
                r.poly() == null ? List.of() : r.poly(), r.weights(), r.intercept() == null || r.intercept()), level);
    }
}
