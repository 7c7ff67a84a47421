package io.salesops.benchmarks;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A year of commissions: 1,000,000 credit rows (990,000 bookings, 10% of them split 60/40, and 10,000
 * reversals) for 10,000 reps (100 managers of 99 reps each) over 12 monthly periods, under a plan with
 * marginal attainment tiers (5% / 8% / 12%), a 1.5x accelerator above 120%, a USD 25,000 cap per period, a 1%
 * manager override and 90-day clawbacks.
 *
 * <p>{@code engine} runs {@link CommissionEngine} on the default threads (the common pool plus the caller),
 * {@code engineSingleThread} on the calling thread alone, and {@code handWritten} computes the same plan as a
 * good engineer would write it for this one plan, single-threaded: int payee and deal ids, payees' rows laid
 * out in primitive arrays (counting sort), long arithmetic with half-even rounding, reused buffers and no
 * allocation per row. Compare {@code engineSingleThread} with {@code handWritten}: same threads, same work. Setup
 * checks that all three pay the same total to the cent.
 *
 * <p>Run: {@code java -jar salesops-benchmarks/target/benchmarks.jar CommissionBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class CommissionBenchmark {

    private static final int MANAGERS = 100;
    private static final int REPS_PER_MANAGER = 99;
    private static final int BOOKINGS = 990_000;
    private static final int REVERSALS = 10_000;
    private static final long QUOTA = 100_000_00L;

    CompPlan plan;
    CompContext context;
    List<Period> months;
    List<List<Credit>> byMonth;
    CommissionEngine singleThread;

    /** Builds the org, quotas, plan and credits, and checks that all variants agree. */
    @Setup(Level.Trial)
    public void setUp() {
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        List<Rep> reps = new ArrayList<>();
        for (int m = 0; m < MANAGERS; m++) {
            reps.add(Rep.of("m" + m, null));
            for (int r = 0; r < REPS_PER_MANAGER; r++) {
                reps.add(Rep.of("r" + (m * REPS_PER_MANAGER + r), "m" + m));
            }
        }
        Org org = Org.of(reps);
        months = cal.month(2026, 1).through(cal.month(2026, 12));
        List<Quota> quotas = new ArrayList<>();
        for (Rep r : reps) {
            for (Period p : months) {
                quotas.add(new Quota(r.id(), p, Money.ofMinor(QUOTA, "USD")));
            }
        }
        context = CompContext.of(org, Quotas.of(quotas));
        plan = CompPlan.builder("AE 2026").currency("USD").rounding(RoundingMode.HALF_EVEN)
                .clawback(Clawback.within(90))
                .component(c -> c.name("Bookings").credit(Crediting.all()).measure(Measure.attainment())
                        .pay(TierTable.marginal(TierTable.Basis.ATTAINMENT).upTo("50", "5").upTo("100", "8").above("12"))
                        .accelerate("120", "1.5").cap(Cap.perPeriod("USD 25,000.00")))
                .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("1"))
                .build();
        singleThread = CommissionEngine.withParallelism(1);

        Random rnd = new Random(42);
        int nReps = MANAGERS * REPS_PER_MANAGER;
        byMonth = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byMonth.add(new ArrayList<>());
        }
        List<Credit> bookings = new ArrayList<>(BOOKINGS);
        for (int i = 0; i < BOOKINGS; i++) {
            int month = 1 + i % 12;
            LocalDate date = LocalDate.of(2026, month, 1 + rnd.nextInt(28));
            String owner = "r" + rnd.nextInt(nReps);
            List<Split> splits = List.of();
            if (rnd.nextInt(10) == 0) {
                splits = List.of(Split.of(owner, "60"), Split.of("r" + ((Integer.parseInt(owner.substring(1)) + 1 + rnd.nextInt(nReps - 1)) % nReps), "40"));
            }
            Credit c = new Credit("c" + i, owner, date, Money.ofMinor(rnd.nextInt(2_000_000), "USD"), "new", "", "deal" + i,
                    CreditStatus.BOOKED, splits, Map.of());
            bookings.add(c);
            byMonth.get(month - 1).add(c);
        }
        int made = 0;
        for (int i = 0; made < REVERSALS; i++) {
            Credit b = bookings.get(rnd.nextInt(BOOKINGS));
            LocalDate date = b.date().plusDays(1 + rnd.nextInt(120));
            if (date.getYear() != 2026) {
                continue;
            }
            Credit r = new Credit("rev" + i, b.payeeId(), date, b.amount(), "", "", b.dealId(), CreditStatus.REVERSED,
                    List.of(), Map.of());
            byMonth.get(date.getMonthValue() - 1).add(r);
            made++;
        }
        long engine = engine();
        long single = engineSingleThread();
        long hand = handWritten();
        if (engine != hand || single != hand) {
            throw new IllegalStateException("engine pays " + engine + " cents (" + single + " single-threaded), the hand-written loop " + hand);
        }
        System.out.println("\nyear total paid: " + Money.ofMinor(engine, "USD"));
    }

    private long year(CommissionEngine on) {
        CompState state = CompState.empty();
        long total = 0;
        for (int m = 0; m < 12; m++) {
            CalculationResult r = on == null
                    ? CommissionEngine.calculate(plan, context, byMonth.get(m), months.get(m), state)
                    : on.run(plan, context, byMonth.get(m), months.get(m), state);
            total += r.totalNetPay().minorUnits();
            state = r.state();
        }
        return total;
    }

    /** Twelve months through the engine on the default threads, carrying the state; the total net pay in cents. */
    @Benchmark
    public long engine() {
        return year(null);
    }

    /** As {@link #engine()}, on the calling thread only. */
    @Benchmark
    public long engineSingleThread() {
        return year(singleThread);
    }

    /** The same plan by hand, single-threaded. */
    @Benchmark
    public long handWritten() {
        return new HandWrittenCommissions(context.org().reps()).year(byMonth);
    }
}
