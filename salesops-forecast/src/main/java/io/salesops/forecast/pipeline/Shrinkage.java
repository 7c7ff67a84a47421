package io.salesops.forecast.pipeline;

/**
 * Beta-prior (empirical Bayes) shrinkage of a rate toward a broader one: with {@code k} successes in
 * {@code n} trials and a prior mean {@code p0} worth {@code m} pseudo-trials (a Beta(m p0, m (1 - p0)) prior),
 * the posterior mean is {@code (k + m p0) / (n + m)}. A stage with 3 deals, all won, and an overall rate of
 * 30% with m = 10 gives (3 + 3) / 13 = 46%, not 100%.
 */
final class Shrinkage {
    private Shrinkage() {
    }

    /** The posterior mean; {@code p0} when there are no trials. */
    static double shrink(double successes, double trials, double p0, double m) {
        if (trials + m <= 0) {
            return p0;
        }
        return (successes + m * p0) / (trials + m);
    }
}
