package io.salesops.forecast.timeseries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Ordinary least squares on an intercept, a linear trend, seasonal dummies (one per season but the
 * first, by calendar position) and external regressors, solved by Householder QR. Intervals are the
 * classical t intervals for a new observation: {@code yhat +- t(n-p) s sqrt(1 + x0' (X'X)^-1 x0)}.
 */
final class TrendRegression implements Fitted {

    /** An external regressor with its history (one value per observation) and future values. */
    record Regressor(String name, double[] history, double[] future) {
    }

    private final String[] names;
    private final double[] beta;
    private final DMatrixRMaj r;
    private final double s2;
    private final int dof;
    private final double[] fitted;
    private final TimeSeries series;
    private final boolean seasonal;
    private final List<Regressor> regressors;

    private TrendRegression(String[] names, double[] beta, DMatrixRMaj r, double s2, int dof, double[] fitted,
            TimeSeries series, boolean seasonal, List<Regressor> regressors) {
        this.names = names;
        this.beta = beta;
        this.r = r;
        this.s2 = s2;
        this.dof = dof;
        this.fitted = fitted;
        this.series = series;
        this.seasonal = seasonal;
        this.regressors = regressors;
    }

    static TrendRegression fit(TimeSeries series, List<Regressor> regressors) {
        int n = series.size();
        int m = series.frequency();
        boolean seasonal = m > 1;
        int p = 2 + (seasonal ? m - 1 : 0) + regressors.size();
        if (n < p + 2) {
            throw new InvalidSeriesException(String.format(Locale.ROOT,
                    "series \"%s\" has %d values; regression on trend%s needs at least %d",
                    series.name(), n, (seasonal ? " and " + (m - 1) + " seasonal dummies" : "")
                            + (regressors.isEmpty() ? "" : " and " + regressors.size() + " regressors"), p + 2));
        }
        String[] names = new String[p];
        names[0] = "intercept";
        names[1] = "trend";
        for (int j = 1; seasonal && j < m; j++) {
            names[1 + j] = "season[" + j + "]";
        }
        for (int k = 0; k < regressors.size(); k++) {
            names[p - regressors.size() + k] = regressors.get(k).name();
        }
        DMatrixRMaj x = new DMatrixRMaj(n, p);
        for (int t = 0; t < n; t++) {
            double[] row = row(series, seasonal, regressors, t, false);
            for (int j = 0; j < p; j++) {
                x.set(t, j, row[j]);
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, p);
        if (!qr.decompose(x.copy())) {
            throw new InvalidSeriesException("series \"" + series.name() + "\": regression QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        double maxDiag = 0;
        for (int j = 0; j < p; j++) {
            maxDiag = Math.max(maxDiag, Math.abs(r.get(j, j)));
        }
        for (int j = 0; j < p; j++) {
            if (Math.abs(r.get(j, j)) <= 1e-10 * maxDiag) {
                throw new InvalidSeriesException(String.format(
                        "series \"%s\": regression column \"%s\" is a linear combination of the others",
                        series.name(), names[j]));
            }
        }
        double[] qty = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int t = 0; t < n; t++) {
                s += q.get(t, j) * series.get(t);
            }
            qty[j] = s;
        }
        double[] beta = new double[p];
        for (int j = p - 1; j >= 0; j--) {
            double s = qty[j];
            for (int k = j + 1; k < p; k++) {
                s -= r.get(j, k) * beta[k];
            }
            beta[j] = s / r.get(j, j);
        }
        double[] fitted = new double[n];
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double[] row = row(series, seasonal, regressors, t, false);
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += row[j] * beta[j];
            }
            fitted[t] = f;
            sse += (series.get(t) - f) * (series.get(t) - f);
        }
        int dof = n - p;
        return new TrendRegression(names, beta, r, sse / dof, dof, fitted, series, seasonal, List.copyOf(regressors));
    }

    private static double[] row(TimeSeries series, boolean seasonal, List<Regressor> regs, int t, boolean future) {
        int m = series.frequency();
        int p = 2 + (seasonal ? m - 1 : 0) + regs.size();
        double[] row = new double[p];
        row[0] = 1;
        row[1] = t + 1;
        if (seasonal) {
            int season = series.seasonOf(t);
            if (season > 0) {
                row[1 + season] = 1;
            }
        }
        for (int k = 0; k < regs.size(); k++) {
            row[p - regs.size() + k] = future ? regs.get(k).future()[t - series.size()] : regs.get(k).history()[t];
        }
        return row;
    }

    @Override
    public String model() {
        return "Regression(trend" + (seasonal ? " + season" : "") + (regressors.isEmpty() ? "" : " + "
                + String.join(" + ", regressors.stream().map(Regressor::name).toList())) + ")";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            map.put(names[j], beta[j]);
        }
        map.put("sigma", Math.sqrt(s2));
        return map;
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] mean(int h) {
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            double[] row = row(series, seasonal, regressors, series.size() + i, true);
            for (int j = 0; j < beta.length; j++) {
                f[i] += row[j] * beta[j];
            }
        }
        return f;
    }

    @Override
    public double[][] interval(int h, double level) {
        double[] f = mean(h);
        double t = new TDistribution(null, dof).inverseCumulativeProbability(0.5 + level / 2);
        int p = beta.length;
        double[][] out = new double[2][h];
        for (int i = 0; i < h; i++) {
            double[] x0 = row(series, seasonal, regressors, series.size() + i, true);
            // x0' (X'X)^-1 x0 = |R^-T x0|^2: forward substitution with R'.
            double[] z = new double[p];
            double norm = 0;
            for (int j = 0; j < p; j++) {
                double s = x0[j];
                for (int k = 0; k < j; k++) {
                    s -= r.get(k, j) * z[k];
                }
                z[j] = s / r.get(j, j);
                norm += z[j] * z[j];
            }
            double se = Math.sqrt(s2 * (1 + norm));
            out[0][i] = f[i] - t * se;
            out[1][i] = f[i] + t * se;
        }
        return out;
    }

    @Override
    public String why() {
        return String.format(Locale.ROOT, "least squares on %d columns, %d residual degrees of freedom",
                beta.length, dof);
    }
}
