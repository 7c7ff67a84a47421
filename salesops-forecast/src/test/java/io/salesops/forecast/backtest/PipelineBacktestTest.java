package io.salesops.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.forecast.pipeline.TimingSource;
import io.salesops.forecast.synthetic.SyntheticCrm;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PipelineBacktestTest {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();

    @Test
    void oneOwnerOnePeriod_errorsAreTheHandComputedOnes() {
        List<Opportunity> h = List.of(
                Opportunity.builder("W-Q2").owner("ann").stage("Closed Won").amount("100.00", "USD")
                        .created(LocalDate.of(2026, 4, 1)).won(LocalDate.of(2026, 5, 1)).build(),
                Opportunity.builder("W-Q3").owner("ann").stage("Closed Won").amount("200.00", "USD")
                        .created(LocalDate.of(2026, 6, 1))
                        .change(new StageChange(LocalDate.of(2026, 6, 1), "Negotiation", null, LocalDate.of(2026, 7, 20)))
                        .change(LocalDate.of(2026, 8, 1), "Closed Won").won(LocalDate.of(2026, 8, 1)).build());
        BacktestReport r = PipelineBacktest.of(h).periods(CAL.parse("2026-Q3"), CAL.parse("2026-Q3"))
                .configure(f -> f.fixedProbabilities().timing(TimingSource.CLOSE_DATE).notYetCreated(false, 1)).run();
        BacktestRow t = r.totals().get(0);
        assertThat(t.actual()).isEqualTo(Money.of("200.00", "USD"));
        assertThat(t.forecast()).isEqualTo(Money.of("150.00", "USD"));   // 200 x 75% (Negotiation)
        assertThat(t.runRate()).isEqualTo(Money.of("100.00", "USD"));    // Q2's bookings
        assertThat(t.modelApe()).isCloseTo(0.25, Offset.offset(1e-12));
        assertThat(t.runRateApe()).isCloseTo(0.50, Offset.offset(1e-12));
        assertThat(r.modelWape()).isCloseTo(0.25, Offset.offset(1e-12));
        assertThat(r.runRateWape()).isCloseTo(0.50, Offset.offset(1e-12));
        assertThat(r.modelBeatsRunRate()).isTrue();
    }

    @Test
    void periodsOfDifferentKinds_areRejected() {
        assertThatThrownBy(() -> PipelineBacktest.of(List.of()).periods(CAL.parse("2026-Q3"), CAL.parse("2026-09")))
                .hasMessageContaining("2026-Q3").hasMessageContaining("2026-09");
    }

    /**
     * On realistic synthetic histories (reps of different skill, seasonality, slips, losses at every stage) the
     * learned pipeline model must beat last quarter's bookings per owner. The figures are printed for the report.
     */
    @Test
    void syntheticHistory_learnedModelBeatsRunRateOnPerOwnerWape() {
        for (long seed : new long[] {1, 2, 3}) {
            List<Opportunity> crm = SyntheticCrm.generate(seed, LocalDate.of(2015, 1, 1), LocalDate.of(2017, 12, 31));
            PipelineBacktest b = PipelineBacktest.of(crm).periods(CAL.parse("2016-Q3"), CAL.parse("2017-Q4"));
            BacktestReport learned = b.run();
            BacktestReport byOwner = b.configure(f -> f.learnedProbabilities().segmentBy("owner")).run();
            BacktestReport fixed = b.configure(f -> f.fixedProbabilities()).run();
            System.out.printf("seed %d, %d deals%n%s", seed, crm.size(), learned.summary());
            System.out.printf("learned + owner segment: MAPE %.1f%%, WAPE %.1f%%; fixed stage probabilities: MAPE %.1f%%, WAPE %.1f%%%n",
                    100 * byOwner.modelMape(), 100 * byOwner.modelWape(), 100 * fixed.modelMape(), 100 * fixed.modelWape());
            assertThat(learned.modelWape()).isLessThan(learned.runRateWape());
            assertThat(byOwner.modelWape()).isLessThan(byOwner.runRateWape());
        }
    }
}
