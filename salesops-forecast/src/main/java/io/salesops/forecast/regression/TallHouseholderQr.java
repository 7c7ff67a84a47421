package io.salesops.forecast.regression;

/**
 * Householder QR of a tall n x p matrix, processed in row chunks that fit in cache
 * (sequential "tall-skinny" QR).
 *
 * <p>Plain Householder QR needs p passes over the whole matrix, each touching every column below
 * the diagonal; with 100,000 rows the columns live in main memory and the passes are memory-bound.
 * Here each chunk of rows is stacked under the R of the chunks before it, [R; chunk], and factored
 * with EJML's Householder kernel ({@link ColumnHouseholderQr}) while it is in cache; the matrix is read once.
 * The result is a Householder QR of [0<sub>p</sub>; X] (p virtual zero rows on top), as backward stable
 * as the one-pass version: R is the same up to signs of its rows, and P, the product of all
 * reflectors, satisfies P [0; X] = [R; 0].
 *
 * <p>Q is kept implicitly (the reflectors of every chunk), so Q<sup>T</sup> and Q can be applied to
 * residual vectors for iterative refinement. Not thread-safe; one instance per fit.
 */
final class TallHouseholderQr {

    /** Rows per chunk: 11 columns x (512 + 11) doubles is about 46 KB, within L1/L2. */
    static final int CHUNK = 512;

    private final int n;
    private final int p;
    private final int[] starts;
    private final double[][][] factors;
    private final double[][] gammas;
    /** R by columns: rColumns[j][i] = R(i, j) for i &lt;= j. */
    private final double[][] rColumns;

    /**
     * Factors the columns {@code x[j] * scale[j]} (the inputs are not modified).
     */
    TallHouseholderQr(double[][] x, double[] scale, int n) {
        this.n = n;
        this.p = x.length;
        int chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
        this.starts = new int[chunks + 1];
        this.factors = new double[chunks][][];
        this.gammas = new double[chunks][];
        this.rColumns = new double[p][p];
        ColumnHouseholderQr kernel = new ColumnHouseholderQr();
        for (int c = 0; c < chunks; c++) {
            int start = c * CHUNK;
            int len = Math.min(CHUNK, n - start);
            starts[c] = start;
            double[][] cols = new double[p][p + len];
            for (int j = 0; j < p; j++) {
                double[] col = cols[j];
                System.arraycopy(rColumns[j], 0, col, 0, j + 1);
                double s = scale[j];
                double[] src = x[j];
                for (int i = 0; i < len; i++) {
                    col[p + i] = src[start + i] * s;
                }
            }
            kernel.decomposeColumns(cols, p + len);
            factors[c] = cols;
            gammas[c] = kernel.getGammas();
            for (int j = 0; j < p; j++) {
                System.arraycopy(cols[j], 0, rColumns[j], 0, j + 1);
            }
        }
        starts[chunks] = n;
    }

    /** R(i, j) for i &lt;= j. */
    double r(int i, int j) {
        return rColumns[j][i];
    }

    /**
     * Applies P to [0; f]: returns the first p components (Q<sup>T</sup>f)<sub>1</sub> and leaves the
     * remaining n components (the part orthogonal to the columns) in {@code f}.
     */
    double[] applyQTranspose(double[] f) {
        double[] t = new double[p];
        double[] tmp = new double[p + CHUNK];
        for (int c = 0; c < factors.length; c++) {
            int start = starts[c];
            int len = starts[c + 1] - start;
            System.arraycopy(t, 0, tmp, 0, p);
            System.arraycopy(f, start, tmp, p, len);
            double[][] cols = factors[c];
            double[] g = gammas[c];
            for (int j = 0; j < p; j++) {
                reflect(cols[j], g[j], j, p + len, tmp);
            }
            System.arraycopy(tmp, 0, t, 0, p);
            System.arraycopy(tmp, p, f, start, len);
        }
        return t;
    }

    /**
     * Applies P<sup>T</sup> to [t; f] and keeps the last n components in {@code f}; for a vector
     * [h; f<sub>2</sub>] from {@link #applyQTranspose} this is Q [h; f<sub>2</sub>] (the p virtual
     * components come back zero in exact arithmetic and are dropped).
     */
    void applyQ(double[] t, double[] f) {
        double[] slots = t.clone();
        double[] tmp = new double[p + CHUNK];
        for (int c = factors.length - 1; c >= 0; c--) {
            int start = starts[c];
            int len = starts[c + 1] - start;
            System.arraycopy(slots, 0, tmp, 0, p);
            System.arraycopy(f, start, tmp, p, len);
            double[][] cols = factors[c];
            double[] g = gammas[c];
            for (int j = p - 1; j >= 0; j--) {
                reflect(cols[j], g[j], j, p + len, tmp);
            }
            System.arraycopy(tmp, 0, slots, 0, p);
            System.arraycopy(tmp, p, f, start, len);
        }
    }

    private static void reflect(double[] u, double gamma, int j, int rows, double[] b) {
        if (gamma == 0.0) {
            return;
        }
        double val = (b[j] + ColumnHouseholderQr.dot(u, b, j + 1, rows)) * gamma;
        b[j] -= val;
        for (int i = j + 1; i < rows; i++) {
            b[i] -= u[i] * val;
        }
    }
}
