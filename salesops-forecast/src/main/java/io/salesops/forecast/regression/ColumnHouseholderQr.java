package io.salesops.forecast.regression;

import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;

/**
 * EJML's column-major Householder QR, fed with columns directly.
 *
 * <p>EJML's {@code decompose(DMatrixRMaj)} first copies a row-major matrix into column arrays; our
 * regressors already are column arrays, so this subclass hands them over without the two copies
 * (100,000 x 10 doubles each). It also exposes the Householder vectors so that least squares can
 * apply Q and Q<sup>T</sup> to residual vectors during iterative refinement. Not thread-safe; one
 * instance per fit.
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
     * Same arithmetic as EJML's, but the dot product and the update of a column share one loop
     * bound and local variables so that the JIT keeps them tight; it is the hot loop of a fit.
     */
    @Override
    protected void updateA(int w) {
        final double[] u = dataQR[w];
        final double g = gamma;
        final int n = numRows;
        for (int j = w + 1; j < numCols; j++) {
            final double[] col = dataQR[j];
            double val = col[w];
            for (int k = w + 1; k < n; k++) {
                val += u[k] * col[k];
            }
            val *= g;
            col[w] -= val;
            for (int i = w + 1; i < n; i++) {
                col[i] -= u[i] * val;
            }
        }
    }

    int columns() {
        return numCols;
    }

    /** R(i, j) for i <= j. */
    double r(int i, int j) {
        return dataQR[j][i];
    }

    /** Overwrites {@code b} (length rows) with Q<sup>T</sup> b. */
    void applyQTranspose(double[] b) {
        for (int j = 0; j < numCols; j++) {
            reflect(j, b);
        }
    }

    /** Overwrites {@code b} (length rows) with Q b. */
    void applyQ(double[] b) {
        for (int j = numCols - 1; j >= 0; j--) {
            reflect(j, b);
        }
    }

    private void reflect(int j, double[] b) {
        final double[] u = dataQR[j];
        final int n = numRows;
        double val = b[j];
        for (int i = j + 1; i < n; i++) {
            val += u[i] * b[i];
        }
        val *= gammas[j];
        b[j] -= val;
        for (int i = j + 1; i < n; i++) {
            b[i] -= u[i] * val;
        }
    }
}
