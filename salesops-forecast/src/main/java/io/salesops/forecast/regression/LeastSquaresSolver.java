package io.salesops.forecast.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * The numerical core: least squares by Householder QR with exact column equilibration and
 * iterative refinement in double-double arithmetic.
 *
 * <p>Why each step:
 * <ul>
 *   <li>Columns are scaled by powers of two to unit norm. The scaling is exact, so it changes
 *       nothing but the conditioning that QR and the rank test see (Filip's powers of x span
 *       15 orders of magnitude unscaled).</li>
 *   <li>Rank is judged from |R(j,j)| of the equilibrated matrix: the distance of column j, of unit
 *       length, from the span of the earlier columns.</li>
 *   <li>Plain Householder QR loses about cond<sup>2</sup>&middot;eps when the residual is large
 *       (Wampler5). Bj&ouml;rck's refinement of the augmented system [I X; X<sup>T</sup> 0] reuses the
 *       same factors and, with residuals computed in double-double, converges to the least-squares
 *       solution to working precision whenever cond&middot;eps &lt; 1.</li>
 *   <li>(X<sup>T</sup>X)<sup>-1</sup> comes from R<sup>-1</sup>R<sup>-T</sup>; when the condition
 *       estimate is large each of its columns is refined with the same R, the residual
 *       e<sub>j</sub> - (X<sup>T</sup>X)c evaluated with X<sup>T</sup>X accumulated in double-double.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class LeastSquaresSolver {

    /**
     * Relative size of |R(j,j)| below which column j counts as a linear combination of the earlier
     * ones. Exact dependence leaves a few ulps (~1e-16); Filip, the most ill-conditioned certified
     * problem, keeps 5e-8 after equilibration, so it is solved, not rejected.
     */
    static final double RANK_TOLERANCE = 1e-12;

    /** Condition estimate above which the covariance gets refinement. */
    private static final double REFINE_COVARIANCE_ABOVE = 1e4;

    private static final int MAX_REFINEMENTS = 12;
    private static final double EPS = Math.ulp(1.0);

    private LeastSquaresSolver() {
    }

    /** What a solve produces, in the units of the given columns. */
    record Solution(double[] beta, double[] residuals, double residualSumOfSquares,
                    double[][] covariance, double conditionEstimate, int refinementSteps) {
    }

    /**
     * Solves min ||y - X b|| for the columns {@code x} (each of length y.length, not modified).
     *
     * @throws RankDeficientException when a column is (numerically) a combination of earlier ones
     */
    static Solution solve(double[][] x, double[] y, List<String> names) {
        final int n = y.length;
        final int p = x.length;
        double[] scale = new double[p];
        double[] scaledNorms = new double[p];
        for (int j = 0; j < p; j++) {
            double norm = Math.sqrt(dot(x[j], x[j]));
            if (norm == 0.0) {
                throw new RankDeficientException(names.get(j), List.of(),
                        "column " + names.get(j) + " is all zeros, so its coefficient is not identifiable");
            }
            scale[j] = Math.scalb(1.0, -Math.getExponent(norm));
            scaledNorms[j] = norm * scale[j];
        }

        TallHouseholderQr qr = new TallHouseholderQr(x, scale, n);
        checkRank(qr, scaledNorms, scale, names);

        double[][] rInv = invertUpper(qr, p);
        double cond = frobenius(qr, p) * frobeniusUpper(rInv);

        // Step 0, the plain QR solve, in the scaled space z = D^-1 b.
        double[] f = y.clone();
        double[] z = backSubstitute(qr, qr.applyQTranspose(f), p);
        double[] b = new double[p];
        unscale(z, scale, b);

        // Bjorck's iteration on the augmented system [I Xs; Xs^T 0][r; z] = [y; 0]. Its start
        // r = fl(y - X b) and the first f = y - r - X b (the rounding of r) come from one
        // double-double pass.
        double[] r = new double[n];
        residual(x, b, y, null, r, f);
        double[] g = new double[p];
        int steps = 0;
        while (true) {
            // g = -Xs^T r is the residual of the second block equation.
            transposeTimes(x, r, g);
            for (int j = 0; j < p; j++) {
                g[j] = -g[j] * scale[j];
            }
            double[] h1 = forwardSubstituteTranspose(qr, g, p);
            double[] f1 = qr.applyQTranspose(f);
            double[] rhs = new double[p];
            for (int j = 0; j < p; j++) {
                rhs[j] = f1[j] - h1[j];
            }
            double[] dz = backSubstitute(qr, rhs, p);
            // Componentwise relative change (NIST scores every coefficient on its own digits), but
            // a coefficient that is zero up to rounding is measured against the largest one.
            double largest = 0.0;
            for (int j = 0; j < p; j++) {
                z[j] += dz[j];
                largest = Math.max(largest, Math.abs(z[j]));
            }
            double change = 0.0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(dz[j]) / Math.max(Math.abs(z[j]), Math.max(EPS * largest, Double.MIN_NORMAL)));
            }
            unscale(z, scale, b);
            steps++;
            // The iteration contracts by about cond*eps per step, so the next correction would be
            // about change*cond*eps: stop once that is below the last bit.
            if (change <= 2 * EPS || change * cond * 16 <= 1.0 || steps == MAX_REFINEMENTS) {
                break;
            }
            // dr = Q [h1; f2], then the next f = y - r - X b.
            qr.applyQ(h1, f);
            for (int i = 0; i < n; i++) {
                r[i] += f[i];
            }
            residual(x, b, y, r, f, null);
        }

        double[] e = new double[n];
        residual(x, b, y, null, e, null);
        double rss = dot2(e, e);

        double[][] cov = covariance(x, scale, qr, rInv, cond, n, p);
        return new Solution(b, e, rss, cov, cond, steps);
    }

    private static void unscale(double[] z, double[] scale, double[] b) {
        for (int j = 0; j < z.length; j++) {
            b[j] = z[j] * scale[j];
        }
    }

    private static void checkRank(TallHouseholderQr qr, double[] scaledNorms, double[] scale,
                                  List<String> names) {
        int p = scaledNorms.length;
        for (int j = 0; j < p; j++) {
            double ratio = Math.abs(qr.r(j, j)) / scaledNorms[j];
            if (!(ratio >= RANK_TOLERANCE)) {
                // Express column j through the earlier ones: R11 c = R(0..j-1, j).
                double[] c = new double[j];
                for (int i = j - 1; i >= 0; i--) {
                    double s = qr.r(i, j);
                    for (int k = i + 1; k < j; k++) {
                        s -= qr.r(i, k) * c[k];
                    }
                    c[i] = s / qr.r(i, i);
                }
                double largest = 0.0;
                double[] coef = new double[j];
                for (int i = 0; i < j; i++) {
                    coef[i] = c[i] * scale[i] / scale[j];
                    largest = Math.max(largest, Math.abs(c[i]));
                }
                List<String> partners = new ArrayList<>();
                StringBuilder combination = new StringBuilder();
                for (int i = 0; i < j; i++) {
                    if (Math.abs(c[i]) > 1e-6 * largest) {
                        partners.add(names.get(i));
                        if (combination.length() > 0) {
                            combination.append(coef[i] < 0 ? " - " : " + ");
                        } else if (coef[i] < 0) {
                            combination.append("-");
                        }
                        combination.append(String.format(java.util.Locale.ROOT, "%.6g*%s",
                                Math.abs(coef[i]), names.get(i)));
                    }
                }
                String name = names.get(j);
                String message = partners.isEmpty()
                        ? "column " + name + " is numerically zero"
                        : "column " + name + " is a linear combination of " + String.join(", ", partners)
                          + " (" + name + " ~ " + combination + "; relative |R(j,j)| "
                          + String.format(java.util.Locale.ROOT, "%.2e", ratio)
                          + " is below the tolerance " + RANK_TOLERANCE + "): drop one of them";
                throw new RankDeficientException(name, partners, message);
            }
        }
    }

    private static double[] backSubstitute(TallHouseholderQr qr, double[] rhs, int p) {
        double[] z = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = rhs[i];
            for (int k = i + 1; k < p; k++) {
                s -= qr.r(i, k) * z[k];
            }
            z[i] = s / qr.r(i, i);
        }
        return z;
    }

    /** Solves R<sup>T</sup> h = g. */
    private static double[] forwardSubstituteTranspose(TallHouseholderQr qr, double[] g, int p) {
        double[] h = new double[p];
        for (int i = 0; i < p; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= qr.r(k, i) * h[k];
            }
            h[i] = s / qr.r(i, i);
        }
        return h;
    }

    private static double[][] invertUpper(TallHouseholderQr qr, int p) {
        double[][] inv = new double[p][p];
        for (int col = 0; col < p; col++) {
            inv[col][col] = 1.0 / qr.r(col, col);
            for (int i = col - 1; i >= 0; i--) {
                double s = 0.0;
                for (int k = i + 1; k <= col; k++) {
                    s += qr.r(i, k) * inv[k][col];
                }
                inv[i][col] = -s / qr.r(i, i);
            }
        }
        return inv;
    }

    private static double frobenius(TallHouseholderQr qr, int p) {
        double s = 0.0;
        for (int j = 0; j < p; j++) {
            for (int i = 0; i <= j; i++) {
                s += qr.r(i, j) * qr.r(i, j);
            }
        }
        return Math.sqrt(s);
    }

    private static double frobeniusUpper(double[][] m) {
        double s = 0.0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** (X<sup>T</sup>X)<sup>-1</sup> in the units of x. */
    private static double[][] covariance(double[][] x, double[] scale, TallHouseholderQr qr, double[][] rInv, double cond, int n, int p) {
        double[][] cs = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double s = 0.0;
                for (int k = j; k < p; k++) {
                    s += rInv[i][k] * rInv[j][k];
                }
                cs[i][j] = s;
                cs[j][i] = s;
            }
        }
        if (cond > REFINE_COVARIANCE_ABOVE) {
            refineInverse(x, scale, qr, cs, n, p);
        }
        double[][] c = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i][j] = cs[i][j] * scale[i] * scale[j];
            }
        }
        return c;
    }

    /**
     * Refines each column c of (Xs<sup>T</sup>Xs)<sup>-1</sup> by c += R<sup>-1</sup>R<sup>-T</sup>(e - A c), with
     * A = Xs<sup>T</sup>Xs held as an unevaluated sum hi + lo and the residual e - A c evaluated in
     * double-double. A Newton step on the inverse itself would not do: cond(A) can exceed 1/eps
     * (Filip), whereas this iteration contracts by about cond(Xs)&middot;eps per step.
     */
    private static void refineInverse(double[][] x, double[] scale, TallHouseholderQr qr, double[][] c, int n, int p) {
        double[][] hi = new double[p][p];
        double[][] lo = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double[] dd = dotDD(x[i], x[j]);
                double s = scale[i] * scale[j];
                hi[i][j] = hi[j][i] = dd[0] * s;
                lo[i][j] = lo[j][i] = dd[1] * s;
            }
        }
        double[] col = new double[p];
        double[] res = new double[p];
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                col[k] = c[k][j];
            }
            for (int iter = 0; iter < 4; iter++) {
                for (int i = 0; i < p; i++) {
                    double sh = i == j ? 1.0 : 0.0;
                    double sl = 0.0;
                    for (int k = 0; k < p; k++) {
                        double prod = -hi[i][k] * col[k];
                        double perr = Math.fma(-hi[i][k], col[k], -prod);
                        double s = sh + prod;
                        double bb = s - sh;
                        sl += (sh - (s - bb)) + (prod - bb) + perr - lo[i][k] * col[k];
                        sh = s;
                    }
                    res[i] = sh + sl;
                }
                double[] d = backSubstitute(qr, forwardSubstituteTranspose(qr, res, p), p);
                double change = 0.0;
                for (int k = 0; k < p; k++) {
                    col[k] += d[k];
                    change = Math.max(change, Math.abs(d[k]) / Math.max(Math.abs(col[k]), Double.MIN_NORMAL));
                }
                if (change <= 2 * EPS) {
                    break;
                }
            }
            for (int k = 0; k < p; k++) {
                c[k][j] = col[k];
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = i + 1; j < p; j++) {
                double v = 0.5 * (c[i][j] + c[j][i]);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
    }

    /**
     * out = y - r - X b for every row (r may be null), each row summed in double-double and rounded
     * once, so that residuals far smaller than y keep their digits; if {@code rounding} is not null
     * it receives what that last rounding lost.
     */
    static void residual(double[][] x, double[] b, double[] y, double[] r, double[] out, double[] rounding) {
        final int n = y.length;
        final int p = b.length;
        // Column by column over arrays of (hi, lo) pairs: every row is independent, so the loops
        // vectorise, where a row-by-row sum would be one long chain of dependent additions.
        double[] lo = new double[n];
        if (r == null) {
            System.arraycopy(y, 0, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                double hi = y[i];
                double s = hi - r[i];
                double bb = s - hi;
                lo[i] = (hi - (s - bb)) + (-r[i] - bb);
                out[i] = s;
            }
        }
        for (int j = 0; j < p; j++) {
            final double[] col = x[j];
            final double nb = -b[j];
            for (int i = 0; i < n; i++) {
                double hi = out[i];
                double prod = col[i] * nb;
                double perr = Math.fma(col[i], nb, -prod);
                double s = hi + prod;
                double bb = s - hi;
                lo[i] += (hi - (s - bb)) + (prod - bb) + perr;
                out[i] = s;
            }
        }
        if (rounding == null) {
            for (int i = 0; i < n; i++) {
                out[i] += lo[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double hi = out[i];
                double rounded = hi + lo[i];
                out[i] = rounded;
                rounding[i] = lo[i] - (rounded - hi);
            }
        }
    }

    /**
     * out[j] = x[j] . r for every column, each a compensated (Dot2) sum; one pass over the rows
     * with a chain per column, so the chains overlap.
     */
    static void transposeTimes(double[][] x, double[] r, double[] out) {
        final int p = x.length;
        final int n = r.length;
        double[] sum = new double[p];
        double[] comp = new double[p];
        final int block = 512;
        for (int start = 0; start < n; start += block) {
            int end = Math.min(n, start + block);
            for (int j = 0; j < p; j++) {
                final double[] col = x[j];
                double s = sum[j];
                double c = comp[j];
                for (int i = start; i < end; i++) {
                    double prod = col[i] * r[i];
                    double perr = Math.fma(col[i], r[i], -prod);
                    double t = s + prod;
                    double bb = t - s;
                    c += (s - (t - bb)) + (prod - bb) + perr;
                    s = t;
                }
                sum[j] = s;
                comp[j] = c;
            }
        }
        for (int j = 0; j < p; j++) {
            out[j] = sum[j] + comp[j];
        }
    }

    /** Plain dot product; used where rounding does not matter (norms). */
    static double dot(double[] u, double[] v) {
        return ColumnHouseholderQr.dot(u, v, 0, u.length);
    }

    /** Compensated dot product (Ogita, Rump and Oishi's Dot2): as if computed in twice the precision. */
    static double dot2(double[] u, double[] v) {
        double[] dd = dotDD(u, v);
        return dd[0] + dd[1];
    }

    private static double[] dotDD(double[] u, double[] v) {
        // Two interleaved Dot2 chains halve the latency of the dependent additions.
        double s0 = 0.0;
        double c0 = 0.0;
        double s1 = 0.0;
        double c1 = 0.0;
        int n = u.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double p0 = u[i] * v[i];
            double e0 = Math.fma(u[i], v[i], -p0);
            double t0 = s0 + p0;
            double b0 = t0 - s0;
            c0 += (s0 - (t0 - b0)) + (p0 - b0) + e0;
            s0 = t0;
            double p1 = u[i + 1] * v[i + 1];
            double e1 = Math.fma(u[i + 1], v[i + 1], -p1);
            double t1 = s1 + p1;
            double b1 = t1 - s1;
            c1 += (s1 - (t1 - b1)) + (p1 - b1) + e1;
            s1 = t1;
        }
        if (i < n) {
            double p0 = u[i] * v[i];
            double e0 = Math.fma(u[i], v[i], -p0);
            double t0 = s0 + p0;
            double b0 = t0 - s0;
            c0 += (s0 - (t0 - b0)) + (p0 - b0) + e0;
            s0 = t0;
        }
        double s = s0 + s1;
        double bb = s - s0;
        double c = c0 + c1 + ((s0 - (s - bb)) + (s1 - bb));
        double hi = s + c;
        double lo = c - (hi - s);
        return new double[] {hi, lo};
    }
}
