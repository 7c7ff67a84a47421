package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import io.salesops.forecast.synthetic.MessyCrm;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Development aid: the not-yet-created part of the forecast alone against what deals created after the as-of day
 * actually booked in the quarter, per owner and in all, on the {@link PipelineAccuracy} settings, with the mean
 * signed errors of both parts (new business and open deals) as shares of the quarter's bookings:
 * {@code NewBusinessAccuracy FROM TO SETTING}. Not thread-safe.
 */
public final class NewBusinessAccuracy {

    private NewBusinessAccuracy() {
    }

    /** Per owner, the amount won in {@code q} from deals created after {@code asOf}. */
    static Map<String, Long> newBusiness(List<Opportunity> opps, LocalDate asOf, Period q) {
        Map<String, Long> out = new HashMap<>();
        for (Opportunity o : opps) {
            if (o.isWon() && q.contains(o.closeDate()) && o.createdDate().isAfter(asOf)) {
                out.merge(o.ownerId(), o.amount().minorUnits(), Long::sum);
            }
        }
        return out;
    }

    /**
     * Prints per quarter the new business forecast and actual, and the means over seeds {@code FROM..TO} of a
     * setting: {@code NewBusinessAccuracy FROM TO SETTING}.
     */
    public static void main(String[] args) {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        PipelineAccuracy.Setting setting = PipelineAccuracy.Setting.valueOf(args[2].toUpperCase(Locale.ROOT));
        double wape = 0;
        double total = 0;
        double ofAll = 0;
        double signed = 0;
        double openSigned = 0;
        int quarters = 0;
        for (long seed = from; seed <= to; seed++) {
            MessyCrm crm = setting.export(seed);
            List<Opportunity> opps = crm.opportunities();
            for (Period q : setting.quarters(crm)) {
                LocalDate asOf = q.start();
                Map<String, Long> actual = newBusiness(opps, asOf, q);
                long all = PipelineAccuracy.wonIn(opps, q, q.end()).values().stream().mapToLong(Long::longValue).sum();
                long a = actual.values().stream().mapToLong(Long::longValue).sum();
                ForecastReport r = PipelineForecast.of(opps).asOf(asOf).period(q).by("owner")
                        .method(PipelineMethod.TIME_TO_EVENT).run();
                Map<String, Long> f = new HashMap<>();
                for (ForecastNode n : r.root().children()) {
                    f.put(n.group(), n.notYetCreated().minorUnits());
                }
                long fs = r.root().notYetCreated().minorUnits();
                long fromOpen = all - a - r.root().closed().minorUnits();
                wape += PipelineAccuracy.wape(f, actual);
                total += Math.abs(fs - a) / (double) a;
                ofAll += Math.abs(fs - a) / (double) all;
                signed += (fs - a) / (double) all;
                openSigned += (r.root().openExpected().minorUnits() - fromOpen) / (double) all;
                quarters++;
                System.out.printf(Locale.ROOT, "seed %d %s: new business %d vs %d actual (of %d booked), per-owner WAPE %.1f%%%n",
                        seed, q, fs / 100, a / 100, all / 100, 100 * PipelineAccuracy.wape(f, actual));
            }
        }
        System.out.printf(Locale.ROOT, "%s %d-%d, %d quarters, new business alone: per-owner WAPE %.1f%%, total error %.1f%%"
                + " (%.2f%% of all bookings; signed %+.2f%%, open deals' signed %+.2f%%)%n", setting, from, to, quarters,
                100 * wape / quarters, 100 * total / quarters, 100 * ofAll / quarters, 100 * signed / quarters,
                100 * openSigned / quarters);
    }
}
