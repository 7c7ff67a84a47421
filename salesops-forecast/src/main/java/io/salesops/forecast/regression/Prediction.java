package io.salesops.forecast.regression;

import io.salesops.forecast.timeseries.IntervalLevels;

/**
 * A fitted value at a new point with both intervals at one confidence level.
 *
 * <p>The confidence interval bounds the mean response at the point (where the regression line
 * is); the prediction interval bounds a single new observation there, so it is always wider.
 * Immutable and thread-safe.
 *
 * @param mean             the fitted mean response x<sub>0</sub><sup>T</sup>b
 * @param standardError    standard error of the fitted mean, s&middot;sqrt(x<sub>0</sub><sup>T</sup>(X<sup>T</sup>X)<sup>-1</sup>x<sub>0</sub>)
 * @param confidenceLow    lower bound of the confidence interval of the mean
 * @param confidenceHigh   upper bound of the confidence interval of the mean
 * @param predictionLow    lower bound of the prediction interval of a new observation
 * @param predictionHigh   upper bound of the prediction interval of a new observation
 * @param level            the confidence level in percent, e.g. 95 (see {@link IntervalLevels})
 */
public record Prediction(double mean, double standardError, double confidenceLow, double confidenceHigh,
                         double predictionLow, double predictionHigh, double level) {

    /**
     * Checks that the bounds are ordered around the mean.
     *
     * @param mean           the fitted mean response
     * @param standardError  standard error of the fitted mean, 0 or more
     * @param confidenceLow  lower bound of the mean's confidence interval, at most {@code mean}
     * @param confidenceHigh upper bound of the mean's confidence interval, at least {@code mean}
     * @param predictionLow  lower bound of the prediction interval, at most {@code confidenceLow}
     * @param predictionHigh upper bound of the prediction interval, at least {@code confidenceHigh}
     * @param level          the confidence level in percent, above 1 and below 100, e.g. 95
     * @throws IllegalArgumentException if the level is not a percent above 1 and below 100, or the bounds are
     *                                  disordered
     */
    public Prediction {
        IntervalLevels.check(level);
        if (!(predictionLow <= confidenceLow && confidenceLow <= mean && mean <= confidenceHigh
              && confidenceHigh <= predictionHigh)) {
            throw new IllegalArgumentException("interval bounds must nest around the mean, got prediction ["
                    + predictionLow + ", " + predictionHigh + "], confidence [" + confidenceLow + ", "
                    + confidenceHigh + "], mean " + mean);
        }
    }
}
