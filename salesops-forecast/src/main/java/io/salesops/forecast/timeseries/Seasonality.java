package io.salesops.forecast.timeseries;

/**
 * Classical decomposition (centred moving average, as R's {@code decompose}) and the 90% autocorrelation
 * test for seasonality used by the M3 Theta method and the M4 benchmarks.
 */
final class Seasonality {

    /** One-sided 90% critical value used in the M3/M4 seasonality test. */
    private static final double T_CRIT = 1.645;

    private Seasonality() {
    }

    /**
     * Tests whether lag {@code m} autocorrelation is significant at 90%, with Bartlett's variance
     * {@code (1 + 2 sum_{k<m} r_k^2) / n}. Needs at least three seasons; shorter series are not seasonal.
     */
    static boolean isSeasonal(double[] y, int m) {
        int n = y.length;
        if (m <= 1 || n < 3 * m) {
            return false;
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double denom = 0;
        for (double v : y) {
            denom += (v - mean) * (v - mean);
        }
        if (denom == 0) {
            return false;
        }
        double sumSq = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double num = 0;
            for (int t = 0; t + k < n; t++) {
                num += (y[t] - mean) * (y[t + k] - mean);
            }
            double r = num / denom;
            if (k < m) {
                sumSq += r * r;
            } else {
                rm = r;
            }
        }
        double limit = T_CRIT * Math.sqrt((1 + 2 * sumSq) / n);
        return Math.abs(rm) > limit;
    }

    /**
     * Seasonal indices by classical decomposition, indexed by position {@code t mod m} from the first
     * observation. Multiplicative indices average 1, additive ones average 0.
     *
     * @param y at least two full seasons
     */
    static double[] indices(double[] y, int m, boolean multiplicative) {
        int n = y.length;
        double[] sum = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double trend;
            if (m % 2 == 0) {
                double s = 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = -half + 1; j < half; j++) {
                    s += y[t + j];
                }
                trend = s / m;
            } else {
                double s = 0;
                for (int j = -half; j <= half; j++) {
                    s += y[t + j];
                }
                trend = s / m;
            }
            sum[t % m] += multiplicative ? y[t] / trend : y[t] - trend;
            count[t % m]++;
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int k = 0; k < m; k++) {
            figure[k] = count[k] == 0 ? (multiplicative ? 1 : 0) : sum[k] / count[k];
            mean += figure[k];
        }
        mean /= m;
        for (int k = 0; k < m; k++) {
            figure[k] = multiplicative ? figure[k] / mean : figure[k] - mean;
        }
        return figure;
    }

    static boolean allPositive(double[] y) {
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }
}
