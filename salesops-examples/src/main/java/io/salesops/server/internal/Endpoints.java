package io.salesops.server.internal;

import io.salesops.cli.JsonViews;
import io.salesops.cli.RegressCommand;
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
        all.add(new Endpoint<>("/v1/regression", Requests.Regression.class, r -> regression(r, limits)));
        return List.copyOf(all);
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
