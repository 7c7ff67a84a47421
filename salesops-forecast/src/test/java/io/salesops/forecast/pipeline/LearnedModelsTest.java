package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Hand-computed examples of the learned win-rate and timing models. */
class LearnedModelsTest {

    static final Period Q3 = FiscalCalendar.calendarYear().parse("2026-Q3");
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 15);
    static final Offset<Double> EXACT = Offset.offset(1e-12);

    /** A closed deal that sat at {@code stage} from creation for {@code stay} days, then closed. */
    static Opportunity closed(String id, String stage, int stay, boolean won, String amount) {
        LocalDate c = LocalDate.of(2026, 1, 5);
        LocalDate close = c.plusDays(stay);
        Opportunity.Builder b = Opportunity.builder(id).owner("ann").amount(amount, "USD").created(c).change(c, stage);
        return (won ? b.stage("Closed Won").change(close, "Closed Won").won(close)
                : b.stage("Closed Lost").change(close, "Closed Lost").lost(close)).build();
    }

    static Opportunity openAt(String stage, LocalDate created) {
        return Opportunity.builder("O-1").owner("ann").stage(stage).amount("1000.00", "USD").created(created)
                .closeDate(LocalDate.of(2026, 8, 1)).build();
    }

    static DealForecast learn(List<Opportunity> history, Opportunity deal, boolean valueWeighted) {
        return PipelineForecast.of(List.of(deal)).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).learnedProbabilities(history)
                .valueWeighted(valueWeighted).timing(TimingSource.CLOSE_DATE).notYetCreated(false, 1).run()
                .deal("O-1").orElseThrow();
    }

    @Test
    void daysInStage_judgesAStaleDealAgainstDealsThatStayedAsLong() {
        List<Opportunity> h = List.of(closed("A", "Proposal", 5, true, "1.00"), closed("B", "Proposal", 5, true, "1.00"),
                closed("C", "Proposal", 40, false, "1.00"), closed("D", "Proposal", 50, false, "1.00"));
        // overall 2/4; stage (2 + 10 x 0.5) / 14 = 0.5; stayed more than 30 days: 0 of 2 -> (0 + 10 x 0.5) / 12
        DealForecast stale = learn(h, openAt("Proposal", AS_OF.minusDays(30)), false);
        assertThat(stale.pWin()).isCloseTo(5.0 / 12, EXACT);
        assertThat(stale.winExplanation()).contains("more than 30 days in stage: 0 of 2");
        // 3 days in: all four stayed longer, 2 of 4 -> (2 + 10 x 0.5) / 14 = 0.5
        assertThat(learn(h, openAt("Proposal", AS_OF.minusDays(3)), false).pWin()).isCloseTo(0.5, EXACT);
    }

    @Test
    void valueWeighted_usesTheWonShareOfValue() {
        List<Opportunity> h = List.of(closed("A", "Proposal", 5, true, "300.00"), closed("B", "Proposal", 5, false, "100.00"),
                closed("C", "Prospecting", 5, false, "600.00"));
        Opportunity deal = openAt("Proposal", AS_OF.minusDays(1));
        // overall 300 / 1000 = 0.3; Proposal: 2 deals, 75% of value -> (2 x 0.75 + 10 x 0.3) / 12 = 0.375,
        // then the days-in-stage level (both stayed 5 > 1 days) -> (1.5 + 10 x 0.375) / 12 = 0.4375
        assertThat(learn(h, deal, true).pWin()).isCloseTo(0.4375, EXACT);
        // by count: overall 1/3; (1 + 10/3) / 12 = 0.36111; again (1 + 10 x 0.36111) / 12
        double stage = (1 + 10.0 / 3) / 12;
        assertThat(learn(h, deal, false).pWin()).isCloseTo((1 + 10 * stage) / 12, EXACT);
    }

    @Test
    void learnedTiming_conditionsOnTheDealsAgeAndShrinksTowardAFreshDeal() {
        // won deals that took 10, 20, 30, 40 and 50 days, long before the period
        List<Opportunity> h = new ArrayList<>();
        for (int t = 10; t <= 50; t += 10) {
            LocalDate c = LocalDate.of(2025, 3, 1);
            h.add(Opportunity.builder("W" + t).owner("ann").stage("Closed Won").amount("1.00", "USD").created(c)
                    .won(c.plusDays(t)).build());
        }
        Period july = FiscalCalendar.calendarYear().parse("2026-07");
        Opportunity deal = Opportunity.builder("O-1").owner("ann").stage("Negotiation").amount("800.00", "USD")
                .created(AS_OF.minusDays(25)).closeDate(LocalDate.of(2026, 7, 31)).build();
        List<Opportunity> all = new ArrayList<>(h);
        all.add(deal);
        ForecastReport r = PipelineForecast.of(all).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(july).notYetCreated(false, 1).run();
        DealForecast d = r.deal("O-1").orElseThrow();
        // age 25; the rest of July is days 26..41 of its life: 2 (30, 40) of the 3 won deals older than 25 days;
        // a fresh deal closes within 16 days in 1 of 5 cases: (2 + 5 x 0.2) / (3 + 5) = 0.375; no slip history
        assertThat(d.timingSource()).isEqualTo(TimingSource.LEARNED);
        assertThat(d.pInPeriod()).isCloseTo(0.375, EXACT);
        assertThat(d.timingExplanation()).contains("2 of 3");
        // 800.00 x 75% (Negotiation) x 0.375 = 225.00
        assertThat(d.expected()).isEqualTo(Money.of("225.00", "USD"));
    }
}
