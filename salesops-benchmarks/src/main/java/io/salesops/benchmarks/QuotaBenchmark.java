package io.salesops.benchmarks;

import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.file.PlanFormat;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.planning.quota.Bookings;
import io.salesops.planning.quota.CostReport;
import io.salesops.planning.quota.HistoricalAttainment;
import io.salesops.planning.quota.MethodMix;
import io.salesops.planning.quota.PlanCost;
import io.salesops.planning.quota.QuotaMethod;
import io.salesops.planning.quota.QuotaPlan;
import io.salesops.planning.quota.QuotaPlanner;
import io.salesops.planning.quota.RampSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Quota allocation and plan cost at scale.
 *
 * <p>{@code allocate10kReps}: a company target over a 4-level org (a VP, 10 regional VPs, 100 managers,
 * 10,000 reps, 10% of them hired during the year) by historical share from 120,000 monthly bookings rows,
 * with a ramp and seasonality learned from the history, into quarters. {@code handWrittenFlatSplit} is the
 * baseline an engineer would write by hand: the same target split over the same rep-quarter weights in one
 * largest-remainder pass over a {@code long[]} (no levels, no explanations); setup checks it sums to the
 * target too.
 *
 * <p>{@code planCost10kSimulations}: 10,000 simulated years of 1,000 reps (quarterly quotas) from an
 * attainment history of 1,200 rep-years, paid by the bundled AE plan through the real engine (exact pay
 * tables plus two whole years checked by the engine). {@code planCost1Simulation} is the same with one
 * simulated year: the fixed cost of the tables, so the difference is the simulations themselves.
 *
 * <p>Run: {@code java -jar salesops-benchmarks/target/benchmarks.jar QuotaBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class QuotaBenchmark {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();
    static final Period FY = CAL.year(2027);

    Org org;
    List<Bookings> history;
    Money target = Money.of("1500000000.00", "USD");
    long[] flatWeights;

    CompContext costContext;
    HistoricalAttainment attainment;
    CompPlan plan;

    /** Builds the org, history, quotas and attainment, and checks that the allocation sums to the target. */
    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        List<Rep> reps = new ArrayList<>();
        history = new ArrayList<>();
        reps.add(new Rep("vp", null, null, null, null, LocalDate.of(2018, 1, 1), null));
        List<Period> months = CAL.year(2026).split(PeriodKind.MONTH);
        for (int g = 0; g < 10; g++) {
            reps.add(new Rep("rvp" + g, null, "vp", null, null, LocalDate.of(2019, 1, 1), null));
            for (int m = 0; m < 10; m++) {
                String mgr = "m" + g + "-" + m;
                reps.add(new Rep(mgr, null, "rvp" + g, null, null, LocalDate.of(2020, 1, 1), null));
                for (int i = 0; i < 100; i++) {
                    String id = "r" + g + "-" + m + "-" + i;
                    boolean joiner = rnd.nextInt(10) == 0;
                    LocalDate start = joiner ? LocalDate.of(2027, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28))
                            : LocalDate.of(2019 + rnd.nextInt(7), 1 + rnd.nextInt(12), 1);
                    reps.add(new Rep(id, null, mgr, null, null, start, null));
                    if (!joiner) {
                        for (Period month : months) {
                            long cents = 500_000_00L + rnd.nextInt(1_000_000_00);
                            history.add(new Bookings(id, month, Money.ofMinor(cents, "USD")));
                        }
                    }
                }
            }
        }
        org = Org.of(reps);
        QuotaPlan p = allocate10kReps();
        if (!p.total().equals(target)) {
            throw new IllegalStateException("allocation sums to " + p.total() + ", not " + target);
        }
        flatWeights = new long[p.lines().size()];
        for (int i = 0; i < flatWeights.length; i++) {
            flatWeights[i] = p.lines().get(i).quota().minorUnits();
        }
        if (Arrays.stream(handWrittenFlatSplit()).sum() != target.minorUnits()) {
            throw new IllegalStateException("the baseline does not sum to the target");
        }

        List<Rep> sellers = new ArrayList<>();
        List<Quota> quotas = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sellers.add(new Rep("ae" + i, null, null, null, null, LocalDate.of(2022, 1, 1), null));
            for (int q = 1; q <= 4; q++) {
                quotas.add(new Quota("ae" + i, CAL.quarter(2027, q), Money.ofMinor(100_000_00L + rnd.nextInt(300_000_00), "USD")));
            }
        }
        costContext = CompContext.of(Org.of(sellers), Quotas.of(quotas));
        List<HistoricalAttainment.Observation> obs = new ArrayList<>();
        for (int rep = 0; rep < 400; rep++) {
            double skill = Math.exp(rnd.nextGaussian() * 0.3);
            for (int year = 2024; year <= 2026; year++) {
                for (int q = 1; q <= 4; q++) {
                    double a = Math.max(0, 95 * skill + rnd.nextGaussian() * 30);
                    obs.add(new HistoricalAttainment.Observation("h" + rep, CAL.quarter(year, q), BigDecimal.valueOf(Math.round(a))));
                }
            }
        }
        attainment = HistoricalAttainment.of(obs, 4, 1);
        plan = PlanFiles.read(PlanFiles.example("ae-marginal.yaml"), "ae-marginal.yaml", PlanFormat.YAML);
    }

    /** The planner: weights, the four levels of largest-remainder splits, and an explanation per line. */
    @Benchmark
    public QuotaPlan allocate10kReps() {
        return QuotaPlanner.builder(target, FY).org(org).method(MethodMix.of(QuotaMethod.HISTORICAL)).history(history)
                .overAssign(Percent.of(0)).ramp(RampSchedule.of("25", "50", "75")).build().plan();
    }

    /** Baseline: one largest-remainder pass over precomputed rep-quarter weights. */
    @Benchmark
    public long[] handWrittenFlatSplit() {
        long[] w = flatWeights;
        long total = 0;
        for (long x : w) {
            total += x;
        }
        long[] out = new long[w.length];
        long[] rem = new long[w.length];
        long given = 0;
        java.math.BigInteger t = java.math.BigInteger.valueOf(target.minorUnits());
        java.math.BigInteger sum = java.math.BigInteger.valueOf(total);
        for (int i = 0; i < w.length; i++) {
            java.math.BigInteger[] qr = t.multiply(java.math.BigInteger.valueOf(w[i])).divideAndRemainder(sum);
            out[i] = qr[0].longValue();
            rem[i] = qr[1].longValue();
            given += out[i];
        }
        Integer[] order = new Integer[w.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(rem[b], rem[a]));
        for (int k = 0; k < target.minorUnits() - given; k++) {
            out[order[k]]++;
        }
        return out;
    }

    /** 10,000 simulated years x 1,000 reps, paid by the AE plan. */
    @Benchmark
    public CostReport planCost10kSimulations() {
        return PlanCost.builder(costContext, attainment).simulations(10_000, 7).threads(2).build().run(List.of(plan));
    }

    /** The fixed cost: exact pay tables and the two checked years, with a single simulated year. */
    @Benchmark
    public CostReport planCost1Simulation() {
        return PlanCost.builder(costContext, attainment).simulations(1, 7).threads(2).build().run(List.of(plan));
    }
}
