package io.salesops.cli;

import io.salesops.forecast.regression.Coefficient;
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

    /** JSON has no NaN or infinity: such values (e.g. t of an exact fit) become null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
