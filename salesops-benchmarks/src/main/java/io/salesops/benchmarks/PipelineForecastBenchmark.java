package io.salesops.benchmarks;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.TimingSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Rolls up 1,000,000 opportunities (open, won and lost, a third with stage history) by owner through a
 * 3-level org (1 VP, 10 managers, 100 reps) with the stage model's probabilities. Target: under 100 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class PipelineForecastBenchmark {

    static final String[] STAGES = {"Prospecting", "Qualification", "Needs Analysis", "Proposal", "Negotiation"};

    @Param({"2"})
    int threads;

    List<Opportunity> opportunities;
    Org org;
    Period q3;
    LocalDate asOf;

    @Setup
    public void setUp() {
        org = org();
        opportunities = opportunities(1_000_000, 42);
        q3 = FiscalCalendar.calendarYear().parse("2026-Q3");
        asOf = LocalDate.of(2026, 8, 1);
    }

    static Org org() {
        List<Rep> reps = new ArrayList<>();
        reps.add(Rep.of("vp", null));
        for (int m = 0; m < 10; m++) {
            reps.add(Rep.of("m" + m, "vp"));
            for (int r = 0; r < 10; r++) {
                reps.add(Rep.of("r" + (m * 10 + r), "m" + m));
            }
        }
        return Org.of(reps);
    }

    static List<Opportunity> opportunities(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Opportunity> out = new ArrayList<>(n);
        LocalDate base = LocalDate.of(2025, 8, 1);
        for (int i = 0; i < n; i++) {
            LocalDate created = base.plusDays(rnd.nextInt(365));
            String stage = STAGES[rnd.nextInt(STAGES.length)];
            Opportunity.Builder b = Opportunity.builder("O-" + i).owner("r" + rnd.nextInt(100))
                    .amount(Money.ofMinor(100_00 + rnd.nextLong(10_000_000_00L), "USD")).created(created);
            if (rnd.nextInt(3) == 0) {
                b.change(created, stage);
            }
            int outcome = rnd.nextInt(4);
            LocalDate close = created.plusDays(1 + rnd.nextInt(180));
            if (outcome <= 1) {
                b.stage(stage).closeDate(close);
            } else if (outcome == 2) {
                b.stage("Closed Won").won(close);
            } else {
                b.stage("Closed Lost").lost(close);
            }
            out.add(b.build());
        }
        return out;
    }

    /** The roll-up itself: stage-model probabilities, close-date timing, no learned models. */
    @Benchmark
    public ForecastReport rollUpByOwner() {
        return PipelineForecast.of(opportunities).asOf(asOf).period(q3).byOwner(org)
                .timing(TimingSource.CLOSE_DATE).notYetCreated(false, 1).threads(threads).run();
    }
}
