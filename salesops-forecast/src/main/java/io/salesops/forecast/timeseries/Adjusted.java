package io.salesops.forecast.timeseries;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A model fitted to a seasonally adjusted series, with forecasts and intervals re-seasonalised by the
 * classical multiplicative indices (the M3 Theta / M4 benchmark recipe). When the 90% seasonality test
 * fails, or the data are not all positive, the indices are all 1 and the model sees the raw series.
 */
final class Adjusted implements Fitted {

    private final Fitted inner;
    private final double[] indices;
    private final int n;
    private final String note;

    private Adjusted(Fitted inner, double[] indices, int n, String note) {
        this.inner = inner;
        this.indices = indices;
        this.n = n;
        this.note = note;
    }

    /** The adjustment for a series: multiplicative indices, or null when not seasonal. */
    record Adjustment(double[] indices, String note) {

        static Adjustment of(double[] y, int m) {
            if (m <= 1) {
                return new Adjustment(null, "non-seasonal frequency");
            }
            if (y.length < 3 * m) {
                return new Adjustment(null, "no seasonal adjustment: fewer than three seasons");
            }
            if (!Seasonality.allPositive(y)) {
                return new Adjustment(null, "no seasonal adjustment: values <= 0 rule out multiplicative indices");
            }
            if (!Seasonality.isSeasonal(y, m)) {
                return new Adjustment(null, "no seasonal adjustment: lag-" + m + " autocorrelation not significant at 90%");
            }
            return new Adjustment(Seasonality.indices(y, m, true),
                    "seasonally adjusted by classical multiplicative decomposition (lag-" + m
                            + " autocorrelation significant at 90%)");
        }

        double factor(int t) {
            return indices == null ? 1 : indices[t % indices.length];
        }

        double[] adjust(double[] y) {
            double[] out = new double[y.length];
            for (int t = 0; t < y.length; t++) {
                out[t] = y[t] / factor(t);
            }
            return out;
        }
    }

    static Adjusted wrap(Fitted inner, Adjustment adjustment, int n) {
        return new Adjusted(inner, adjustment.indices == null ? null : adjustment.indices.clone(), n, adjustment.note);
    }

    private double factor(int t) {
        return indices == null ? 1 : indices[t % indices.length];
    }

    @Override
    public String model() {
        return inner.model() + (indices == null ? "" : " on seasonally adjusted data");
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>(inner.parameters());
        if (indices != null) {
            for (int j = 0; j < indices.length; j++) {
                map.put(String.format(Locale.ROOT, "seasonal index[%d]", j), indices[j]);
            }
        }
        return map;
    }

    @Override
    public double[] fitted() {
        double[] f = inner.fitted();
        for (int t = 0; t < f.length; t++) {
            f[t] *= factor(t);
        }
        return f;
    }

    @Override
    public double[] mean(int h) {
        double[] f = inner.mean(h);
        for (int i = 0; i < h; i++) {
            f[i] *= factor(n + i);
        }
        return f;
    }

    @Override
    public double[][] interval(int h, double level) {
        double[][] b = inner.interval(h, level);
        for (int i = 0; i < h; i++) {
            b[0][i] *= factor(n + i);
            b[1][i] *= factor(n + i);
        }
        return b;
    }

    @Override
    public String why() {
        return inner.why() + "; " + note;
    }
}
