package io.salesops.benchmarks;

import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.AccountBooks;
import io.salesops.planning.territory.AlignmentMethod;
import io.salesops.planning.territory.AlignmentSettings;
import io.salesops.planning.territory.BalanceReport;
import io.salesops.planning.territory.Measure;
import io.salesops.planning.territory.TerritoryGrouping;
import io.salesops.planning.territory.TerritoryPlan;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Territory alignment of 10,000 accounts and 50 reps: accounts clustered around cities of Zipf-like sizes,
 * log-normal potential (sigma 1), workload loosely tied to potential, reps roughly but not proportionally
 * where the accounts are, and the current assignment by nearest rep, out of balance (max/min potential per
 * rep above 10). Target: every rep within +-5% of its target on potential and workload, at most 20% of
 * accounts moved, under 30 s on 2 cores.
 *
 * <p>{@code greedy} is the hand-written baseline (nearest rep, then the best transfers and swaps);
 * {@code solver} is the greedy result improved by Timefold Solver's local search. Both run single-threaded
 * (Timefold's community edition solves on one thread). After each trial the quality of the last plan is
 * printed (reps outside the tolerance, max/min, CV, moves, mean distance), so time and quality come from the
 * same run.
 *
 * <p>Run: {@code java -jar salesops-benchmarks/target/benchmarks.jar TerritoryBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TerritoryBenchmark {

    @Param({"1", "2"})
    long seed;

    AccountBook book;
    TerritoryPlan last;

    /** Generates the book. */
    @Setup(Level.Trial)
    public void setUp() {
        book = AccountBooks.generate(seed, 10_000, 50, 1.0);
    }

    /** @return the greedy baseline's plan */
    @Benchmark
    public TerritoryPlan greedy() {
        last = plan(AlignmentMethod.GREEDY);
        return last;
    }

    /** @return the solver's plan */
    @Benchmark
    public TerritoryPlan solver() {
        last = plan(AlignmentMethod.SOLVER);
        return last;
    }

    private TerritoryPlan plan(AlignmentMethod method) {
        return TerritoryPlan.of(book, TerritoryGrouping.single(book), AlignmentSettings.defaults().withMethod(method)
                .withSeed(seed));
    }

    /** Prints the quality of the last plan of the trial. */
    @TearDown(Level.Trial)
    public void report() {
        if (last == null) {
            return;
        }
        BalanceReport r = last.report();
        System.out.printf(Locale.ROOT, "%n%s seed %d: met=%s, potential outside %d max/min %.3f CV %.4f, "
                        + "workload outside %d max/min %.3f CV %.4f, moves %d/%d, mean %.1f km, time-limited=%s%n",
                last.settings().method(), seed, r.meetsConstraints(),
                r.balance(Measure.POTENTIAL).repsOutside(), r.balance(Measure.POTENTIAL).maxOverMin(),
                r.balance(Measure.POTENTIAL).coefficientOfVariation(),
                r.balance(Measure.WORKLOAD).repsOutside(), r.balance(Measure.WORKLOAD).maxOverMin(),
                r.balance(Measure.WORKLOAD).coefficientOfVariation(), r.moves(), r.moveCap(), r.meanDistanceKm(),
                last.stoppedByTimeLimit());
    }
}
