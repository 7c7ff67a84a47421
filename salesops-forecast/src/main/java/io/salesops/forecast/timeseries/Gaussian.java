package io.salesops.forecast.timeseries;

import org.apache.commons.math3.distribution.NormalDistribution;

/** Standard normal quantiles for two-sided intervals. */
final class Gaussian {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private Gaussian() {
    }

    /** @return z such that P(|Z| &lt;= z) = level */
    static double twoSided(double level) {
        return STANDARD.inverseCumulativeProbability(0.5 + level / 2);
    }
}
