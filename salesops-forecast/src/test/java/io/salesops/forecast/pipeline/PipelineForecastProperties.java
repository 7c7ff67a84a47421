package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PipelineForecastProperties {

    static final Period Q3 = FiscalCalendar.calendarYear().parse("2026-Q3");

    static ForecastReport forecast(long seed, int n, int day, boolean learned, String by) {
        PipelineForecast f = PipelineForecast.of(RandomPipeline.make(seed, n)).method(PipelineMethod.STAGE_WEIGHTED).asOf(Q3.start().plusDays(day)).period(Q3);
        f = learned ? f.learnedProbabilities().segmentBy("product") : f;
        f = by == null ? f.byOwner(RandomPipeline.ORG) : f.by(by, "owner");
        return f.run();
    }

    static final List<Function<ForecastNode, Money>> MEASURES = List.of(ForecastNode::closed, ForecastNode::openPipeline,
            ForecastNode::openExpected, ForecastNode::notYetCreated, ForecastNode::expected, ForecastNode::commit,
            ForecastNode::bestCase, ForecastNode::pipeline, ForecastNode::omitted, ForecastNode::adjustedExpected,
            ForecastNode::runRateBlend);

    @Property(tries = 100)
    void everyParent_equalsTheSumOfItsChildren_toTheCent(@ForAll long seed, @ForAll @IntRange(max = 80) int n,
                                                         @ForAll @IntRange(min = -10, max = 95) int day,
                                                         @ForAll boolean learned, @ForAll boolean byProduct) {
        ForecastReport r = forecast(seed, n, day, learned, byProduct ? "product" : null);
        for (ForecastNode node : r.nodes()) {
            if (node.children().isEmpty()) {
                continue;
            }
            for (Function<ForecastNode, Money> m : MEASURES) {
                Money sum = node.children().stream().map(m).reduce(Money::plus).orElseThrow();
                assertThat(sum).as(node.group()).isEqualTo(m.apply(node));
            }
            assertThat(node.children().stream().mapToInt(ForecastNode::openDeals).sum()).isEqualTo(node.openDeals());
        }
        Money dealSum = r.deals().stream().map(DealForecast::expected).reduce(Money.zero("USD"), Money::plus);
        assertThat(dealSum).isEqualTo(r.root().openExpected());
    }

    @Property(tries = 100)
    void expected_neverExceedsClosedPlusOpenPipelinePlusNotYetCreated(@ForAll long seed, @ForAll @IntRange(max = 80) int n,
                                                                      @ForAll @IntRange(min = -10, max = 95) int day,
                                                                      @ForAll boolean learned) {
        ForecastReport r = forecast(seed, n, day, learned, null);
        for (ForecastNode node : r.nodes()) {
            Money bound = node.closed().plus(node.openPipeline()).plus(node.notYetCreated());
            assertThat(node.expected().isGreaterThan(bound)).as(node.group()).isFalse();
            assertThat(node.openExpected().isNegative()).isFalse();
        }
        for (DealForecast d : r.deals()) {
            assertThat(d.pWin()).isBetween(0.0, 1.0);
            assertThat(d.pInPeriod()).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 50)
    void asOf_ignoresEverythingAfterTheDate(@ForAll long seed, @ForAll @IntRange(max = 60) int n,
                                            @ForAll @IntRange(min = 0, max = 90) int day) {
        // Dropping the deals created after the as-of date cannot change the forecast.
        LocalDate asOf = Q3.start().plusDays(day);
        var all = RandomPipeline.make(seed, n);
        var known = all.stream().filter(o -> !o.createdDate().isAfter(asOf)).toList();
        ForecastReport a = PipelineForecast.of(all).method(PipelineMethod.STAGE_WEIGHTED).asOf(asOf).period(Q3).learnedProbabilities().run();
        ForecastReport b = PipelineForecast.of(known).method(PipelineMethod.STAGE_WEIGHTED).asOf(asOf).period(Q3).learnedProbabilities().run();
        assertThat(a.root().expected()).isEqualTo(b.root().expected());
        assertThat(a.root().closed()).isEqualTo(b.root().closed());
    }
}
