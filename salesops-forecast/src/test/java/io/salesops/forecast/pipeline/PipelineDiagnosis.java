package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import io.salesops.forecast.synthetic.MessyCrm;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Development aid: where the error of the total comes from (open deals vs not-yet-created), per seed and quarter. */
public final class PipelineDiagnosis {
    public static void main(String[] args) {
        for (long seed = 1; seed <= 6; seed++) {
            MessyCrm crm = MessyCrm.generate(seed);
            List<Opportunity> opps = crm.opportunities();
            for (Period q : PipelineAccuracy.quarters(crm)) {
                LocalDate asOf = q.start();
                ForecastReport r = PipelineForecast.of(opps).asOf(asOf).period(q).by("owner").method(PipelineMethod.TIME_TO_EVENT).run();
                long fromOpen = 0;
                long fromNew = 0;
                for (Opportunity o : opps) {
                    if (o.isWon() && q.contains(o.closeDate()) && o.closeDate().isAfter(asOf)) {
                        if (o.createdDate().isAfter(asOf)) {
                            fromNew += o.amount().minorUnits();
                        } else {
                            fromOpen += o.amount().minorUnits();
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "seed %d %s deals %d: open exp %d act %d | new exp %d act %d | closed %d%n", seed, q, opps.size(),
                        r.root().openExpected().minorUnits() / 100, fromOpen / 100, r.root().notYetCreated().minorUnits() / 100,
                        fromNew / 100, r.root().closed().minorUnits() / 100);
                java.util.Map<String, Long> open = new java.util.HashMap<>();
                java.util.Map<String, Long> nyc = new java.util.HashMap<>();
                java.util.Map<String, Long> actOpen = new java.util.HashMap<>();
                java.util.Map<String, Long> actNew = new java.util.HashMap<>();
                for (ForecastNode n : r.root().children()) {
                    open.put(n.group(), n.openExpected().minorUnits());
                    nyc.put(n.group(), n.notYetCreated().minorUnits());
                }
                for (Opportunity o : opps) {
                    if (o.isWon() && q.contains(o.closeDate()) && o.closeDate().isAfter(asOf)) {
                        (o.createdDate().isAfter(asOf) ? actNew : actOpen).merge(o.ownerId(), o.amount().minorUnits(), Long::sum);
                    }
                }
                // candidate: global conversion of created value x owner's value created in the last period-length days
                double wonNew = 0;
                double createdVal = 0;
                for (int j = 1; j <= 4; j++) {
                    Period p = q.plus(-j);
                    if (p.start().isBefore(crm.start())) {
                        break;
                    }
                    for (Opportunity o : opps) {
                        if (o.createdDate().isAfter(p.start().minusDays(1)) && !o.createdDate().isAfter(p.end())) {
                            createdVal += o.amount().minorUnits();
                            if (o.isWon() && !o.closeDate().isAfter(p.end())) {
                                wonNew += o.amount().minorUnits();
                            }
                        }
                    }
                }
                double ratio = wonNew / createdVal;
                java.util.Map<String, Long> nyc2 = new java.util.HashMap<>();
                for (Opportunity o : opps) {
                    if (o.createdDate().isAfter(asOf.minusDays(91)) && !o.createdDate().isAfter(asOf)) {
                        nyc2.merge(o.ownerId(), Math.round(ratio * o.amount().minorUnits()), Long::sum);
                    }
                }
                System.out.printf(Locale.ROOT, "   nyc2 WAPE %.1f%% total %d vs act %d%n", 100 * PipelineAccuracy.wape(nyc2, actNew),
                        nyc2.values().stream().mapToLong(Long::longValue).sum() / 100, actNew.values().stream().mapToLong(Long::longValue).sum() / 100);
                System.out.printf(Locale.ROOT, "   WAPE open part %.1f%%, new part %.1f%%%n", 100 * PipelineAccuracy.wape(open, actOpen),
                        100 * PipelineAccuracy.wape(nyc, actNew));
            }
        }
    }
}
