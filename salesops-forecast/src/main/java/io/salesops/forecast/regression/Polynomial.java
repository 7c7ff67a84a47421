package io.salesops.forecast.regression;

import java.util.Objects;

/**
 * Expands one column into its powers x, x<sup>2</sup>, ..., x<sup>degree</sup> for polynomial
 * regression, with the names {@code x}, {@code x^2}, ... used by {@link LinearRegression#polynomial}.
 *
 * <p>Powers are built by repeated multiplication in double precision, which is what the NIST
 * certified polynomial problems (Filip, Wampler1-5) expect. Stateless and thread-safe.
 */
public final class Polynomial {

    private Polynomial() {
    }

    /**
     * The powers 1..degree of x, as columns: {@code result[k - 1][i] = x[i]^k}.
     *
     * @param x      the values; not null, not modified
     * @param degree at least 1
     * @return a new array of {@code degree} columns
     * @throws IllegalArgumentException if degree &lt; 1
     * @throws NullPointerException     if x is null
     */
    public static double[][] powers(double[] x, int degree) {
        Objects.requireNonNull(x, "x");
        checkDegree(degree);
        double[][] columns = new double[degree][];
        columns[0] = x.clone();
        for (int k = 1; k < degree; k++) {
            double[] previous = columns[k - 1];
            double[] next = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                next[i] = previous[i] * x[i];
            }
            columns[k] = next;
        }
        return columns;
    }

    /**
     * The names of the powers of a column: {@code name, name^2, ..., name^degree}.
     *
     * @param name   the column's name; not null
     * @param degree at least 1
     * @return a new array of {@code degree} names
     * @throws IllegalArgumentException if degree &lt; 1
     * @throws NullPointerException     if name is null
     */
    public static String[] names(String name, int degree) {
        Objects.requireNonNull(name, "name");
        checkDegree(degree);
        String[] names = new String[degree];
        names[0] = name;
        for (int k = 2; k <= degree; k++) {
            names[k - 1] = name + "^" + k;
        }
        return names;
    }

    private static void checkDegree(int degree) {
        if (degree < 1) {
            throw new IllegalArgumentException("polynomial degree " + degree + " must be at least 1");
        }
    }
}
