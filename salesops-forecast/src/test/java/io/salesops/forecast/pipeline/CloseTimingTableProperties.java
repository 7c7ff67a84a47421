package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.kpi.KpiDeals;
import io.salesops.forecast.synthetic.SyntheticCrm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The learned close timing over the columnar table is the model the object code learned before it moved onto the
 * table ({@link ObjectCloseTiming}, kept unchanged as the oracle): the same counts, so the same probability and
 * explanation for every deal situation.
 */
class CloseTimingTableProperties {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();

    /** The estimates of both models for deals of every age and close-date situation, as text. */
    static List<String> estimates(CloseTiming t, LocalDate asOf, Period period, long seed) {
        List<String> out = new ArrayList<>();
        if (t == null) {
            out.add("none");
            return out;
        }
        out.add("won " + t.wonDeals());
        Random r = new Random(seed);
        LocalDate windowStart = asOf.plusDays(1).isAfter(period.start()) ? asOf.plusDays(1) : period.start();
        for (int i = 0; i < 40; i++) {
            LocalDate created = asOf.minusDays(r.nextInt(400));
            LocalDate close = r.nextInt(5) == 0 ? null : asOf.plusDays(r.nextInt(200) - 60);
            CloseTiming.Estimate e = t.estimate(created, close, asOf, windowStart, period.end());
            out.add(e.p() + " " + e.explanation());
        }
        return out;
    }

    @Property(tries = 60)
    void tableModel_isTheObjectModel(@ForAll long seed, @ForAll @IntRange(max = 300) int n, @ForAll boolean synthetic,
                                     @ForAll @IntRange(max = 8) int quarter, @ForAll @IntRange(max = 89) int day,
                                     @ForAll @IntRange(min = 1, max = 6) int lookback) {
        List<Opportunity> deals = synthetic ? SyntheticCrm.generate(seed, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 6, 30))
                : KpiDeals.deals(seed, n);
        Period period = CAL.parse("2024-Q3").plus(quarter);
        LocalDate asOf = period.start().plusDays(day);
        CloseTiming objects = ObjectCloseTiming.learn(deals, asOf, period, lookback);
        CloseTiming table = CloseTiming.learn(OpportunityTable.of(deals), asOf, period, lookback);
        assertThat(estimates(table, asOf, period, seed)).isEqualTo(estimates(objects, asOf, period, seed));
    }

    /** The comparison can fail: one won deal with history recorded as lost changes the counts. */
    @Example
    void comparison_seesOneDayOnOneWonDeal() {
        List<Opportunity> deals = new ArrayList<>(SyntheticCrm.generate(4, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)));
        Period period = CAL.parse("2025-Q3");
        LocalDate asOf = period.start().plusDays(20);
        int i = 0;
        while (!deals.get(i).isWon() || deals.get(i).history().isEmpty() || deals.get(i).closeDate().isAfter(asOf.minusDays(120))) {
            i++;
        }
        Opportunity o = deals.get(i);
        List<Opportunity> changed = new ArrayList<>(deals);
        changed.set(i, o.toBuilder().stage("Closed Lost").lost(o.closeDate()).build());
        assertThat(estimates(CloseTiming.learn(OpportunityTable.of(changed), asOf, period, 4), asOf, period, 1))
                .isNotEqualTo(estimates(ObjectCloseTiming.learn(deals, asOf, period, 4), asOf, period, 1));
    }
}
