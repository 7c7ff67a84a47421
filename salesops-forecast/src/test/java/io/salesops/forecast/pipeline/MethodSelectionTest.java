package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.forecast.synthetic.MessyCrm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodSelectionTest {

    @Test
    void ownStageNames_withoutAStageModel_areInferred_andTheAssumptionsSaySo() {
        MessyCrm crm = MessyCrm.generate(2, 6, 2);
        Period q = FiscalCalendar.calendarYear().periodOf(crm.exportDate(), PeriodKind.QUARTER).plus(-1);
        ForecastReport r = PipelineForecast.of(crm.opportunities()).asOf(q.start()).period(q).by("owner").run();
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).startsWith("stages inferred from the data")
                .containsAnyOf(crm.openStages().toArray(String[]::new)).contains("overall win rate"));
    }

    @Test
    void auto_namesItsChoiceItsBacktestErrorAndTheRunnerUp_andLeavesAddUp() {
        MessyCrm crm = MessyCrm.generate(3, 8, 2);
        Period q = FiscalCalendar.calendarYear().periodOf(crm.exportDate(), PeriodKind.QUARTER).plus(-1);
        ForecastReport r = PipelineForecast.of(crm.opportunities()).asOf(q.start()).period(q).by("owner")
                .method(PipelineMethod.AUTO).run();
        String note = r.assumptions().get(r.assumptions().size() - 1);
        assertThat(note).startsWith("method auto: backtested as of day 1 of [").contains("chose ").contains("WAPE")
                .contains("runner-up");
        Money sum = Money.zero("USD");
        for (ForecastNode n : r.root().children()) {
            assertThat(n.expected()).isEqualTo(n.closed().plus(n.openExpected()).plus(n.notYetCreated()).plus(n.runRateBlend()));
            assertThat(n.expected().isNegative()).isFalse();
            sum = sum.plus(n.expected());
        }
        assertThat(r.root().expected()).isEqualTo(sum);
    }

    @Test
    void auto_withoutAPastPeriodToBacktest_fallsBackToTimeToEvent_andSaysWhy() {
        MessyCrm crm = MessyCrm.generate(4, 6, 2);
        Period first = FiscalCalendar.calendarYear().periodOf(crm.start(), PeriodKind.QUARTER).plus(1);
        List<Opportunity> opps = new ArrayList<>(crm.opportunities());
        ForecastReport r = PipelineForecast.of(opps).asOf(first.start()).period(first).by("owner").method(PipelineMethod.AUTO).run();
        assertThat(r.assumptions().get(r.assumptions().size() - 1)).startsWith("method auto: time-to-event alone");
        assertThat(r.root().runRateBlend().isZero()).isTrue();
    }

    @Test
    void auto_withSimulations_reportsItsBacktestCoverage_andKeepsRangesOrdered() {
        MessyCrm crm = MessyCrm.generate(5, 8, 2);
        Period q = FiscalCalendar.calendarYear().periodOf(crm.exportDate(), PeriodKind.QUARTER).plus(-1);
        ForecastReport r = PipelineForecast.of(crm.opportunities()).asOf(q.start()).period(q).by("owner")
                .method(PipelineMethod.AUTO).simulations(400, 3).run();
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).startsWith("P10-P90 ranges held").contains("backtest actuals"));
        for (ForecastNode n : r.nodes()) {
            assertThat(n.p10().orElseThrow().isGreaterThan(n.p50().orElseThrow())).as(n.group()).isFalse();
            assertThat(n.p50().orElseThrow().isGreaterThan(n.p90().orElseThrow())).as(n.group()).isFalse();
            assertThat(n.p10().orElseThrow().isLessThan(n.closed())).as(n.group()).isFalse();
        }
    }

    @Test
    void combinationWeights_favourTheForecastWithTheSmallerBacktestError() {
        assertThat(MethodSelection.weight(1, 1)).isEqualTo(0.5);
        assertThat(MethodSelection.weight(1, 2)).isEqualTo(0.8);
        assertThat(MethodSelection.weight(0, 0)).isEqualTo(0.5);
    }
}
