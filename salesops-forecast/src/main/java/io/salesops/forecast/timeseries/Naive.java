package io.salesops.forecast.timeseries;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Naive (period 1) and seasonal naive (period m) forecasts: repeat the value one period (season) back.
 * Intervals assume the one-step differences are independent normal: the variance grows with the number
 * of whole periods stepped over.
 */
final class Naive implements Fitted {

    private final double[] y;
    private final int period;
    private final double sigma;
    private final String why;

    Naive(double[] y, int period) {
        this(y, period, period == 1 ? "repeats the last value" : "repeats the last season");
    }

    Naive(double[] y, int period, String why) {
        this.why = why;
        this.y = y.clone();
        this.period = period;
        double sse = 0;
        int count = 0;
        for (int t = period; t < y.length; t++) {
            double d = y[t] - y[t - period];
            sse += d * d;
            count++;
        }
        this.sigma = count == 0 ? 0 : Math.sqrt(sse / count);
    }

    @Override
    public String model() {
        return period == 1 ? "Naive" : "Seasonal naive (period " + period + ")";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("sigma", sigma);
        return map;
    }

    @Override
    public double[] fitted() {
        double[] f = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            f[t] = t < period ? Double.NaN : y[t - period];
        }
        return f;
    }

    @Override
    public double[] mean(int h) {
        double[] f = new double[h];
        int n = y.length;
        for (int i = 0; i < h; i++) {
            f[i] = y[n - period + (i % period)];
        }
        return f;
    }

    @Override
    public double[][] interval(int h, double level) {
        double[] f = mean(h);
        double z = Gaussian.twoSided(level);
        double[][] out = new double[2][h];
        for (int i = 0; i < h; i++) {
            double se = sigma * Math.sqrt(i / period + 1);
            out[0][i] = f[i] - z * se;
            out[1][i] = f[i] + z * se;
        }
        return out;
    }

    @Override
    public String why() {
        return why;
    }
}
