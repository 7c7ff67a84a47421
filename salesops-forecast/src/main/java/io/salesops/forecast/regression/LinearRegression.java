package io.salesops.forecast.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entry point for least-squares regression: name the response and the regressors, then fit.
 *
 * <pre>{@code
 * RegressionResult fit = LinearRegression.of("revenue", revenue)
 *         .regressor("calls", calls)
 *         .regressor("demos", demos)
 *         .fit();
 * double perDemo = fit.coefficient("demos");
 * Prediction next = fit.predict(new double[] {120, 14}, 0.95);
 * }</pre>
 *
 * <p>By default an intercept (named {@value RegressionResult#INTERCEPT}) comes first;
 * {@link #withoutIntercept()} drops it. {@link #weights(double[])} makes it weighted least squares.
 * Coefficients come from Householder QR of the column-equilibrated design, refined in
 * double-double arithmetic, so they reach 9 or more correct digits on the NIST StRD problems
 * (7 on Filip); normal equations are never formed for them.
 *
 * <p>This is a builder: each call checks its argument at once and fails naming it; it is mutable
 * and not thread-safe, copies every array it is given, and {@link #fit()} leaves it unchanged so it
 * can be varied and fitted again.
 */
public final class LinearRegression {

    private final String responseName;
    private final double[] y;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> columns = new ArrayList<>();
    private boolean intercept = true;
    private double[] weights;

    private LinearRegression(String responseName, double[] y) {
        this.responseName = Objects.requireNonNull(responseName, "responseName");
        Objects.requireNonNull(y, "y");
        checkFinite(responseName, y);
        this.y = y.clone();
    }

    /**
     * Starts a regression of the response {@code y}, called "y".
     *
     * @param y the observed responses; not null, finite; copied
     * @return a new builder
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static LinearRegression of(double[] y) {
        return new LinearRegression("y", y);
    }

    /**
     * Starts a regression of the named response.
     *
     * @param responseName the response's name, shown in the summary; not null
     * @param y            the observed responses; not null, finite; copied
     * @return a new builder
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static LinearRegression of(String responseName, double[] y) {
        return new LinearRegression(responseName, y);
    }

    /**
     * Adds a regressor column.
     *
     * @param name   unique, non-blank, not {@value RegressionResult#INTERCEPT}
     * @param values one per observation, finite; copied
     * @return this builder
     * @throws IllegalArgumentException on a duplicate or blank name, a length other than the
     *                                  response's, or a NaN/infinite value
     */
    public LinearRegression regressor(String name, double[] values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values of " + name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("regressor name must not be blank");
        }
        if (name.equals(RegressionResult.INTERCEPT)) {
            throw new IllegalArgumentException("regressor name '" + RegressionResult.INTERCEPT
                    + "' is reserved for the intercept; use withIntercept(true) instead");
        }
        if (names.contains(name)) {
            throw new IllegalArgumentException("regressor " + name + " was already added");
        }
        if (values.length != y.length) {
            throw new IllegalArgumentException("regressor " + name + " has " + values.length
                    + " values but " + responseName + " has " + y.length);
        }
        checkFinite(name, values);
        names.add(name);
        columns.add(values.clone());
        return this;
    }

    /**
     * Adds several regressor columns at once, as {@link #regressor(String, double[])} does.
     *
     * @param names   one per column
     * @param columns {@code columns[j]} is the column named {@code names[j]}
     * @return this builder
     * @throws IllegalArgumentException if the counts differ or a column is rejected
     */
    public LinearRegression regressors(String[] names, double[][] columns) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        if (names.length != columns.length) {
            throw new IllegalArgumentException(names.length + " names given for " + columns.length + " columns");
        }
        for (int j = 0; j < names.length; j++) {
            regressor(names[j], columns[j]);
        }
        return this;
    }

    /**
     * Adds the powers x, x<sup>2</sup>, ..., x<sup>degree</sup> of a column, named
     * {@code name}, {@code name^2}, ... (see {@link Polynomial}).
     *
     * @return this builder
     * @throws IllegalArgumentException if degree &lt; 1 or a power is rejected (e.g. overflows)
     */
    public LinearRegression polynomial(String name, double[] x, int degree) {
        return regressors(Polynomial.names(name, degree), Polynomial.powers(x, degree));
    }

    /**
     * Whether to fit an intercept (the default) or force the fit through the origin.
     * Without an intercept R<sup>2</sup> is uncentered (1 - RSS / &Sigma;y<sup>2</sup>), as NIST certifies.
     *
     * @return this builder
     */
    public LinearRegression withIntercept(boolean intercept) {
        this.intercept = intercept;
        return this;
    }

    /**
     * Forces the fit through the origin; same as {@code withIntercept(false)}.
     *
     * @return this builder
     */
    public LinearRegression withoutIntercept() {
        return withIntercept(false);
    }

    /**
     * Makes the fit weighted least squares: minimise &Sigma; w<sub>i</sub> r<sub>i</sub><sup>2</sup>. Weights are
     * inverse variances up to a common factor. Pass null to go back to ordinary least squares.
     *
     * @param weights one per observation, each finite and &gt; 0; copied
     * @return this builder
     * @throws IllegalArgumentException on a wrong length or a weight that is not positive and finite
     */
    public LinearRegression weights(double[] weights) {
        if (weights == null) {
            this.weights = null;
            return this;
        }
        if (weights.length != y.length) {
            throw new IllegalArgumentException(weights.length + " weights given for " + y.length + " observations");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0.0 && weights[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("weight " + weights[i] + " of observation " + i
                        + " must be positive and finite");
            }
        }
        this.weights = weights.clone();
        return this;
    }

    /**
     * Fits the model.
     *
     * @return the immutable results
     * @throws IllegalArgumentException if there are not more observations than coefficients or
     *                                  there is nothing to fit
     * @throws RankDeficientException   if a regressor is a linear combination of earlier ones
     *                                  (the intercept counts as the first column)
     */
    public RegressionResult fit() {
        int n = y.length;
        int p = columns.size() + (intercept ? 1 : 0);
        if (p == 0) {
            throw new IllegalArgumentException("nothing to fit: add a regressor or keep the intercept");
        }
        if (n <= p) {
            throw new IllegalArgumentException(n + " observations cannot estimate " + p
                    + " coefficients with an error variance: need at least " + (p + 1));
        }
        List<String> allNames = new ArrayList<>(p);
        double[][] design = new double[p][];
        double[] sqrtW = null;
        if (weights != null) {
            sqrtW = new double[n];
            for (int i = 0; i < n; i++) {
                sqrtW[i] = Math.sqrt(weights[i]);
            }
        }
        int j = 0;
        if (intercept) {
            allNames.add(RegressionResult.INTERCEPT);
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            design[j++] = weighted(ones, sqrtW);
        }
        for (int k = 0; k < columns.size(); k++) {
            allNames.add(names.get(k));
            design[j++] = weighted(columns.get(k), sqrtW);
        }
        double[] ys = weighted(y, sqrtW);
        LeastSquaresSolver.Solution solution = LeastSquaresSolver.solve(design, ys, allNames);
        return new RegressionResult(responseName, allNames, intercept, weights != null, y, ys,
                intercept ? design[0] : null, sqrtW, solution);
    }

    private static double[] weighted(double[] values, double[] sqrtW) {
        if (sqrtW == null) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * sqrtW[i];
        }
        return out;
    }

    private static void checkFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + values[i] + " of " + name + " at observation " + i
                        + " must be finite");
            }
        }
    }
}
