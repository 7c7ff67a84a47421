package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import io.salesops.forecast.synthetic.MessyCrm;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Development aid: per-owner WAPE of fixed blends of the time-to-event forecast with run rates, over seeds. */
public final class PipelineBlends {
    public static void main(String[] args) {
        double[] w = {1, 0.8, 0.65, 0.5, 0.35, 0};
        double[][] sum = new double[2][w.length];
        int n = 0;
        for (long seed = 1; seed <= 8; seed++) {
            MessyCrm crm = MessyCrm.generate(seed);
            List<Opportunity> opps = crm.opportunities();
            for (Period q : PipelineAccuracy.quarters(crm)) {
                LocalDate asOf = q.start();
                ForecastReport r = PipelineForecast.of(opps).asOf(asOf).period(q).by("owner").method(PipelineMethod.TIME_TO_EVENT).run();
                Map<String, Long> tte = new HashMap<>();
                r.root().children().forEach(c -> tte.put(c.group(), c.expected().minorUnits()));
                Map<String, Long> actual = PipelineAccuracy.wonIn(opps, q, q.end());
                Map<String, Long> last = PipelineAccuracy.wonIn(opps, q.previous(), asOf);
                Map<String, Long> mean = new HashMap<>();
                int k = 0;
                for (int j = 1; j <= 4 && !q.plus(-j).start().isBefore(crm.start()); j++, k++) {
                    PipelineAccuracy.wonIn(opps, q.plus(-j), asOf).forEach((g, v) -> mean.merge(g, v, Long::sum));
                }
                final int kk = Math.max(1, k);
                mean.replaceAll((g, v) -> v / kk);
                Set<String> groups = new HashSet<>(tte.keySet());
                groups.addAll(last.keySet());
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "seed %d %s k=%d:", seed, q, k));
                for (int rr = 0; rr < 2; rr++) {
                    Map<String, Long> run = rr == 0 ? last : mean;
                    for (int i = 0; i < w.length; i++) {
                        Map<String, Long> b = new HashMap<>();
                        for (String g : groups) {
                            b.put(g, Math.round(w[i] * tte.getOrDefault(g, 0L) + (1 - w[i]) * run.getOrDefault(g, 0L)));
                        }
                        double e = PipelineAccuracy.wape(b, actual);
                        sum[rr][i] += e;
                        line.append(String.format(Locale.ROOT, " %.1f", 100 * e));
                    }
                    line.append(" |");
                }
                n++;
                System.out.println(line);
            }
        }
        for (int rr = 0; rr < 2; rr++) {
            StringBuilder line = new StringBuilder(rr == 0 ? "mean, with last:" : "mean, with mean:");
            for (int i = 0; i < w.length; i++) {
                line.append(String.format(Locale.ROOT, " w=%.2f %.1f", w[i], 100 * sum[rr][i] / n));
            }
            System.out.println(line);
        }
    }
}
