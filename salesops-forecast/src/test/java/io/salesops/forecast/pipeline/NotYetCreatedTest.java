package io.salesops.forecast.pipeline;

import static io.salesops.forecast.pipeline.TimeToEventTest.Q3;
import static io.salesops.forecast.pipeline.TimeToEventTest.closed;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bookings from deals not yet created: which past periods are averaged. */
class NotYetCreatedTest {

    /**
     * An export whose closes are recorded from 1 March 2026: 20 deals created in October 2025 all closed that day,
     * 151 days on, while the deals created since closed in 8 to 10 days. 50,000.00 of new business was won in Q1
     * (in March, from deals created on 25 February) and 60,000.00 in Q2.
     */
    private static List<Opportunity> closesRecordedFromMarch() {
        List<Opportunity> opps = new ArrayList<>(closed("E", 20, LocalDate.of(2025, 10, 1), 151, true));
        opps.addAll(closed("Q1-", 50, LocalDate.of(2026, 2, 25), 8, true));
        opps.addAll(closed("Q2-", 60, LocalDate.of(2026, 4, 10), 10, true));
        return opps;
    }

    private static ForecastReport forecast(List<Opportunity> opps, Period period) {
        return PipelineForecast.of(opps).asOf(period.start()).period(period).method(PipelineMethod.TIME_TO_EVENT).run();
    }

    @Test
    void averagesOnlyPastPeriodsBegunAfterTheRecordOfClosesBegan() {
        ForecastReport r = forecast(closesRecordedFromMarch(), Q3);
        // Q1's wins before 1 March and all of Q4 2025's were never recorded: Q2 alone, not (60,000 + 50,000 + 0) / 3
        assertThat(r.root().notYetCreated().minorUnits()).isEqualTo(6_000_000);
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("the average over [2026-Q2] of what was won")
                .doesNotContain("closes are recorded only from"));
    }

    @Test
    void withNoPastPeriodBegunAfterTheRecordOfClosesBegan_averagesTheOnesEndedAfterIt_andSaysTheyArePartlyRecorded() {
        // as of 1 April no period begun after 1 March is complete: Q1, recorded from 1 March, rather than nothing;
        // Q4 2025, which ended before any close was recorded, not at all (before: (50,000 + 0) / 2)
        Period q2 = Q3.previous();
        ForecastReport r = forecast(closesRecordedFromMarch(), q2);
        assertThat(r.root().notYetCreated().minorUnits()).isEqualTo(5_000_000);
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("the average over [2026-Q1] (closes are recorded"
                + " only from 2026-03-01, after these periods began and no later one is complete"));
    }
}
