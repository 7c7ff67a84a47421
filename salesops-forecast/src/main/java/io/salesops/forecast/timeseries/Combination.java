package io.salesops.forecast.timeseries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Equal-weight combination of member models: the mean of their point forecasts and, for intervals, the
 * mean of their bounds at each level (quantile averaging, which keeps the intervals nested and centred
 * on the combined forecast when members are symmetric).
 */
final class Combination implements Fitted {

    private final List<Fitted> members;

    Combination(List<Fitted> members) {
        this.members = List.copyOf(members);
    }

    @Override
    public String model() {
        StringBuilder sb = new StringBuilder("Combination(");
        for (int i = 0; i < members.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(members.get(i).model());
        }
        return sb.append(')').toString();
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Fitted f : members) {
            String prefix = f.model().split(" ")[0] + ".";
            f.parameters().forEach((k, v) -> map.put(prefix + k, v));
        }
        return map;
    }

    @Override
    public double[] fitted() {
        double[] sum = null;
        for (Fitted f : members) {
            double[] x = f.fitted();
            if (sum == null) {
                sum = x;
            } else {
                for (int i = 0; i < x.length; i++) {
                    sum[i] += x[i];
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= members.size();
        }
        return sum;
    }

    @Override
    public double[] mean(int h) {
        double[] sum = new double[h];
        for (Fitted f : members) {
            double[] x = f.mean(h);
            for (int i = 0; i < h; i++) {
                sum[i] += x[i] / members.size();
            }
        }
        return sum;
    }

    @Override
    public double[][] interval(int h, double level) {
        double[][] sum = new double[2][h];
        for (Fitted f : members) {
            double[][] b = f.interval(h, level);
            for (int i = 0; i < h; i++) {
                sum[0][i] += b[0][i] / members.size();
                sum[1][i] += b[1][i] / members.size();
            }
        }
        return sum;
    }

    @Override
    public String why() {
        StringBuilder sb = new StringBuilder("equal-weight mean of ").append(members.size()).append(" models");
        for (Fitted f : members) {
            sb.append(" [").append(f.model()).append(": ").append(f.why()).append(']');
        }
        return sb.toString();
    }
}
