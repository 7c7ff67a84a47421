package io.salesops.forecast.timeseries;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Theta method of Assimakopoulos and Nikolopoulos (2000) in the form of Hyndman and Billah (2003):
 * simple exponential smoothing with drift equal to half the slope of the linear trend. Applied to a
 * seasonally adjusted series (see {@link Adjusted}). Intervals are those of SES around the drifted
 * forecast, which is exact for the SES-with-drift model.
 */
final class Theta implements Fitted {

    private final EtsFit ses;
    private final double halfSlope;
    private final int n;

    private Theta(EtsFit ses, double halfSlope, int n) {
        this.ses = ses;
        this.halfSlope = halfSlope;
        this.n = n;
    }

    static Theta fit(double[] y) {
        int n = y.length;
        EtsFit ses = Ets.fit(y, 1, new EtsForm(false, 0, 0));
        double mx = (n - 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t - mx) * (y[t] - my);
            sxx += (t - mx) * (t - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new Theta(ses, slope / 2, n);
    }

    private double drift(int step) {
        double alpha = ses.alpha();
        return halfSlope * (step - 1 + (1 - Math.pow(1 - alpha, n)) / alpha);
    }

    @Override
    public String model() {
        return "Theta";
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put("alpha", ses.alpha());
        map.put("drift", halfSlope);
        map.put("sigma", ses.parameters().get("sigma"));
        return map;
    }

    @Override
    public double[] fitted() {
        return ses.fitted();
    }

    @Override
    public double[] mean(int h) {
        double[] f = ses.mean(h);
        for (int i = 0; i < h; i++) {
            f[i] += drift(i + 1);
        }
        return f;
    }

    @Override
    public double[][] interval(int h, double level) {
        double[][] b = ses.interval(h, level);
        for (int i = 0; i < h; i++) {
            b[0][i] += drift(i + 1);
            b[1][i] += drift(i + 1);
        }
        return b;
    }

    @Override
    public String why() {
        return String.format(Locale.ROOT,
                "SES (alpha %.3f) plus half the linear-trend slope (%.4g per period)", ses.alpha(), halfSlope);
    }
}
