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
 * <p>An immutable value in the java.time style: each configuring call checks its argument at once
 * (failing with a message naming it), copies every array it is given, and returns a <em>new</em>
 * {@code LinearRegression}; the receiver is never changed, so a call whose result is ignored has no
 * effect and a shared base (say, the response with its common regressors) can be varied and fitted
 * again. Thread-safe.
 */
public final class LinearRegression {

    private final String responseName;
    /** The arrays below are private copies, shared between copies of this value and never changed. */
    private final double[] y;
    private final List<String> names;
    private final List<double[]> columns;
    private final boolean intercept;
    private final double[] weights;

    private LinearRegression(String responseName, double[] y, List<String> names, List<double[]> columns,
            boolean intercept, double[] weights) {
        this.responseName = responseName;
        this.y = y;
        this.names = names;
        this.columns = columns;
        this.intercept = intercept;
        this.weights = weights;
    }

    private static LinearRegression start(String responseName, double[] y) {
        Objects.requireNonNull(responseName, "responseName");
        Objects.requireNonNull(y, "y");
        checkFinite(responseName, y);
        return new LinearRegression(responseName, y.clone(), List.of(), List.of(), true, null);
    }

    /**
     * Starts a regression of the response {@code y}, called "y".
     *
     * @param y the observed responses; not null, finite; copied
     * @return a new builder
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    public static LinearRegression of(double[] y) {
        return start("y", y);
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
        return start(responseName, y);
    }

    /**
     * Returns a copy with one more regressor column.
     *
     * @param name   unique, non-blank, not {@value RegressionResult#INTERCEPT}
     * @param values one per observation, finite; copied
     * @return a new regression with the column added; this one is unchanged
     * @throws IllegalArgumentException on a duplicate or blank name, a length other than the
     *                                  response's, or a NaN/infinite value
     */
    public LinearRegression regressor(String name, double[] values) {
        return regressors(new String[] {name}, new double[][] {values});
    }

    private void checkColumn(List<String> taken, String name, double[] values) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values of " + name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("regressor name must not be blank");
        }
        if (name.equals(RegressionResult.INTERCEPT)) {
            throw new IllegalArgumentException("regressor name '" + RegressionResult.INTERCEPT
                    + "' is reserved for the intercept; use withIntercept(true) instead");
        }
        if (taken.contains(name)) {
            throw new IllegalArgumentException("regressor " + name + " was already added");
        }
        if (values.length != y.length) {
            throw new IllegalArgumentException("regressor " + name + " has " + values.length
                    + " values but " + responseName + " has " + y.length);
        }
        checkFinite(name, values);
    }

    /**
     * Returns a copy with several more regressor columns, each checked as
     * {@link #regressor(String, double[])} does.
     *
     * @param names   one per column; not null
     * @param columns {@code columns[j]} is the column named {@code names[j]}; not null; copied
     * @return a new regression with the columns added; this one is unchanged
     * @throws IllegalArgumentException if the counts differ or a column is rejected
     */
    public LinearRegression regressors(String[] names, double[][] columns) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(columns, "columns");
        if (names.length != columns.length) {
            throw new IllegalArgumentException(names.length + " names given for " + columns.length + " columns");
        }
        List<String> moreNames = new ArrayList<>(this.names);
        List<double[]> moreColumns = new ArrayList<>(this.columns);
        for (int j = 0; j < names.length; j++) {
            checkColumn(moreNames, names[j], columns[j]);
            moreNames.add(names[j]);
            moreColumns.add(columns[j].clone());
        }
        return new LinearRegression(responseName, y, List.copyOf(moreNames), List.copyOf(moreColumns),
                intercept, weights);
    }

    /**
     * Returns a copy with the powers x, x<sup>2</sup>, ..., x<sup>degree</sup> of a column added, named
     * {@code name}, {@code name^2}, ... (see {@link Polynomial}).
     *
     * @param name   the name of the first power; the others get {@code ^2}, {@code ^3}, ...
     * @param x      one value per observation, finite
     * @param degree the highest power, at least 1
     * @return a new regression with the powers added; this one is unchanged
     * @throws IllegalArgumentException if degree &lt; 1 or a power is rejected (e.g. overflows)
     */
    public LinearRegression polynomial(String name, double[] x, int degree) {
        return regressors(Polynomial.names(name, degree), Polynomial.powers(x, degree));
    }

    /**
     * Returns a copy that fits an intercept (the default) or forces the fit through the origin.
     * Without an intercept R<sup>2</sup> is uncentered (1 - RSS / &Sigma;y<sup>2</sup>), as NIST certifies.
     *
     * @param intercept whether to fit an intercept
     * @return a new regression with this choice; this one is unchanged
     */
    public LinearRegression withIntercept(boolean intercept) {
        return new LinearRegression(responseName, y, names, columns, intercept, weights);
    }

    /**
     * Returns a copy forced through the origin; same as {@code withIntercept(false)}.
     *
     * @return a new regression without an intercept; this one is unchanged
     */
    public LinearRegression withoutIntercept() {
        return withIntercept(false);
    }

    /**
     * Returns a copy fitted by weighted least squares: minimise &Sigma; w<sub>i</sub> r<sub>i</sub><sup>2</sup>. Weights are
     * inverse variances up to a common factor. Pass null to go back to ordinary least squares.
     *
     * @param weights one per observation, each finite and &gt; 0; copied; or null
     * @return a new regression with these weights; this one is unchanged
     * @throws IllegalArgumentException on a wrong length or a weight that is not positive and finite
     */
    public LinearRegression weights(double[] weights) {
        if (weights == null) {
            return new LinearRegression(responseName, y, names, columns, intercept, null);
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
        return new LinearRegression(responseName, y, names, columns, intercept, weights.clone());
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
