package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.money.Money;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SimulationProperties {

    static PipelineForecast forecast(long seed, int n, int day) {
        return PipelineForecast.of(RandomPipeline.make(seed, n)).method(PipelineMethod.STAGE_WEIGHTED).asOf(PipelineForecastProperties.Q3.start().plusDays(day))
                .period(PipelineForecastProperties.Q3).learnedProbabilities().byOwner(RandomPipeline.ORG);
    }

    @Property(tries = 30)
    void sameSeed_givesTheSameNumbersOnAnyThreadCount(@ForAll long seed, @ForAll @IntRange(max = 60) int n,
                                                      @ForAll @IntRange(max = 80) int day, @ForAll long simSeed) {
        PipelineForecast f = forecast(seed, n, day).simulations(700, simSeed);
        List<String> one = summary(f.threads(1).run());
        assertThat(summary(f.threads(2).run())).isEqualTo(one);
        assertThat(summary(f.threads(3).run())).isEqualTo(one);
    }

    private static List<String> summary(ForecastReport r) {
        return r.nodes().stream().map(x -> x.group() + " " + x.p10() + " " + x.p50() + " " + x.p90() + " " + x.simulatedMean()).toList();
    }

    @Property(tries = 30)
    void percentiles_areOrdered(@ForAll long seed, @ForAll @IntRange(max = 60) int n, @ForAll @IntRange(max = 80) int day) {
        ForecastReport r = forecast(seed, n, day).simulations(300, seed).run();
        for (ForecastNode x : r.nodes()) {
            assertThat(x.p10().orElseThrow().isGreaterThan(x.p50().orElseThrow())).isFalse();
            assertThat(x.p50().orElseThrow().isGreaterThan(x.p90().orElseThrow())).isFalse();
            assertThat(x.p10().orElseThrow().isLessThan(x.closed())).isFalse();
        }
    }

    @Property(tries = 20)
    void simulatedMean_convergesToTheAnalyticExpectation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
                                                         @ForAll @IntRange(max = 80) int day) {
        int sims = 4000;
        ForecastReport r = forecast(seed, n, day).simulateNotYetCreated(false).simulations(sims, seed ^ 0x5DEECE66DL).run();
        double variance = 0;
        for (DealForecast d : r.deals()) {
            double q = d.probability().doubleValue();
            double a = d.amount().minorUnits();
            variance += a * a * q * (1 - q);
        }
        double se = Math.sqrt(variance / sims);
        Money mean = r.root().simulatedMean().orElseThrow();
        double diff = Math.abs(mean.minorUnits() - r.root().expected().minorUnits());
        // per-deal rounding of the analytic value (half a cent each) and of the mean (half a cent)
        double rounding = 0.5 * r.deals().size() + 1;
        assertThat(diff).isLessThanOrEqualTo(4.5 * se + rounding);
    }
}
