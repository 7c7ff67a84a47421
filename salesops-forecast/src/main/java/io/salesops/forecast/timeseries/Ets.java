package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>This class holds the model forms ({@link EtsForm}), the choice among them by AICc and the fit of one form (the
 * heuristic start and the optimiser); {@link EtsLikelihood} holds the filter and the objective it minimises, and
 * {@link EtsFit} the fitted model with its forecasts and intervals. Stateless.
 */
final class Ets {

    /** Nelder-Mead budget per model; more evaluations did not improve M3 accuracy and cost time. */
    private static final int MAX_EVAL = 1000;

    private Ets() {
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
        for (EtsForm spec : EtsForm.ALL) {
            if (!spec.stable() || (spec.needsPositive() && !positive)) {
                continue;
            }
            if (spec.season() > 0 && (!seasonal || m <= 1 || y.length < 2 * m)) {
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
            return fit(y, 1, new EtsForm(false, 0, 0));
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
    static EtsFit fit(double[] y, int m, EtsForm spec) {
        int n = y.length;
        int period = spec.season() > 0 ? m : 1;
        if (spec.season() > 0 && n < 2 * m) {
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
        if (spec.season() > 0) {
            boolean mult = spec.season() == 2;
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
        if (spec.trend() > 0) {
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
        if (spec.multError() && l0 + b0 <= 0) {
            l0 = Math.abs(l0) + Math.abs(b0) + 1e-3;
        }
        double alpha = EtsLikelihood.LOWER + 0.2 * (EtsLikelihood.UPPER - EtsLikelihood.LOWER) / period;
        // Initial seasonal states are optimised too (as R's ets): fixing them at the heuristic cost
        // about 0.3 sMAPE points on M3 monthly.
        int seasonDims = spec.season() > 0 ? m - 1 : 0;
        int dims = spec.smoothingCount() + spec.stateCount(1) + seasonDims;
        double[] u = new double[dims];
        double[] steps = new double[dims];
        int k = 0;
        u[k] = logit((alpha - EtsLikelihood.LOWER) / (EtsLikelihood.UPPER - EtsLikelihood.LOWER));
        steps[k++] = 1.0;
        if (spec.trend() > 0) {
            u[k] = logit(0.1);
            steps[k++] = 1.0;
        }
        if (spec.season() > 0) {
            u[k] = logit(0.05);
            steps[k++] = 1.0;
        }
        if (spec.trend() == 2) {
            u[k] = logit((0.978 - EtsLikelihood.PHI_LOW) / (EtsLikelihood.PHI_HIGH - EtsLikelihood.PHI_LOW));
            steps[k++] = 1.0;
        }
        u[k] = l0;
        steps[k++] = 0.1 * Math.max(Math.abs(l0), 0.01);
        if (spec.trend() > 0) {
            u[k] = b0;
            steps[k++] = 0.02 * Math.max(Math.abs(l0), 0.01);
        }
        for (int j = 0; j < seasonDims; j++) {
            u[k] = s0[j];
            steps[k++] = 0.05;
        }
        EtsLikelihood.Objective objective = new EtsLikelihood.Objective(z, m, spec);
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

}
