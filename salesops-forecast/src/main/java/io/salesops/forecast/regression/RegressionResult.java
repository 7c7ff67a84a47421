package io.salesops.forecast.regression;

import io.salesops.forecast.timeseries.IntervalLevels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * The results of a least-squares fit: coefficients with standard errors, t statistics and
 * p-values, goodness of fit, residuals, and predictions with confidence and prediction intervals.
 *
 * <p>Obtained from {@link LinearRegression#fit()}. Immutable and thread-safe; array accessors
 * return copies. Names follow the regression textbook (and statsmodels' summary): RSS is the
 * residual sum of squares, s = sqrt(RSS / (n - p)) the residual standard deviation.
 * For weighted fits, sums of squares, R<sup>2</sup> and s are the weighted ones, while
 * {@link #residuals()} and {@link #fittedValues()} are on the scale of y.
 */
public final class RegressionResult {

    /** The name of the intercept in coefficient tables and lookups. */
    public static final String INTERCEPT = "intercept";

    private final String responseName;
    private final List<String> names;
    private final boolean intercept;
    private final boolean weighted;
    private final int observations;
    private final double[] beta;
    private final double[] standardErrors;
    private final double[][] covarianceUnscaled;
    private final double[] residuals;
    private final double[] fitted;
    private final double residualSumOfSquares;
    private final double totalSumOfSquares;
    private final double rSquared;
    private final double adjustedRSquared;
    private final double sigma;
    private final double fStatistic;
    private final double fPValue;
    private final double conditionNumber;
    private final int refinementSteps;
    private final List<Coefficient> table;

    RegressionResult(String responseName, List<String> names, boolean intercept, boolean weighted,
                     double[] y, double[] ys, double[] interceptColumn, double[] sqrtW,
                     LeastSquaresSolver.Solution solution) {
        this.responseName = responseName;
        this.names = List.copyOf(names);
        this.intercept = intercept;
        this.weighted = weighted;
        this.observations = y.length;
        int n = y.length;
        int p = names.size();
        this.beta = solution.beta();
        this.covarianceUnscaled = solution.covariance();
        this.conditionNumber = solution.conditionEstimate();
        this.refinementSteps = solution.refinementSteps();
        double[] e = solution.residuals();
        this.residuals = new double[n];
        this.fitted = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = sqrtW == null ? e[i] : e[i] / sqrtW[i];
            fitted[i] = y[i] - residuals[i];
        }
        this.residualSumOfSquares = solution.residualSumOfSquares();
        this.totalSumOfSquares = intercept ? centeredSumOfSquares(ys, interceptColumn) : LeastSquaresSolver.dot2(ys, ys);
        int dfResidual = n - p;
        int dfModel = p - (intercept ? 1 : 0);
        this.rSquared = totalSumOfSquares == 0.0 ? Double.NaN : 1.0 - residualSumOfSquares / totalSumOfSquares;
        this.adjustedRSquared = 1.0 - (1.0 - rSquared) * (n - (intercept ? 1 : 0)) / dfResidual;
        double variance = residualSumOfSquares / dfResidual;
        this.sigma = Math.sqrt(variance);
        this.standardErrors = new double[p];
        List<Coefficient> rows = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            standardErrors[j] = sigma * Math.sqrt(covarianceUnscaled[j][j]);
            double t = beta[j] / standardErrors[j];
            rows.add(new Coefficient(names.get(j), beta[j], standardErrors[j], t, twoSidedP(t, dfResidual)));
        }
        this.table = Collections.unmodifiableList(rows);
        if (dfModel == 0) {
            this.fStatistic = Double.NaN;
            this.fPValue = Double.NaN;
        } else {
            double explained = (totalSumOfSquares - residualSumOfSquares) / dfModel;
            this.fStatistic = explained / variance;
            this.fPValue = fisherUpperTail(fStatistic, dfModel, dfResidual);
        }
    }

    /**
     * Σ (y - ȳ)² with the (weighted) mean fitted as the coefficient of the intercept column c
     * (all ones for OLS): the corrected two-pass algorithm, so a mean large against the spread
     * does not cancel the digits away.
     */
    private static double centeredSumOfSquares(double[] ys, double[] c) {
        double cc = LeastSquaresSolver.dot2(c, c);
        double mean = LeastSquaresSolver.dot2(c, ys) / cc;
        double[] d = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            d[i] = ys[i] - c[i] * mean;
        }
        double correction = LeastSquaresSolver.dot2(c, d) / cc;
        for (int i = 0; i < ys.length; i++) {
            d[i] -= c[i] * correction;
        }
        return LeastSquaresSolver.dot2(d, d);
    }

    private static double twoSidedP(double t, int df) {
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        // P(|T| > t) = I_{df/(df+t²)}(df/2, 1/2): exact in the far tail, where 1 - cdf would round to 0.
        return Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5);
    }

    private static double fisherUpperTail(double f, int d1, int d2) {
        if (Double.isNaN(f)) {
            return Double.NaN;
        }
        if (Double.isInfinite(f)) {
            return 0.0;
        }
        return Beta.regularizedBeta(d2 / (d2 + d1 * f), 0.5 * d2, 0.5 * d1);
    }

    /** {@return the response's name as given to {@link LinearRegression}; never null} */
    public String responseName() {
        return responseName;
    }

    /** {@return the coefficient names in order, {@value #INTERCEPT} (if any) first; unmodifiable} */
    public List<String> names() {
        return names;
    }

    /** {@return true if the model has an intercept} */
    public boolean hasIntercept() {
        return intercept;
    }

    /** {@return true if this is a weighted least-squares fit} */
    public boolean isWeighted() {
        return weighted;
    }

    /** {@return the number of observations n, more than the number of coefficients} */
    public int observations() {
        return observations;
    }

    /** {@return the residual degrees of freedom n - p, at least 1} */
    public int residualDegreesOfFreedom() {
        return observations - names.size();
    }

    /** {@return the model degrees of freedom: the number of coefficients other than the intercept, 0 or more} */
    public int modelDegreesOfFreedom() {
        return names.size() - (intercept ? 1 : 0);
    }

    /** {@return all coefficient estimates in the order of {@link #names()}; a new array on every call} */
    public double[] coefficients() {
        return beta.clone();
    }

    /** {@return the standard errors in the order of {@link #names()}; a new array on every call} */
    public double[] standardErrors() {
        return standardErrors.clone();
    }

    /** {@return the coefficient table, one row per coefficient in the order of {@link #names()}; unmodifiable} */
    public List<Coefficient> coefficientTable() {
        return table;
    }

    /**
     * The row of one coefficient.
     *
     * @param name a regressor name or {@value #INTERCEPT}, exactly as given (case matters)
     * @return the coefficient's estimate, standard error, t statistic and p-value; never null
     * @throws IllegalArgumentException if there is no such coefficient
     */
    public Coefficient row(String name) {
        return table.get(indexOf(name));
    }

    /**
     * The estimated coefficient of a regressor.
     *
     * @param name a regressor name or {@value #INTERCEPT}, exactly as given (case matters)
     * @return the least-squares estimate, in units of the response per unit of the regressor
     * @throws IllegalArgumentException if there is no such coefficient
     */
    public double coefficient(String name) {
        return beta[indexOf(name)];
    }

    /**
     * The standard error of a coefficient.
     *
     * @param name a regressor name or {@value #INTERCEPT}
     * @return the standard error, 0 or more (0 for an exact fit)
     * @throws IllegalArgumentException if there is no such coefficient
     */
    public double standardError(String name) {
        return standardErrors[indexOf(name)];
    }

    /**
     * The t statistic of a coefficient (estimate / standard error).
     *
     * @param name a regressor name or {@value #INTERCEPT}
     * @return the t statistic; infinite for an exact fit, NaN for a zero estimate in an exact fit
     * @throws IllegalArgumentException if there is no such coefficient
     */
    public double tStatistic(String name) {
        return table.get(indexOf(name)).tStatistic();
    }

    /**
     * The two-sided p-value of a coefficient, from Student's t with {@link #residualDegreesOfFreedom()}.
     *
     * @param name a regressor name or {@value #INTERCEPT}
     * @return P(|T| &gt;= |t|), in [0, 1]; NaN when the t statistic is NaN
     * @throws IllegalArgumentException if there is no such coefficient
     */
    public double pValue(String name) {
        return table.get(indexOf(name)).pValue();
    }

    /**
     * The intercept.
     *
     * @return the estimated intercept, the response's fitted value where every regressor is 0
     * @throws IllegalStateException if the model has none
     */
    public double intercept() {
        if (!intercept) {
            throw new IllegalStateException("the model was fitted without an intercept");
        }
        return beta[0];
    }

    /**
     * The estimated covariance matrix s<sup>2</sup>(X<sup>T</sup>X)<sup>-1</sup> of the coefficients, in the
     * order of {@link #names()}.
     *
     * @return a new p x p symmetric matrix on every call
     */
    public double[][] covariance() {
        double v = sigma * sigma;
        double[][] c = new double[beta.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = new double[beta.length];
            for (int j = 0; j < c.length; j++) {
                c[i][j] = v * covarianceUnscaled[i][j];
            }
        }
        return c;
    }

    /**
     * The confidence interval {low, high} of a coefficient at the given level.
     *
     * @param name  the coefficient, a regressor's name or {@link #INTERCEPT}
     * @param level the confidence level in percent, e.g. 95, as everywhere in salesops ({@link IntervalLevels})
     * @return a new array {low, high}
     * @throws IllegalArgumentException if the level is not above 1 and below 100 (a fraction such as 0.95 is
     *                                  refused with the percent to write) or there is no such coefficient
     */
    public double[] confidenceInterval(String name, double level) {
        int j = indexOf(name);
        double half = tQuantile(level) * standardErrors[j];
        return new double[] {beta[j] - half, beta[j] + half};
    }

    /**
     * R<sup>2</sup>: 1 - RSS/TSS, centered with an intercept and uncentered (TSS = &Sigma;y<sup>2</sup>) without.
     *
     * @return R<sup>2</sup>, at most 1 (in [0, 1] with an intercept); NaN when TSS is 0 (a constant response
     *         with an intercept, or all-zero y without)
     */
    public double rSquared() {
        return rSquared;
    }

    /**
     * R<sup>2</sup> adjusted for the degrees of freedom: 1 - (1 - R<sup>2</sup>)(n - 1)/(n - p) with an
     * intercept, n in place of n - 1 without.
     *
     * @return the adjusted R<sup>2</sup>, at most 1 and possibly negative; NaN when R<sup>2</sup> is
     */
    public double adjustedRSquared() {
        return adjustedRSquared;
    }

    /** {@return the residual standard deviation s = sqrt(RSS / (n - p)), 0 or more, in units of the response} */
    public double residualStandardDeviation() {
        return sigma;
    }

    /** {@return the residual sum of squares RSS (weighted for WLS), 0 or more} */
    public double residualSumOfSquares() {
        return residualSumOfSquares;
    }

    /** {@return the total sum of squares TSS that R<sup>2</sup> compares against (centered only with an intercept)} */
    public double totalSumOfSquares() {
        return totalSumOfSquares;
    }

    /**
     * The F statistic of the regression against the intercept-only (or, without intercept, the zero) model.
     *
     * @return F, 0 or more (infinite for an exact fit); NaN when the model has no regressor besides the intercept
     */
    public double fStatistic() {
        return fStatistic;
    }

    /** {@return P(F &gt;= observed F), in [0, 1]; NaN when the model has no regressor besides the intercept} */
    public double fPValue() {
        return fPValue;
    }

    /** {@return the residuals y - &#375; on the scale of y, one per observation; a new array on every call} */
    public double[] residuals() {
        return residuals.clone();
    }

    /** {@return the fitted values &#375;, one per observation; a new array on every call} */
    public double[] fittedValues() {
        return fitted.clone();
    }

    /**
     * An estimate of the 2-norm condition number of the design after scaling its columns to unit
     * length (from R): about 10<sup>k</sup> means k digits are at risk without refinement.
     *
     * @return the estimate, at least 1
     */
    public double conditionNumber() {
        return conditionNumber;
    }

    /** {@return how many iterative refinement steps the solver took, 0 or more (a diagnostic)} */
    public int refinementSteps() {
        return refinementSteps;
    }

    /**
     * Predicts the response at a new point with both intervals.
     *
     * @param regressors one value per regressor in the order they were added (not including the intercept)
     * @param level      confidence level in percent, e.g. 95, as everywhere in salesops ({@link IntervalLevels});
     *                   a fraction such as 0.95 is refused with the percent to write
     * @return the fitted mean, its confidence interval and the prediction interval for a new observation
     *         (of weight 1 in a weighted fit)
     * @throws IllegalArgumentException on a wrong number of values, a non-finite value or a bad level
     */
    public Prediction predict(double[] regressors, double level) {
        Objects.requireNonNull(regressors, "regressors");
        int k = names.size() - (intercept ? 1 : 0);
        if (regressors.length != k) {
            throw new IllegalArgumentException("predict needs " + k + " regressor values " + regressorNames()
                    + " but got " + regressors.length);
        }
        double[] x0 = new double[names.size()];
        int j = 0;
        if (intercept) {
            x0[j++] = 1.0;
        }
        for (double v : regressors) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("regressor value " + v + " for " + names.get(j) + " must be finite");
            }
            x0[j++] = v;
        }
        double mean = 0.0;
        double quad = 0.0;
        for (int a = 0; a < x0.length; a++) {
            mean += x0[a] * beta[a];
            for (int b = 0; b < x0.length; b++) {
                quad += x0[a] * covarianceUnscaled[a][b] * x0[b];
            }
        }
        quad = Math.max(quad, 0.0);
        double t = tQuantile(level);
        double seMean = sigma * Math.sqrt(quad);
        double sePred = sigma * Math.sqrt(1.0 + quad);
        return new Prediction(mean, seMean, mean - t * seMean, mean + t * seMean,
                mean - t * sePred, mean + t * sePred, level);
    }

    /**
     * Predicts at a new point given by regressor name.
     *
     * @param regressors a value for every regressor (extra keys are an error)
     * @param level      confidence level in percent, e.g. 95
     * @return the fitted mean and both intervals
     * @throws IllegalArgumentException on a missing or unknown regressor, a non-finite value or a bad level
     * @see #predict(double[], double)
     */
    public Prediction predict(Map<String, Double> regressors, double level) {
        Objects.requireNonNull(regressors, "regressors");
        List<String> wanted = regressorNames();
        for (String key : regressors.keySet()) {
            if (!wanted.contains(key)) {
                throw new IllegalArgumentException("unknown regressor " + key + "; the model has " + wanted);
            }
        }
        double[] x = new double[wanted.size()];
        for (int j = 0; j < x.length; j++) {
            Double v = regressors.get(wanted.get(j));
            if (v == null) {
                throw new IllegalArgumentException("missing value for regressor " + wanted.get(j));
            }
            x[j] = v;
        }
        return predict(x, level);
    }

    private List<String> regressorNames() {
        return intercept ? names.subList(1, names.size()) : names;
    }

    private double tQuantile(double levelPercent) {
        IntervalLevels.check(levelPercent);
        return new TDistribution(null, residualDegreesOfFreedom())
                .inverseCumulativeProbability(0.5 + 0.005 * levelPercent);
    }

    private int indexOf(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no coefficient named " + name + "; the model has " + names);
        }
        return j;
    }

    /**
     * A plain-text report in the layout of statsmodels' summary: fit statistics, then one line per
     * coefficient with its 95% confidence interval.
     *
     * @return the multi-line report, ending in a rule; numbers formatted in {@link Locale#ROOT}
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        int width = Math.max(12, names.stream().mapToInt(String::length).max().orElse(0) + 1);
        int total = width + 78;
        String rule = "=".repeat(total) + "\n";
        String title = (weighted ? "WLS" : "OLS") + " Regression Results";
        int pad = (total - title.length()) / 2;
        sb.append(" ".repeat(pad)).append(title).append('\n').append(rule);
        line(sb, "Dep. Variable:", responseName, "R-squared:", fmt(rSquared));
        line(sb, "Model:", weighted ? "WLS" : "OLS", "Adj. R-squared:", fmt(adjustedRSquared));
        line(sb, "No. Observations:", Integer.toString(observations), "F-statistic:", fmt(fStatistic));
        line(sb, "Df Residuals:", Integer.toString(residualDegreesOfFreedom()), "Prob (F-statistic):", fmt(fPValue));
        line(sb, "Df Model:", Integer.toString(modelDegreesOfFreedom()), "Residual std. dev.:", fmt(sigma));
        line(sb, "Intercept:", intercept ? "yes" : "no", "Cond. No. (scaled):", fmt(conditionNumber));
        sb.append(rule);
        sb.append(String.format(Locale.ROOT, "%-" + width + "s %14s %12s %9s %9s %14s %13s%n",
                "", "coef", "std err", "t", "P>|t|", "[0.025", "0.975]"));
        sb.append("-".repeat(total)).append('\n');
        for (int j = 0; j < names.size(); j++) {
            Coefficient c = table.get(j);
            double[] ci = confidenceInterval(names.get(j), 95);
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %14s %12s %9s %9s %14s %13s%n",
                    c.name(), fmt(c.estimate()), fmt(c.standardError()), fmt2(c.tStatistic()),
                    fmtP(c.pValue()), fmt(ci[0]), fmt(ci[1])));
        }
        sb.append(rule);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String k1, String v1, String k2, String v2) {
        sb.append(String.format(Locale.ROOT, "%-20s%20s     %-22s%17s%n", k1, v1, k2, v2));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fmtP(double v) {
        return v < 0.001 && v > 0 ? String.format(Locale.ROOT, "%.2e", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public String toString() {
        return "RegressionResult" + Arrays.toString(beta) + " on " + names + ", R2=" + rSquared;
    }
}
