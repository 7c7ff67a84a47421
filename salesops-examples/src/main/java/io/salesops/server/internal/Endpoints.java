package io.salesops.server.internal;

import io.salesops.cli.JsonViews;
import io.salesops.cli.RegressCommand;
import io.salesops.cli.ForecastTrendCommand;
import io.salesops.forecast.timeseries.BatchForecast;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.TimeSeries;
import io.salesops.server.ProblemException;
import io.salesops.server.ServerLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's endpoints, in the order the OpenAPI document lists them. */
public final class Endpoints {

    private Endpoints() {
    }

    /** @return every POST endpoint, configured with {@code limits} */
    public static List<Endpoint<?>> all(ServerLimits limits) {
        List<Endpoint<?>> all = new ArrayList<>();
        all.add(new Endpoint<>("/v1/forecast/trend", Requests.Trend.class, r -> trend(r, limits)));
        all.add(new Endpoint<>("/v1/regression", Requests.Regression.class, r -> regression(r, limits)));
        return List.copyOf(all);
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
            if (!(levels[i] > 0 && levels[i] < 100)) {
                errors.add(new ProblemException.FieldError("/levels/" + i, levels[i] + " is not a level between 0 and 100"));
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
            f.method(m).levels(levels);
            return r.horizon() == null ? f : f.horizon(r.horizon());
        }).run());
    }

    static Object regression(Requests.Regression r, ServerLimits limits) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Checks.required(errors, "/y", r.y());
        Checks.required(errors, "/data", r.data());
        double level = r.level() == null ? 0.95 : r.level();
        if (!(level > 0 && level < 1)) {
            errors.add(new ProblemException.FieldError("/level", level + " must be strictly between 0 and 1"));
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
                        errors.add(new ProblemException.FieldError(ptr + "/" + i, v + " is not a finite number"));
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
