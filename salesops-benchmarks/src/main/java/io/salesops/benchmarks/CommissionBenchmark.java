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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * <p>{@code engineYear} runs {@link CommissionEngine}; {@code handWrittenLoop} computes the same plan with
 * arrays and hash maps written for this plan alone. Setup checks that both pay the same total to the cent.
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

    /** Builds the org, quotas, plan and credits, and checks that both variants agree. */
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
        long engine = engineYear();
        long hand = handWrittenLoop();
        if (engine != hand) {
            throw new IllegalStateException("engine pays " + engine + " cents, the hand-written loop " + hand);
        }
        System.out.println("\nyear total paid: " + Money.ofMinor(engine, "USD"));
    }

    /** Twelve months through the engine, carrying the state; returns the total net pay in cents. */
    @Benchmark
    public long engineYear() {
        CompState state = CompState.empty();
        long total = 0;
        for (int m = 0; m < 12; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, context, byMonth.get(m), months.get(m), state);
            total += r.totalNetPay().minorUnits();
            state = r.state();
        }
        return total;
    }

    /** The same plan by hand, single-threaded: arrays per payee, a hash map of deal pay for clawbacks. */
    @Benchmark
    public long handWrittenLoop() {
        return new Hand().year();
    }

    /** The plan above, written out for this one case. */
    private final class Hand {
        final int nPayees = MANAGERS * (REPS_PER_MANAGER + 1);
        final Map<String, Integer> index = new HashMap<>(nPayees * 2);
        final int[] manager = new int[nPayees];
        final String[] ids = new String[nPayees];
        /** (payee, deal, component) to net pay, and deal to booking date, for clawbacks. */
        final Map<String, long[]> dealPay = new HashMap<>();
        final Map<String, List<String>> dealPayees = new HashMap<>();
        final Map<String, LocalDate> booked = new HashMap<>();
        final BigDecimal[] rates = {new BigDecimal("0.05"), new BigDecimal("0.08"), new BigDecimal("0.12"),
                new BigDecimal("0.12").multiply(new BigDecimal("1.5"))};
        final long[] bounds = {QUOTA / 2, QUOTA, QUOTA * 12 / 10};

        Hand() {
            int i = 0;
            for (Rep r : context.org().reps()) {
                ids[i] = r.id();
                index.put(r.id(), i++);
            }
            for (Rep r : context.org().reps()) {
                manager[index.get(r.id())] = r.managerId() == null ? -1 : index.get(r.managerId());
            }
        }

        long year() {
            long total = 0;
            for (int m = 0; m < 12; m++) {
                total += month(byMonth.get(m));
            }
            return total;
        }

        /** One row of credit for one payee: the credit, the amount, a sort key for the role. */
        record Row(Credit c, long amount, String role, long[] pay) {
        }

        long month(List<Credit> credits) {
            @SuppressWarnings("unchecked")
            List<Row>[] own = new List[nPayees];
            @SuppressWarnings("unchecked")
            List<Row>[] over = new List[nPayees];
            List<Credit> reversals = new ArrayList<>();
            for (Credit c : credits) {
                if (c.status() != CreditStatus.BOOKED) {
                    reversals.add(c);
                    continue;
                }
                long amt = c.amount().minorUnits();
                if (c.splits().isEmpty()) {
                    int p = index.get(c.payeeId());
                    add(own, p, new Row(c, amt, "", new long[1]));
                    add(over, manager[p], new Row(c, amt, ids[p], new long[1]));
                } else {
                    long[] parts = largestRemainder(amt, new long[] {60, 40});
                    for (int s = 0; s < 2; s++) {
                        int p = index.get(c.splits().get(s).payeeId());
                        add(own, p, new Row(c, parts[s], "", new long[1]));
                        add(over, manager[p], new Row(c, parts[s], ids[p], new long[1]));
                    }
                }
            }
            long total = 0;
            java.util.Comparator<Row> order = (x, y) -> {
                int c = x.c().date().compareTo(y.c().date());
                if (c != 0) {
                    return c;
                }
                c = x.c().id().compareTo(y.c().id());
                return c != 0 ? c : x.role().compareTo(y.role());
            };
            for (int p = 0; p < nPayees; p++) {
                if (own[p] != null) {
                    own[p].sort(order);
                    total += bookings(own[p], p);
                }
                if (over[p] != null) {
                    over[p].sort(order);
                    total += override(over[p], p);
                }
            }
            for (Credit r : reversals) {
                List<String> payees = dealPayees.get(r.dealId());
                if (payees == null) {
                    continue;
                }
                LocalDate b = booked.get(r.dealId());
                if (ChronoUnit.DAYS.between(b, r.date()) > 90) {
                    continue;
                }
                for (String key : payees) {
                    long[] net = dealPay.get(key);
                    total -= net[0];
                    net[0] = 0;
                }
            }
            return total;
        }

        void add(List<Row>[] lists, int p, Row r) {
            if (lists[p] == null) {
                lists[p] = new ArrayList<>();
            }
            lists[p].add(r);
        }

        long bookings(List<Row> rows, int p) {
            // Slices between 0, 50%, 100%, 120% of quota; a line per slice touched, rounded half-even.
            long[] segBase = new long[4];
            List<List<Row>> segRows = new ArrayList<>(4);
            List<long[]> segW = new ArrayList<>(4);
            for (int s = 0; s < 4; s++) {
                segRows.add(new ArrayList<>());
                segW.add(new long[rows.size()]);
            }
            long pos = 0;
            int seg = 0;
            for (Row r : rows) {
                long rem = r.amount();
                do {
                    long hi = seg < 3 ? bounds[seg] : Long.MAX_VALUE;
                    long take = Math.min(rem, hi - pos);
                    segW.get(seg)[segRows.get(seg).size()] = take;
                    segRows.get(seg).add(r);
                    segBase[seg] += take;
                    pos += take;
                    rem -= take;
                    if (pos == hi && seg < 3) {
                        seg++;
                    }
                } while (rem > 0);
            }
            long total = 0;
            for (int s = 0; s < 4; s++) {
                if (segRows.get(s).isEmpty()) {
                    continue;
                }
                long line = BigDecimal.valueOf(segBase[s]).multiply(rates[s]).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                total += line;
                attribute(line, segRows.get(s), segW.get(s));
            }
            if (total > 25_000_00L) {
                long over = total - 25_000_00L;
                long[] w = new long[rows.size()];
                for (int i = 0; i < w.length; i++) {
                    w[i] = Math.max(0, rows.get(i).pay()[0]);
                }
                long[] parts = largestRemainder(over, w);
                for (int i = 0; i < w.length; i++) {
                    rows.get(i).pay()[0] -= parts[i];
                }
                total = 25_000_00L;
            }
            remember(rows, p, "B");
            return total;
        }

        long override(List<Row> rows, int p) {
            long base = 0;
            long[] w = new long[rows.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = rows.get(i).amount();
                base += w[i];
            }
            long line = BigDecimal.valueOf(base).multiply(new BigDecimal("0.01")).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            attribute(line, rows, w);
            remember(rows, p, "O");
            return line;
        }

        void attribute(long amount, List<Row> rows, long[] w) {
            long sum = 0;
            for (int i = 0; i < rows.size(); i++) {
                sum += w[i];
            }
            if (sum == 0 || amount == 0) {
                return;
            }
            long[] parts = largestRemainder(amount, Arrays.copyOf(w, rows.size()));
            for (int i = 0; i < parts.length; i++) {
                rows.get(i).pay()[0] += parts[i];
            }
        }

        void remember(List<Row> rows, int p, String comp) {
            for (Row r : rows) {
                if (r.pay()[0] == 0 && r.amount() == 0) {
                    continue;
                }
                String key = ids[p] + '\u0000' + r.c().dealId() + '\u0000' + comp;
                long[] net = dealPay.get(key);
                if (net == null) {
                    dealPay.put(key, new long[] {r.pay()[0]});
                    dealPayees.computeIfAbsent(r.c().dealId(), k -> new ArrayList<>(2)).add(key);
                } else {
                    net[0] += r.pay()[0];
                }
                booked.putIfAbsent(r.c().dealId(), r.c().date());
            }
        }
    }

    /** Largest remainder, ties to the earlier part, like Money.allocate; non-negative weights. */
    static long[] largestRemainder(long total, long[] w) {
        long sum = 0;
        for (long x : w) {
            sum += x;
        }
        long[] parts = new long[w.length];
        if (sum == 0) {
            return parts;
        }
        long whole = Math.abs(total);
        long[] rem = new long[w.length];
        long given = 0;
        for (int i = 0; i < w.length; i++) {
            long prod = Math.multiplyExact(whole, w[i]);
            parts[i] = prod / sum;
            rem[i] = prod % sum;
            given += parts[i];
        }
        long left = whole - given;
        if (left > 0) {
            Integer[] order = new Integer[w.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(rem[b], rem[a]));
            for (int k = 0; k < left; k++) {
                parts[order[k]]++;
            }
        }
        if (total < 0) {
            for (int i = 0; i < parts.length; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }
}
