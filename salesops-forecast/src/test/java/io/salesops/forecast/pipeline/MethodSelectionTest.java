package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Percent;
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
    void auto_withInferredStages_leavesStageWeightedOut_andSaysSo_butWithAStageModelItIsACandidate() {
        // short history (the data start 2016-06-19): on the one past quarter to backtest, before zombies piled up,
        // stage-weighted (win rate x open pipeline) had erred less than time-to-event and used to be chosen
        MessyCrm crm = MessyCrm.generate(5, MessyCrm.JUDGE_LIKE);
        Period q = FiscalCalendar.calendarYear().parse("2017-Q1");
        PipelineForecast base = PipelineForecast.of(crm.opportunities()).asOf(q.start()).period(q).by("owner");
        ForecastReport inferred = base.run();
        String choice = inferred.assumptions().get(inferred.assumptions().size() - 1);
        assertThat(choice).startsWith("method auto: backtested").contains("x time-to-event").doesNotContain("stage-weighted");
        assertThat(inferred.assumptions()).contains(MethodSelection.STAGE_WEIGHTED_LEFT_OUT);
        assertThat(inferred.assumptions().indexOf(MethodSelection.STAGE_WEIGHTED_LEFT_OUT))
                .isGreaterThan(indexStartingWith(inferred.assumptions(), "stages inferred from the data"));

        List<Stage> stages = new ArrayList<>();
        for (String s : crm.openStages()) {
            stages.add(new Stage(s, Percent.of("60"), ForecastCategory.PIPELINE, OpportunityStatus.OPEN));
        }
        crm.opportunities().stream().filter(o -> o.status().isClosed()).map(o -> o.isWon() ? Stage.won(o.stage())
                : Stage.lost(o.stage())).distinct().forEach(stages::add);
        ForecastReport given = base.stages(StageModel.of(stages)).run();
        assertThat(given.assumptions()).doesNotContain(MethodSelection.STAGE_WEIGHTED_LEFT_OUT)
                .noneSatisfy(a -> assertThat(a).startsWith("stages inferred"));
        assertThat(given.assumptions().get(given.assumptions().size() - 1)).contains("stage-weighted");
    }

    private static int indexStartingWith(List<String> list, String prefix) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
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
    void withoutAMethod_theForecastIsAuto_butAStageWeightedOptionMeansStageWeighted() {
        MessyCrm crm = MessyCrm.generate(3, 6, 2);
        Period q = FiscalCalendar.calendarYear().periodOf(crm.exportDate(), PeriodKind.QUARTER).plus(-1);
        PipelineForecast base = PipelineForecast.of(crm.opportunities()).asOf(q.start()).period(q).by("owner");
        assertThat(base.run().assumptions()).anySatisfy(a -> assertThat(a).startsWith("method auto:"));
        assertThat(base.run().root().expected()).isEqualTo(base.method(PipelineMethod.AUTO).run().root().expected());
        ForecastReport learned = base.learnedProbabilities().run();
        assertThat(learned.assumptions()).noneSatisfy(a -> assertThat(a).startsWith("method auto:"));
        assertThat(learned.root().expected())
                .isEqualTo(base.learnedProbabilities().method(PipelineMethod.STAGE_WEIGHTED).run().root().expected());
        // a method named wins over the options
        assertThat(base.fixedProbabilities().method(PipelineMethod.AUTO).run().assumptions())
                .anySatisfy(a -> assertThat(a).startsWith("method auto:"));
    }

    @Test
    void methodNames_parseInAnyCase_andAnUnknownOneIsNamed() {
        assertThat(PipelineMethod.parse("time-to-event")).isEqualTo(PipelineMethod.TIME_TO_EVENT);
        assertThat(PipelineMethod.parse(" Stage_Weighted ")).isEqualTo(PipelineMethod.STAGE_WEIGHTED);
        assertThat(PipelineMethod.parse("AUTO")).isEqualTo(PipelineMethod.AUTO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PipelineMethod.parse("magic"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"magic\"").hasMessageContaining("auto");
    }

    @Test
    void blendWeight_isTheOneWithTheLeastBacktestErrorOverAllTrials() {
        double[] actual = {100, 200, 300};
        // the pipeline was right every time, the run rate never: the pipeline alone
        assertThat(MethodSelection.weight(new double[] {100, 200, 300}, new double[] {0, 0, 0}, actual)).isEqualTo(1.0);
        // the other way round: the run rate alone
        assertThat(MethodSelection.weight(new double[] {0, 0, 0}, new double[] {100, 200, 300}, actual)).isEqualTo(0.0);
        // the pipeline 20% high, the run rate 20% low every time: half of each is exact
        assertThat(MethodSelection.weight(new double[] {120, 240, 360}, new double[] {80, 160, 240}, actual)).isEqualTo(0.5);
        // one pipeline 50% high, one run rate 50% low: 0.5 x 150 + 0.5 x 50 = 100; nothing is better on this trial
        assertThat(MethodSelection.weight(new double[] {150}, new double[] {50}, new double[] {100})).isEqualTo(0.5);
    }

    @Test
    void blendWeight_withEqualErrorsForEveryWeight_takesTheSmallestWeight() {
        // both forecasts on the same side and equally far: every weight errs the same, ties go to the run rate
        assertThat(MethodSelection.weight(new double[] {110}, new double[] {110}, new double[] {100})).isEqualTo(0.0);
    }
}
