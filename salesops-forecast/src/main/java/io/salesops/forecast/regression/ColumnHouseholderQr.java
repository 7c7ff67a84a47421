package io.salesops.forecast.regression;

import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;

/**
 * EJML's column-major Householder QR, fed with column arrays directly and tuned for tall columns.
 *
 * <p>EJML's {@code decompose(DMatrixRMaj)} first copies a row-major matrix into column arrays; our
 * chunks already are column arrays ({@link TallHouseholderQr}), so this subclass hands them over
 * without copying, and replaces the two inner steps with versions that avoid divisions and
 * latency-bound single-accumulator sums. The storage layout, and so EJML's own {@code getQ}/{@code getR},
 * stay valid. Not thread-safe; reusable for one matrix after another.
 */
final class ColumnHouseholderQr extends QRDecompositionHouseholderColumn_DDRM {

    /**
     * Factors the given columns in place: afterwards column j holds R(0..j, j) above and on the
     * diagonal and the Householder vector (implicit leading 1) below it.
     */
    void decomposeColumns(double[][] columns, int rows) {
        this.numCols = columns.length;
        this.numRows = rows;
        this.minLength = Math.min(rows, numCols);
        this.dataQR = columns;
        this.gammas = new double[numCols];
        this.v = new double[Math.max(rows, numCols)];
        this.error = false;
        for (int j = 0; j < minLength; j++) {
            householder(j);
            updateA(j);
        }
    }

    /**
     * EJML's reflector, computed with one pass for the norm and a multiplication by the reciprocal
     * instead of EJML's rescaling by the column maximum and per-element division (three passes, two
     * divisions per element). Our columns are equilibrated to unit norm, so squares cannot overflow;
     * where they could underflow we fall back to EJML's scaled version.
     */
    @Override
    protected void householder(int j) {
        final double[] u = dataQR[j];
        final int n = numRows;
        double x0 = u[j];
        double ss = dot(u, u, j + 1, n);
        double sq = x0 * x0 + ss;
        if (!(sq > 1e-280 && sq < 1e280)) {
            super.householder(j);
            return;
        }
        double norm = Math.sqrt(sq);
        double t = x0 < 0 ? -norm : norm;
        double u0 = x0 + t;
        double inv = 1.0 / u0;
        for (int i = j + 1; i < n; i++) {
            u[i] *= inv;
        }
        gamma = u0 / t;
        tau = t;
        u[j] = -t;
        gammas[j] = gamma;
    }

    /**
     * EJML's update, restructured for tall matrices: the reflector is applied to four columns per
     * pass, so u is read once per four columns and the four dot products form independent chains
     * (a single floating-point sum is latency-bound, the JIT may not reorder it). Same arithmetic
     * per column otherwise; this is the hot loop of a fit.
     */
    @Override
    protected void updateA(int w) {
        final double[] u = dataQR[w];
        final double g = gamma;
        final int n = numRows;
        int j = w + 1;
        for (; j + 3 < numCols; j += 4) {
            final double[] c0 = dataQR[j];
            final double[] c1 = dataQR[j + 1];
            final double[] c2 = dataQR[j + 2];
            final double[] c3 = dataQR[j + 3];
            double s0 = c0[w];
            double s1 = c1[w];
            double s2 = c2[w];
            double s3 = c3[w];
            double t0 = 0.0;
            double t1 = 0.0;
            double t2 = 0.0;
            double t3 = 0.0;
            int k = w + 1;
            for (; k + 1 < n; k += 2) {
                double uk = u[k];
                double ul = u[k + 1];
                s0 += uk * c0[k];
                s1 += uk * c1[k];
                s2 += uk * c2[k];
                s3 += uk * c3[k];
                t0 += ul * c0[k + 1];
                t1 += ul * c1[k + 1];
                t2 += ul * c2[k + 1];
                t3 += ul * c3[k + 1];
            }
            if (k < n) {
                double uk = u[k];
                s0 += uk * c0[k];
                s1 += uk * c1[k];
                s2 += uk * c2[k];
                s3 += uk * c3[k];
            }
            s0 += t0;
            s1 += t1;
            s2 += t2;
            s3 += t3;
            s0 *= g;
            s1 *= g;
            s2 *= g;
            s3 *= g;
            c0[w] -= s0;
            c1[w] -= s1;
            c2[w] -= s2;
            c3[w] -= s3;
            for (k = w + 1; k < n; k++) {
                double uk = u[k];
                c0[k] -= uk * s0;
                c1[k] -= uk * s1;
                c2[k] -= uk * s2;
                c3[k] -= uk * s3;
            }
        }
        for (; j < numCols; j++) {
            final double[] col = dataQR[j];
            double val = (col[w] + dot(u, col, w + 1, n)) * g;
            col[w] -= val;
            for (int i = w + 1; i < n; i++) {
                col[i] -= u[i] * val;
            }
        }
    }

    /** u[from..to) . v[from..to) with four independent partial sums. */
    static double dot(double[] u, double[] v, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += u[i] * v[i];
            s1 += u[i + 1] * v[i + 1];
            s2 += u[i + 2] * v[i + 2];
            s3 += u[i + 3] * v[i + 3];
        }
        for (; i < to; i++) {
            s0 += u[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
