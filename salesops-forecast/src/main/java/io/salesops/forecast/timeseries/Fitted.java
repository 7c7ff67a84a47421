package io.salesops.forecast.timeseries;

import java.util.Map;

/** A model fitted to one series, in the series' own units. Implementations are immutable. */
interface Fitted {

    /** @return a short model name, e.g. {@code ETS(M,Ad,M)} */
    String model();

    /** @return the fitted parameters by name, in a stable order */
    Map<String, Double> parameters();

    /** @return one-step in-sample fitted values, one per observation */
    double[] fitted();

    /** @return point forecasts for steps 1..h */
    double[] mean(int h);

    /**
     * @param h horizon
     * @param level coverage in (0, 1)
     * @return {@code [lower, upper]}, each of length h
     */
    double[][] interval(int h, double level);

    /** @return one sentence on how the model was fitted or chosen */
    String why();
}
