package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The joint draws per owner are the very draws the report's percentiles are taken from. */
class SimulatedBookingsProperties {

    @Property(tries = 25)
    void eachOwnersDraws_sorted_giveTheirLeafsPercentiles(@ForAll long seed, @ForAll @IntRange(max = 60) int n,
                                                           @ForAll @IntRange(max = 80) int day, @ForAll long simSeed) {
        PipelineForecast f = SimulationProperties.forecast(seed, n, day).simulations(301, simSeed);
        ForecastReport report = f.run();
        SimulatedBookings draws = f.simulateByOwner();
        assertThat(draws.owners()).isEqualTo(RandomPipeline.ORG.reps().stream().map(Rep::id).toList());
        for (String owner : draws.owners()) {
            String leaf = RandomPipeline.ORG.isLeaf(owner) ? owner : owner + " (own)";
            long[] sorted = draws.bookings(owner);
            Arrays.sort(sorted);
            report.node(leaf).ifPresent(node -> {
                assertThat(node.p10()).contains(money(Simulation.percentile(sorted, 0.10)));
                assertThat(node.p50()).contains(money(Simulation.percentile(sorted, 0.50)));
                assertThat(node.p90()).contains(money(Simulation.percentile(sorted, 0.90)));
            });
        }
    }

    @Property(tries = 25)
    void ownersOfOneSimulation_sumToThatSimulationsTotal(@ForAll long seed, @ForAll @IntRange(max = 60) int n,
                                                         @ForAll @IntRange(max = 80) int day) {
        PipelineForecast f = SimulationProperties.forecast(seed, n, day).simulations(257, seed);
        SimulatedBookings draws = f.simulateByOwner();
        long[] total = new long[draws.simulations()];
        for (String owner : draws.owners()) {
            long[] row = draws.bookings(owner);
            for (int s = 0; s < total.length; s++) {
                total[s] += row[s];
            }
        }
        Arrays.sort(total);
        ForecastNode root = f.run().root();
        assertThat(root.p10()).contains(money(Simulation.percentile(total, 0.10)));
        assertThat(root.p50()).contains(money(Simulation.percentile(total, 0.50)));
        assertThat(root.p90()).contains(money(Simulation.percentile(total, 0.90)));
    }

    @Property(tries = 15)
    void sameSeed_givesTheSameDrawsOnAnyThreadCount(@ForAll long seed, @ForAll @IntRange(max = 60) int n,
                                                    @ForAll @IntRange(max = 80) int day) {
        PipelineForecast f = SimulationProperties.forecast(seed, n, day).simulations(600, seed);
        SimulatedBookings one = f.threads(1).simulateByOwner();
        SimulatedBookings two = f.threads(2).simulateByOwner();
        for (String owner : one.owners()) {
            assertThat(two.bookings(owner)).containsExactly(one.bookings(owner));
        }
    }

    @Example
    void withoutOwnersOrSimulationsOrWithAuto_saysWhatIsMissing() {
        PipelineForecast f = SimulationProperties.forecast(1, 20, 10);
        assertThatThrownBy(f::simulateByOwner).isInstanceOf(IllegalStateException.class).hasMessageContaining("simulations");
        assertThatThrownBy(() -> f.simulations(10, 1).method(PipelineMethod.AUTO).simulateByOwner())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTO");
        PipelineForecast flat = PipelineForecast.of(RandomPipeline.make(1, 20)).asOf(PipelineForecastProperties.Q3.start())
                .period(PipelineForecastProperties.Q3).simulations(10, 1);
        assertThatThrownBy(flat::simulateByOwner).isInstanceOf(IllegalStateException.class).hasMessageContaining("byOwner");
        SimulatedBookings d = f.simulations(10, 1).simulateByOwner();
        assertThatThrownBy(() -> d.bookings("nobody")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> d.bookings("a", 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..9");
    }

    private static Money money(long minor) {
        return Money.ofMinor(minor, "USD");
    }
}
