package io.salesops.benchmarks;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.org.Org;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.PipelineMethod;
import io.salesops.forecast.pipeline.TimingSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10,000 Monte Carlo simulations over 10,000 open deals rolled up through a 3-level org of 111 nodes.
 * Target: under 1 s on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PipelineSimulationBenchmark {

    @Param({"2"})
    int threads;

    List<Opportunity> open;
    Org org;
    Period q3;
    LocalDate asOf;

    @Setup
    public void setUp() {
        org = PipelineForecastBenchmark.org();
        asOf = LocalDate.of(2026, 7, 1);
        open = PipelineForecastBenchmark.opportunities(40_000, 7).stream()
                .filter(o -> o.isOpen() && !o.createdDate().isAfter(asOf)).limit(10_000)
                // every deal can close in Q3, so each draw is a real coin flip (10% to 75%)
                .map(o -> o.toBuilder().closeDate(asOf.plusDays(1 + Math.floorMod(o.id().hashCode(), 90))).build()).toList();
        if (open.size() != 10_000) {
            throw new IllegalStateException("expected 10,000 open deals, got " + open.size());
        }
        q3 = FiscalCalendar.calendarYear().parse("2026-Q3");
    }

    @Benchmark
    public ForecastReport simulate() {
        return PipelineForecast.of(open).method(PipelineMethod.STAGE_WEIGHTED).asOf(asOf).period(q3).byOwner(org).timing(TimingSource.CLOSE_DATE)
                .notYetCreated(false, 1).simulations(10_000, 42).threads(threads).run();
    }
}
