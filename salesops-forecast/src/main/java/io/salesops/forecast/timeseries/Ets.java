package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Exponential smoothing in innovations state-space form (Hyndman, Koehler, Ord and Snyder 2008):
 * error additive or multiplicative, trend none, additive or additive damped, season none, additive or
 * multiplicative. Parameters and initial states are fitted by maximum likelihood with Nelder-Mead
 * from the heuristic start of R's {@code forecast::ets}; the "usual" parameter region
 * {@code 0 < beta < alpha < 1, 0 < gamma < 1 - alpha, 0.8 <= phi <= 0.98} is enforced by a logistic
 * reparameterisation, so the optimiser works without bounds.
 */
final class Ets {

    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOW = 0.8;
    static final double PHI_HIGH = 0.98;
    private static final int PATHS = 2000;
    /** Nelder-Mead budget per model; more evaluations did not improve M3 accuracy and cost time. */
    private static final int MAX_EVAL = 1000;

    private Ets() {
    }

    /** Model form: error, trend (0 none, 1 additive, 2 damped), season (0 none, 1 additive, 2 multiplicative). */
    record Spec(boolean multError, int trend, int season) {

        static final List<Spec> ALL = all();

        private static List<Spec> all() {
            List<Spec> list = new ArrayList<>();
            for (boolean me : new boolean[] {false, true}) {
                for (int s = 0; s <= 2; s++) {
                    for (int t = 0; t <= 2; t++) {
                        list.add(new Spec(me, t, s));
                    }
                }
            }
            return List.copyOf(list);
        }

        /** Parses {@code ANN}, {@code AAdN}, {@code MAM} and the like; null if not a form. */
        static Spec parse(String code) {
            String c = code.trim().toUpperCase(Locale.ROOT).replace(",", "").replace("ETS", "")
                    .replace("(", "").replace(")", "");
            if (c.length() < 3 || c.length() > 4) {
                return null;
            }
            char e = c.charAt(0);
            String t = c.substring(1, c.length() - 1);
            char s = c.charAt(c.length() - 1);
            int trend = switch (t) {
                case "N" -> 0;
                case "A" -> 1;
                case "AD" -> 2;
                default -> -1;
            };
            int season = s == 'N' ? 0 : s == 'A' ? 1 : s == 'M' ? 2 : -1;
            if ((e != 'A' && e != 'M') || trend < 0 || season < 0) {
                return null;
            }
            return new Spec(e == 'M', trend, season);
        }

        String code() {
            return (multError ? "M" : "A") + (trend == 0 ? "N" : trend == 1 ? "A" : "Ad")
                    + (season == 0 ? "N" : season == 1 ? "A" : "M");
        }

        String display() {
            return "ETS(" + (multError ? "M" : "A") + "," + (trend == 0 ? "N" : trend == 1 ? "A" : "Ad") + ","
                    + (season == 0 ? "N" : season == 1 ? "A" : "M") + ")";
        }

        boolean needsPositive() {
            return multError || season == 2;
        }

        /** Additive error with multiplicative season is numerically unstable; R excludes it too. */
        boolean stable() {
            return !(season == 2 && !multError);
        }

        int smoothingCount() {
            return 1 + (trend > 0 ? 1 : 0) + (season > 0 ? 1 : 0) + (trend == 2 ? 1 : 0);
        }

        int stateCount(int m) {
            return 1 + (trend > 0 ? 1 : 0) + (season > 0 ? m - 1 : 0);
        }
    }

    /**
     * Fits every stable form the data allow and keeps the lowest AICc.
     *
     * @param seasonal whether seasonal forms may be tried (also needs two full seasons)
     * @return the chosen fit; never null (ETS(A,N,N) is always possible for n &gt;= 3)
     */
    static EtsFit auto(double[] y, int m, boolean seasonal) {
        boolean positive = Seasonality.allPositive(y);
        List<EtsFit> fits = new ArrayList<>();
        for (Spec spec : Spec.ALL) {
            if (!spec.stable() || (spec.needsPositive() && !positive)) {
                continue;
            }
            if (spec.season > 0 && (!seasonal || m <= 1 || y.length < 2 * m)) {
                continue;
            }
            if (y.length <= spec.smoothingCount() + spec.stateCount(m) + 2) {
                continue;
            }
            EtsFit fit = fit(y, m, spec);
            if (fit != null && Double.isFinite(fit.aicc)) {
                fits.add(fit);
            }
        }
        if (fits.isEmpty()) {
            return fit(y, 1, new Spec(false, 0, 0));
        }
        fits.sort((a, b) -> Double.compare(a.aicc, b.aicc));
        EtsFit best = fits.get(0);
        String why = String.format(Locale.ROOT, "lowest AICc (%.2f) of %d ETS forms fitted by maximum likelihood",
                best.aicc, fits.size());
        if (fits.size() > 1) {
            why += String.format(Locale.ROOT, "; runner-up %s at %.2f", fits.get(1).spec.display(), fits.get(1).aicc);
        }
        if (!positive) {
            why += "; multiplicative forms skipped because the series has values <= 0";
        }
        return best.withWhy(why);
    }

    /**
     * Fits one form by maximum likelihood.
     *
     * @return the fit, or null when the form cannot be fitted (too short, non-positive data)
     */
    static EtsFit fit(double[] y, int m, Spec spec) {
        int n = y.length;
        int period = spec.season > 0 ? m : 1;
        if (spec.season > 0 && n < 2 * m) {
            return null;
        }
        if (spec.needsPositive() && !Seasonality.allPositive(y)) {
            return null;
        }
        double scale = 0;
        for (double v : y) {
            scale += Math.abs(v);
        }
        scale = scale == 0 ? 1 : scale / n;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = y[i] / scale;
        }
        // Heuristic initial states, as R's forecast:::initstate.
        double[] s0 = new double[period];
        double[] sa = z;
        if (spec.season > 0) {
            boolean mult = spec.season == 2;
            // Whole-series classical decomposition, as R's forecast::ets does for n >= 3m.
            s0 = Seasonality.indices(z, m, mult);
            sa = new double[n];
            for (int t = 0; t < n; t++) {
                sa[t] = mult ? z[t] / s0[t % m] : z[t] - s0[t % m];
            }
        } else if (period == 1) {
            s0 = new double[] {0};
        }
        int maxn = Math.min(Math.max(10, 2 * period), n);
        double l0;
        double b0 = 0;
        if (spec.trend > 0) {
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int t = 0; t < maxn; t++) {
                double x = t + 1;
                sx += x;
                sy += sa[t];
                sxx += x * x;
                sxy += x * sa[t];
            }
            b0 = (maxn * sxy - sx * sy) / (maxn * sxx - sx * sx);
            l0 = (sy - b0 * sx) / maxn;
        } else {
            double s = 0;
            for (int t = 0; t < maxn; t++) {
                s += sa[t];
            }
            l0 = s / maxn;
        }
        if (spec.multError && l0 + b0 <= 0) {
            l0 = Math.abs(l0) + Math.abs(b0) + 1e-3;
        }
        double alpha = LOWER + 0.2 * (UPPER - LOWER) / period;
        // Initial seasonal states are optimised too (as R's ets): fixing them at the heuristic cost
        // about 0.3 sMAPE points on M3 monthly.
        int seasonDims = spec.season > 0 ? m - 1 : 0;
        int dims = spec.smoothingCount() + spec.stateCount(1) + seasonDims;
        double[] u = new double[dims];
        double[] steps = new double[dims];
        int k = 0;
        u[k] = logit((alpha - LOWER) / (UPPER - LOWER));
        steps[k++] = 1.0;
        if (spec.trend > 0) {
            u[k] = logit(0.1);
            steps[k++] = 1.0;
        }
        if (spec.season > 0) {
            u[k] = logit(0.05);
            steps[k++] = 1.0;
        }
        if (spec.trend == 2) {
            u[k] = logit((0.978 - PHI_LOW) / (PHI_HIGH - PHI_LOW));
            steps[k++] = 1.0;
        }
        u[k] = l0;
        steps[k++] = 0.1 * Math.max(Math.abs(l0), 0.01);
        if (spec.trend > 0) {
            u[k] = b0;
            steps[k++] = 0.02 * Math.max(Math.abs(l0), 0.01);
        }
        for (int j = 0; j < seasonDims; j++) {
            u[k] = s0[j];
            steps[k++] = 0.05;
        }
        Objective objective = new Objective(z, m, spec);
        double[] best;
        try {
            new SimplexOptimizer(new SimpleValueChecker(1e-9, 1e-12)).optimize(
                    new MaxEval(MAX_EVAL), new MaxIter(MAX_EVAL), new ObjectiveFunction(objective),
                    GoalType.MINIMIZE, new InitialGuess(u), new NelderMeadSimplex(steps));
        } catch (TooManyEvaluationsException e) {
            // Keep the best point seen: the likelihood surface is flat near the optimum.
        }
        best = objective.bestPoint;
        if (best == null) {
            return null;
        }
        return new EtsFit(spec, m, scale, z, objective.decode(best), null);
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Decoded parameters and initial states (on the normalised scale). */
    record Params(double alpha, double beta, double gamma, double phi, double l0, double b0, double[] s0) {
    }

    /** -2 log-likelihood (up to a constant) over the unconstrained vector; tracks the best point. */
    private static final class Objective implements org.apache.commons.math3.analysis.MultivariateFunction {
        private final double[] z;
        private final int m;
        private final Spec spec;
        private final double[] scratch;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] bestPoint;

        Objective(double[] z, int m, Spec spec) {
            this.z = z;
            this.m = m;
            this.spec = spec;
            this.scratch = new double[spec.season > 0 ? m : 1];
        }

        Params decode(double[] u) {
            int k = 0;
            double alpha = LOWER + (UPPER - LOWER) * sigmoid(u[k++]);
            double beta = spec.trend > 0 ? LOWER + (alpha - LOWER) * sigmoid(u[k++]) : 0;
            double gamma = spec.season > 0 ? Math.max(1e-6, LOWER + (1 - alpha - LOWER) * sigmoid(u[k++])) : 0;
            double phi = spec.trend == 2 ? PHI_LOW + (PHI_HIGH - PHI_LOW) * sigmoid(u[k++]) : 1;
            double l0 = u[k++];
            double b0 = spec.trend > 0 ? u[k++] : 0;
            double[] s0;
            if (spec.season > 0) {
                s0 = new double[m];
                double sum = 0;
                for (int j = 0; j < m - 1; j++) {
                    s0[j] = u[k++];
                    sum += s0[j];
                }
                s0[m - 1] = spec.season == 2 ? m - sum : -sum;
            } else {
                s0 = new double[] {spec.season == 2 ? 1 : 0};
            }
            return new Params(alpha, beta, gamma, phi, l0, b0, s0);
        }

        @Override
        public double value(double[] u) {
            Params p = decode(u);
            System.arraycopy(p.s0, 0, scratch, 0, scratch.length);
            double v = likelihood(z, m, spec, p, scratch, null, null);
            if (!Double.isFinite(v)) {
                v = 1e10;
            }
            if (v < bestValue) {
                bestValue = v;
                bestPoint = u.clone();
            }
            return v;
        }
    }

    /**
     * Runs the filter. Returns n log(SSE/n) (+ 2 sum log|f| for multiplicative error), or +Inf if the
     * path becomes invalid. {@code s} is updated in place (it ends as the final seasonal state);
     * {@code fitted}/{@code errors} are filled when not null; {@code state} receives {l, b}.
     */
    static double likelihood(double[] z, int m, Spec spec, Params p, double[] s, double[] fitted, double[] state) {
        int n = z.length;
        double l = p.l0;
        double b = p.b0;
        double sse = 0;
        double logf = 0;
        double product = 1;
        boolean multSeason = spec.season == 2;
        int k = 0;
        for (int t = 0; t < n; t++) {
            double phib = spec.trend == 0 ? 0 : spec.trend == 1 ? b : p.phi * b;
            double q = l + phib;
            double sv = spec.season == 0 ? 0 : s[k];
            double f = multSeason ? q * sv : q + sv;
            if (fitted != null) {
                fitted[t] = f;
            }
            double y = z[t];
            double e;
            if (spec.multError) {
                if (!(f > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                e = (y - f) / f;
                // One log per block instead of per step: f stays near 1 on the normalised scale.
                product *= f;
                if (product > 1e100 || product < 1e-100) {
                    logf += Math.log(product);
                    product = 1;
                }
            } else {
                e = y - f;
            }
            sse += e * e;
            double pv = spec.season == 0 ? y : multSeason ? y / sv : y - sv;
            double lNew = q + p.alpha * (pv - q);
            if (spec.trend > 0) {
                b = phib + (p.beta / p.alpha) * (lNew - l - phib);
            }
            if (spec.season > 0) {
                double tt = multSeason ? y / q : y - q;
                s[k] = sv + p.gamma * (tt - sv);
                if (multSeason && !(s[k] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            l = lNew;
            if (!Double.isFinite(l)) {
                return Double.POSITIVE_INFINITY;
            }
            if (spec.season > 0 && ++k == m) {
                k = 0;
            }
        }
        logf += Math.log(product);
        if (state != null) {
            state[0] = l;
            state[1] = b;
        }
        if (sse <= 0) {
            sse = 1e-300;
        }
        return n * Math.log(sse / n) + 2 * logf;
    }

    /** A fitted ETS model; all arrays are private copies. */
    static final class EtsFit implements Fitted {
        final Spec spec;
        final int m;
        final double scale;
        final Params params;
        final double aicc;
        final double sigma2;
        private final double[] fitted;
        private final double level;
        private final double slope;
        private final double[] season;
        private final int n;
        private final String why;

        EtsFit(Spec spec, int m, double scale, double[] z, Params params, String why) {
            this.spec = spec;
            this.m = m;
            this.scale = scale;
            this.params = params;
            this.n = z.length;
            double[] s = params.s0.clone();
            double[] f = new double[n];
            double[] state = new double[2];
            double lik = likelihood(z, m, spec, params, s, f, state);
            this.level = state[0];
            this.slope = state[1];
            this.season = s;
            double sse = 0;
            for (int t = 0; t < n; t++) {
                double e = spec.multError ? (z[t] - f[t]) / f[t] : z[t] - f[t];
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
            return params.alpha;
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
            map.put("alpha", params.alpha);
            if (spec.trend > 0) {
                map.put("beta", params.beta);
            }
            if (spec.season > 0) {
                map.put("gamma", params.gamma);
            }
            if (spec.trend == 2) {
                map.put("phi", params.phi);
            }
            map.put("l0", params.l0 * scale);
            if (spec.trend > 0) {
                map.put("b0", params.b0 * scale);
            }
            if (spec.season > 0) {
                for (int j = 0; j < m; j++) {
                    map.put("s0[" + j + "]", spec.season == 2 ? params.s0[j] : params.s0[j] * scale);
                }
            }
            map.put("sigma", Math.sqrt(sigma2) * (spec.multError ? 1 : scale));
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
                damp = spec.trend == 0 ? 0 : spec.trend == 1 ? i : damp + Math.pow(params.phi, i);
                double base = level + damp * slope;
                double sv = spec.season == 0 ? 0 : season[(n - 1 + i) % m];
                out[i - 1] = (spec.season == 2 ? base * sv : base + sv) * scale;
            }
            return out;
        }

        @Override
        public double[][] interval(int h, double lvl) {
            double[] mean = mean(h);
            double[][] out = new double[2][h];
            if (!spec.multError && spec.season != 2) {
                // Class 1: var_h = sigma^2 (1 + sum_{j<h} c_j^2), Hyndman et al. (2008) Table 6.1.
                double z = Gaussian.twoSided(lvl);
                double sum = 0;
                double phiJ = 0;
                for (int i = 1; i <= h; i++) {
                    double se = Math.sqrt(sigma2 * (1 + sum)) * scale;
                    out[0][i - 1] = mean[i - 1] - z * se;
                    out[1][i - 1] = mean[i - 1] + z * se;
                    phiJ = spec.trend == 2 ? phiJ + Math.pow(params.phi, i) : i;
                    double c = params.alpha + (spec.trend == 0 ? 0 : params.beta * phiJ)
                            + (spec.season > 0 && i % m == 0 ? params.gamma : 0);
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
                    int k = spec.season > 0 ? (n + i) % m : 0;
                    double phib = spec.trend == 0 ? 0 : spec.trend == 1 ? b : params.phi * b;
                    double q = l + phib;
                    double sv = spec.season == 0 ? 0 : s[k];
                    double f = spec.season == 2 ? q * sv : q + sv;
                    double e = sigma * gaussian(stream);
                    double y = spec.multError ? f * (1 + e) : f + e;
                    out[i][path] = y;
                    double pv = spec.season == 0 ? y : spec.season == 2 ? y / sv : y - sv;
                    double lNew = q + params.alpha * (pv - q);
                    if (spec.trend > 0) {
                        b = phib + (params.beta / params.alpha) * (lNew - l - phib);
                    }
                    if (spec.season > 0) {
                        double tt = spec.season == 2 ? y / q : y - q;
                        s[k] = sv + params.gamma * (tt - sv);
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
