package io.salesops.forecast.timeseries;

/**
 * The ETS innovations filter and the likelihood it gives: the parameters decoded from the optimiser's unbounded
 * vector ({@link Params}), -2 log-likelihood over a series ({@link #likelihood}), and the objective Nelder-Mead
 * minimises ({@link Objective}), which keeps the best point it saw. Stateless, except each {@code Objective}.
 */
final class EtsLikelihood {

    /** The bounds of the "usual" parameter region the decoding maps every point into. */
    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOW = 0.8;
    static final double PHI_HIGH = 0.98;

    private EtsLikelihood() {
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Decoded parameters and initial states (on the normalised scale). */
    record Params(double alpha, double beta, double gamma, double phi, double l0, double b0, double[] s0) {
    }

    /** -2 log-likelihood (up to a constant) over the unconstrained vector; tracks the best point. */
    static final class Objective implements org.apache.commons.math3.analysis.MultivariateFunction {
        private final double[] z;
        private final int m;
        private final EtsForm spec;
        private final double[] scratch;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] bestPoint;

        Objective(double[] z, int m, EtsForm spec) {
            this.z = z;
            this.m = m;
            this.spec = spec;
            this.scratch = new double[spec.season() > 0 ? m : 1];
        }

        Params decode(double[] u) {
            int k = 0;
            double alpha = LOWER + (UPPER - LOWER) * sigmoid(u[k++]);
            double beta = spec.trend() > 0 ? LOWER + (alpha - LOWER) * sigmoid(u[k++]) : 0;
            double gamma = spec.season() > 0 ? Math.max(1e-6, LOWER + (1 - alpha - LOWER) * sigmoid(u[k++])) : 0;
            double phi = spec.trend() == 2 ? PHI_LOW + (PHI_HIGH - PHI_LOW) * sigmoid(u[k++]) : 1;
            double l0 = u[k++];
            double b0 = spec.trend() > 0 ? u[k++] : 0;
            double[] s0;
            if (spec.season() > 0) {
                s0 = new double[m];
                double sum = 0;
                for (int j = 0; j < m - 1; j++) {
                    s0[j] = u[k++];
                    sum += s0[j];
                }
                s0[m - 1] = spec.season() == 2 ? m - sum : -sum;
            } else {
                s0 = new double[] {spec.season() == 2 ? 1 : 0};
            }
            return new Params(alpha, beta, gamma, phi, l0, b0, s0);
        }

        @Override
        public double value(double[] u) {
            Params p = decode(u);
            System.arraycopy(p.s0(), 0, scratch, 0, scratch.length);
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
    static double likelihood(double[] z, int m, EtsForm spec, Params p, double[] s, double[] fitted, double[] state) {
        int n = z.length;
        double l = p.l0();
        double b = p.b0();
        double sse = 0;
        double logf = 0;
        double product = 1;
        boolean multSeason = spec.season() == 2;
        int k = 0;
        for (int t = 0; t < n; t++) {
            double phib = spec.trend() == 0 ? 0 : spec.trend() == 1 ? b : p.phi() * b;
            double q = l + phib;
            double sv = spec.season() == 0 ? 0 : s[k];
            double f = multSeason ? q * sv : q + sv;
            if (fitted != null) {
                fitted[t] = f;
            }
            double y = z[t];
            double e;
            if (spec.multError()) {
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
            double pv = spec.season() == 0 ? y : multSeason ? y / sv : y - sv;
            double lNew = q + p.alpha() * (pv - q);
            if (spec.trend() > 0) {
                b = phib + (p.beta() / p.alpha()) * (lNew - l - phib);
            }
            if (spec.season() > 0) {
                double tt = multSeason ? y / q : y - q;
                s[k] = sv + p.gamma() * (tt - sv);
                if (multSeason && !(s[k] > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            l = lNew;
            if (!Double.isFinite(l)) {
                return Double.POSITIVE_INFINITY;
            }
            if (spec.season() > 0 && ++k == m) {
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
}
