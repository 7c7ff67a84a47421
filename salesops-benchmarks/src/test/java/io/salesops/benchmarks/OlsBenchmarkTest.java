package io.salesops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.forecast.regression.RegressionResult;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: on its 100,000 x 10 data both libraries reach the same
 * coefficients, standard errors and R², and salesops' residuals are at least as orthogonal to
 * the columns (the defining property of the least-squares solution).
 */
class OlsBenchmarkTest {

    @Test
    void fitSalesops_onBenchmarkData_agreesWithCommonsMathAndIsAtLeastAsAccurate() {
        OlsBenchmark bench = new OlsBenchmark();
        bench.setUp();

        RegressionResult ours = bench.fitSalesops();
        OLSMultipleLinearRegression commons = new OLSMultipleLinearRegression();
        commons.newSampleData(bench.y, bench.rows);
        double[] theirs = commons.estimateRegressionParameters();
        double[] theirSe = commons.estimateRegressionParametersStandardErrors();

        double[] b = ours.coefficients();
        double[] se = ours.standardErrors();
        double worstCoef = 0;
        double worstSe = 0;
        for (int j = 0; j < b.length; j++) {
            worstCoef = Math.max(worstCoef, Math.abs(b[j] - theirs[j]) / Math.abs(theirs[j]));
            worstSe = Math.max(worstSe, Math.abs(se[j] - theirSe[j]) / theirSe[j]);
        }
        double ourOrthogonality = orthogonality(bench, b);
        double theirOrthogonality = orthogonality(bench, theirs);
        System.out.printf("OlsBenchmark data: max relative difference coef %.1e, se %.1e, R2 %.1e; "
                        + "max |x_j.r|/(|x_j||r|) salesops %.1e, Commons Math %.1e%n",
                worstCoef, worstSe, Math.abs(ours.rSquared() - commons.calculateRSquared()),
                ourOrthogonality, theirOrthogonality);

        assertThat(worstCoef).isLessThan(1e-10);
        assertThat(worstSe).isLessThan(1e-10);
        assertThat(ours.rSquared()).isCloseTo(commons.calculateRSquared(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ourOrthogonality).isLessThanOrEqualTo(Math.max(theirOrthogonality, 1e-15));
    }

    /** max over columns of |x_j . r| / (|x_j| |r|), with r = y - X b in double-double and the dots compensated. */
    private static double orthogonality(OlsBenchmark bench, double[] b) {
        int n = bench.y.length;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double hi = bench.y[i] - b[0];
            double lo = (bench.y[i] - hi) - b[0];
            for (int j = 0; j < bench.columns.length; j++) {
                double prod = -bench.columns[j][i] * b[j + 1];
                double err = Math.fma(-bench.columns[j][i], b[j + 1], -prod);
                double s = hi + prod;
                double bb = s - hi;
                lo += (hi - (s - bb)) + (prod - bb) + err;
                hi = s;
            }
            r[i] = hi + lo;
        }
        double rr = Math.sqrt(compensatedDot(r, r));
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double worst = Math.abs(compensatedDot(ones, r)) / (Math.sqrt(n) * rr);
        for (double[] col : bench.columns) {
            worst = Math.max(worst, Math.abs(compensatedDot(col, r)) / (Math.sqrt(compensatedDot(col, col)) * rr));
        }
        return worst;
    }

    private static double compensatedDot(double[] u, double[] v) {
        double s = 0;
        double c = 0;
        for (int i = 0; i < u.length; i++) {
            double p = u[i] * v[i];
            double e = Math.fma(u[i], v[i], -p);
            double t = s + p;
            double bb = t - s;
            c += (s - (t - bb)) + (p - bb) + e;
            s = t;
        }
        return s + c;
    }
}
