package io.salesops.forecast.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of least squares that hold for any full-rank design. Designs are drawn from a seeded
 * generator (jqwik shrinks the seed, size and shape) so that they are full rank with probability one.
 */
class OlsProperties {

    private static double[][] columns(Random rnd, int p, int n) {
        double[][] x = new double[p][n];
        for (int j = 0; j < p; j++) {
            double scale = Math.pow(10, rnd.nextInt(7) - 3);
            for (int i = 0; i < n; i++) {
                x[j][i] = scale * (rnd.nextGaussian() + j);
            }
        }
        return x;
    }

    private static double[] noisyResponse(Random rnd, double[][] x) {
        double[] y = new double[x[0].length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 5 * rnd.nextGaussian();
            for (double[] col : x) {
                y[i] += rnd.nextDouble() * col[i];
            }
        }
        return y;
    }

    private static String[] names(int p) {
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "x" + (j + 1);
        }
        return names;
    }

    @Property(tries = 100)
    void residuals_areOrthogonalToEveryColumn(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int p,
                                              @ForAll @IntRange(min = 8, max = 60) int n) {
        Random rnd = new Random(seed);
        double[][] x = columns(rnd, p, n);
        double[] y = noisyResponse(rnd, x);

        RegressionResult fit = LinearRegression.of(y).regressors(names(p), x).fit();
        double[] r = fit.residuals();

        double rNorm = Math.sqrt(LeastSquaresSolver.dot(r, r));
        double ones = 0.0;
        for (double v : r) {
            ones += v;
        }
        assertThat(Math.abs(ones)).isLessThanOrEqualTo(1e-12 * Math.sqrt(n) * Math.max(rNorm, 1e-300));
        for (double[] col : x) {
            double xr = Math.abs(LeastSquaresSolver.dot2(col, r));
            double xNorm = Math.sqrt(LeastSquaresSolver.dot(col, col));
            assertThat(xr).isLessThanOrEqualTo(1e-12 * xNorm * Math.max(rNorm, 1e-300));
        }
    }

    @Property(tries = 100)
    void exactLinearData_recoversTheCoefficients(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int p,
                                                 @ForAll @IntRange(min = 8, max = 60) int n) {
        Random rnd = new Random(seed);
        // Integers times powers of two, so that y = X b is exact in double: the least-squares
        // solution is then exactly b, and any deviation is the solver's.
        double[][] x = new double[p][n];
        for (int j = 0; j < p; j++) {
            double scale = Math.scalb(1.0, rnd.nextInt(21) - 10);
            for (int i = 0; i < n; i++) {
                x[j][i] = scale * (rnd.nextInt(2001) - 1000 + 300 * j);
            }
        }
        double[] b = new double[p + 1];
        for (int j = 0; j <= p; j++) {
            b[j] = rnd.nextInt(2001) - 1000;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = b[0];
            for (int j = 0; j < p; j++) {
                y[i] += b[j + 1] * x[j][i];
            }
        }

        double[] estimate = LinearRegression.of(y).regressors(names(p), x).fit().coefficients();

        for (int j = 0; j <= p; j++) {
            assertThat(estimate[j]).isCloseTo(b[j], org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(b[j]))));
        }
    }

    @Property(tries = 100)
    void addingAConstantToY_changesOnlyTheIntercept(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int p,
                                                    @ForAll @IntRange(min = 8, max = 40) int n,
                                                    @ForAll @IntRange(min = -1000, max = 1000) int shift) {
        Random rnd = new Random(seed);
        double[][] x = columns(rnd, p, n);
        double[] y = noisyResponse(rnd, x);
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) {
            shifted[i] = y[i] + shift;
        }

        RegressionResult a = LinearRegression.of(y).regressors(names(p), x).fit();
        RegressionResult b = LinearRegression.of(shifted).regressors(names(p), x).fit();

        double[] ca = a.coefficients();
        double[] cb = b.coefficients();
        double tolerance = 1e-9 * (1 + Math.abs(shift) + Math.abs(ca[0]));
        assertThat(cb[0] - ca[0]).isCloseTo(shift, org.assertj.core.api.Assertions.within(tolerance));
        for (int j = 1; j <= p; j++) {
            assertThat(cb[j]).isCloseTo(ca[j], org.assertj.core.api.Assertions.within(1e-9 * (Math.abs(ca[j]) + a.standardErrors()[j])));
        }
        assertThat(b.residualSumOfSquares()).isCloseTo(a.residualSumOfSquares(),
                org.assertj.core.api.Assertions.within(1e-9 * a.residualSumOfSquares() + 1e-300));
    }

    @Property(tries = 100)
    void permutingRows_doesNotChangeTheFit(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int p,
                                           @ForAll @IntRange(min = 8, max = 60) int n) {
        Random rnd = new Random(seed);
        double[][] x = columns(rnd, p, n);
        double[] y = noisyResponse(rnd, x);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int k = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        double[][] xp = new double[p][n];
        double[] yp = new double[n];
        for (int i = 0; i < n; i++) {
            yp[i] = y[perm[i]];
            for (int j = 0; j < p; j++) {
                xp[j][i] = x[j][perm[i]];
            }
        }

        RegressionResult a = LinearRegression.of(y).regressors(names(p), x).fit();
        RegressionResult b = LinearRegression.of(yp).regressors(names(p), xp).fit();

        double[] ca = a.coefficients();
        double[] cb = b.coefficients();
        double[] se = a.standardErrors();
        for (int j = 0; j <= p; j++) {
            // Refinement makes the answer (nearly) the correctly rounded solution, whatever the row order.
            assertThat(cb[j]).isCloseTo(ca[j], org.assertj.core.api.Assertions.within(1e-12 * (Math.abs(ca[j]) + se[j])));
            assertThat(b.standardErrors()[j]).isCloseTo(se[j], org.assertj.core.api.Assertions.within(1e-10 * se[j]));
        }
    }

    @Property(tries = 50)
    void predictionInterval_alwaysContainsTheConfidenceInterval(@ForAll long seed,
                                                                @ForAll @IntRange(min = 1, max = 4) int p,
                                                                @ForAll @IntRange(min = 8, max = 40) int n,
                                                                @ForAll @IntRange(min = 50, max = 99) int percent) {
        Random rnd = new Random(seed);
        double[][] x = columns(rnd, p, n);
        double[] y = noisyResponse(rnd, x);
        RegressionResult fit = LinearRegression.of(y).regressors(names(p), x).fit();
        double[] x0 = new double[p];
        for (int j = 0; j < p; j++) {
            x0[j] = x[j][rnd.nextInt(n)];
        }

        // The Prediction record itself rejects bounds that do not nest; also check the widths.
        Prediction at = fit.predict(x0, percent);
        assertThat(at.predictionHigh() - at.predictionLow()).isGreaterThan(at.confidenceHigh() - at.confidenceLow());
    }
}
