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

    /** JSON has no NaN or infinity: such values (e.g. t of an exact fit) become null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
