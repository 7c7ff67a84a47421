package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {

    static final Period Q3 = FiscalCalendar.calendarYear().parse("2026-Q3");

    @Test
    void aTasksRuntimeException_comesBackUnchanged_theFirstInTaskOrder() {
        IllegalArgumentException first = new IllegalArgumentException("first");
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            tasks.add(() -> {
                if (n == 3) {
                    throw first;
                }
                if (n == 6) {
                    throw new UnsupportedOperationException("later");
                }
            });
        }
        assertThatThrownBy(() -> ParallelTasks.runAll(tasks, 2, "test")).isSameAs(first);
    }

    @Test
    void aBadDealInTheSecondChunk_onTwoThreads_isAPipelineInputException_notAWrappedOne() {
        List<Opportunity> opps = new ArrayList<>(RandomPipeline.make(5, 70_000));
        Opportunity bad = opps.stream().filter(o -> o.isOpen() && !o.createdDate().isAfter(Q3.start())).reduce((a, b) -> b)
                .orElseThrow().toBuilder().owner("nobody").build();
        opps.add(bad);
        assertThatThrownBy(() -> PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(Q3.start()).period(Q3).byOwner(RandomPipeline.ORG)
                .threads(2).run()).isExactlyInstanceOf(PipelineInputException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(Q3.start()).period(Q3).byOwner(RandomPipeline.ORG)
                .threads(2).simulations(1000, 1).run()).isExactlyInstanceOf(PipelineInputException.class);
    }
}
