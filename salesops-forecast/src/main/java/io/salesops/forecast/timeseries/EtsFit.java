package io.salesops.forecast.timeseries;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fitted ETS model (see {@link Ets}): its final states, point forecasts, and prediction intervals, analytic for
 * the linear forms and from simulated sample paths otherwise. Immutable; all arrays are private copies.
 */
final class EtsFit implements Fitted {

    private static final int PATHS = 2000;

    final EtsForm spec;
    final int m;
    final double scale;
    final EtsLikelihood.Params params;
    final double aicc;
    final double sigma2;
    private final double[] fitted;
    private final double level;
    private final double slope;
    private final double[] season;
    private final int n;
    private final String why;

    EtsFit(EtsForm spec, int m, double scale, double[] z, EtsLikelihood.Params params, String why) {
        this.spec = spec;
        this.m = m;
        this.scale = scale;
        this.params = params;
        this.n = z.length;
        double[] s = params.s0().clone();
        double[] f = new double[n];
        double[] state = new double[2];
        double lik = EtsLikelihood.likelihood(z, m, spec, params, s, f, state);
        this.level = state[0];
        this.slope = state[1];
        this.season = s;
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double e = spec.multError() ? (z[t] - f[t]) / f[t] : z[t] - f[t];
            sse += e * e;
            f[t] *= scale;
        }
        this.fitted = f;
        int k = spec.smoothingCount() + spec.stateCount(m) + 1;
        this.sigma2 = sse / Math.max(1, n - k + 1);
        double aic = lik + 2 * k;
        this.aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.POSITIVE_INFINITY;
        this.why = why != null ? why : String.format(Locale.ROOT,
                "%s fitted by maximum likelihood (AICc %.2f)", spec.display(), aicc);
    }

    private EtsFit(EtsFit other, String why) {
        this.spec = other.spec;
        this.m = other.m;
        this.scale = other.scale;
        this.params = other.params;
        this.aicc = other.aicc;
        this.sigma2 = other.sigma2;
        this.fitted = other.fitted;
        this.level = other.level;
        this.slope = other.slope;
        this.season = other.season;
        this.n = other.n;
        this.why = why;
    }

    EtsFit withWhy(String text) {
        return new EtsFit(this, text);
    }

    double alpha() {
        return params.alpha();
    }

    /** Final level on the series' own scale. */
    double lastLevel() {
        return level * scale;
    }

    @Override
    public String model() {
        return spec.display();
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("alpha", params.alpha());
        if (spec.trend() > 0) {
            map.put("beta", params.beta());
        }
        if (spec.season() > 0) {
            map.put("gamma", params.gamma());
        }
        if (spec.trend() == 2) {
            map.put("phi", params.phi());
        }
        map.put("l0", params.l0() * scale);
        if (spec.trend() > 0) {
            map.put("b0", params.b0() * scale);
        }
        if (spec.season() > 0) {
            for (int j = 0; j < m; j++) {
                map.put("s0[" + j + "]", spec.season() == 2 ? params.s0()[j] : params.s0()[j] * scale);
            }
        }
        map.put("sigma", Math.sqrt(sigma2) * (spec.multError() ? 1 : scale));
        map.put("aicc", aicc);
        return map;
    }

    @Override
    public double[] fitted() {
        return fitted.clone();
    }

    @Override
    public double[] mean(int h) {
        double[] out = new double[h];
        double damp = 0;
        for (int i = 1; i <= h; i++) {
            damp = spec.trend() == 0 ? 0 : spec.trend() == 1 ? i : damp + Math.pow(params.phi(), i);
            double base = level + damp * slope;
            double sv = spec.season() == 0 ? 0 : season[(n - 1 + i) % m];
            out[i - 1] = (spec.season() == 2 ? base * sv : base + sv) * scale;
        }
        return out;
    }

    @Override
    public double[][] interval(int h, double lvl) {
        double[] mean = mean(h);
        double[][] out = new double[2][h];
        if (!spec.multError() && spec.season() != 2) {
            // Class 1: var_h = sigma^2 (1 + sum_{j<h} c_j^2), Hyndman et al. (2008) Table 6.1.
            double z = Gaussian.twoSided(lvl);
            double sum = 0;
            double phiJ = 0;
            for (int i = 1; i <= h; i++) {
                double se = Math.sqrt(sigma2 * (1 + sum)) * scale;
                out[0][i - 1] = mean[i - 1] - z * se;
                out[1][i - 1] = mean[i - 1] + z * se;
                phiJ = spec.trend() == 2 ? phiJ + Math.pow(params.phi(), i) : i;
                double c = params.alpha() + (spec.trend() == 0 ? 0 : params.beta() * phiJ)
                        + (spec.season() > 0 && i % m == 0 ? params.gamma() : 0);
                sum += c * c;
            }
            return out;
        }
        double[][] paths = simulate(h);
        double lo = (1 - lvl) / 2;
        for (int i = 0; i < h; i++) {
            Arrays.sort(paths[i]);
            out[0][i] = quantile(paths[i], lo) * scale;
            out[1][i] = quantile(paths[i], 1 - lo) * scale;
        }
        return out;
    }

    /** Future sample paths on the normalised scale, [step][path], from a fixed seed (reproducible). */
    private double[][] simulate(int h) {
        SplittableRandom random = new SplittableRandom(0x5A1E5095L + 31L * n + spec.hashCode());
        double sigma = Math.sqrt(sigma2);
        double[][] out = new double[h][PATHS];
        double[] s = new double[season.length];
        for (int path = 0; path < PATHS; path++) {
            // One split stream per path: a path's draws do not depend on the horizon asked for.
            SplittableRandom stream = random.split();
            System.arraycopy(season, 0, s, 0, s.length);
            double l = level;
            double b = slope;
            for (int i = 0; i < h; i++) {
                int k = spec.season() > 0 ? (n + i) % m : 0;
                double phib = spec.trend() == 0 ? 0 : spec.trend() == 1 ? b : params.phi() * b;
                double q = l + phib;
                double sv = spec.season() == 0 ? 0 : s[k];
                double f = spec.season() == 2 ? q * sv : q + sv;
                double e = sigma * gaussian(stream);
                double y = spec.multError() ? f * (1 + e) : f + e;
                out[i][path] = y;
                double pv = spec.season() == 0 ? y : spec.season() == 2 ? y / sv : y - sv;
                double lNew = q + params.alpha() * (pv - q);
                if (spec.trend() > 0) {
                    b = phib + (params.beta() / params.alpha()) * (lNew - l - phib);
                }
                if (spec.season() > 0) {
                    double tt = spec.season() == 2 ? y / q : y - q;
                    s[k] = sv + params.gamma() * (tt - sv);
                }
                l = lNew;
            }
        }
        return out;
    }

    @Override
    public String why() {
        return why;
    }

    static double gaussian(SplittableRandom random) {
        // Marsaglia polar method; SplittableRandom has no nextGaussian on Java 17.
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Type-7 quantile of sorted data. */
    static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
