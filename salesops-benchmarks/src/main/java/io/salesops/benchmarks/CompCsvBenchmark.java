package io.salesops.benchmarks;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.file.CompInputs;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.file.PlanFormat;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.io.ImportResult;
import io.salesops.io.Transaction;
import io.salesops.io.TransactionCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A quarter of commissions at scale: a 1,000,000-row credits CSV (id, payee, date, amount, currency, type,
 * product, deal_id, status; 2% reversals) for 10,000 payees, read into credits, then calculated with the bundled
 * {@code ae-marginal.yaml} plan (marginal tiers on attainment, an accelerator, a cap). Scores are seconds per
 * run (single shot, since one run takes seconds). Target: seconds, not minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class CompCsvBenchmark {

    static final int ROWS = 1_000_000;
    static final int PAYEES = 10_000;

    private Path file;
    private TransactionCsvReader reader;
    private List<Credit> credits;
    private CompPlan plan;
    private CompContext context;
    private Period quarter;

    /** Writes the CSV and reads it once for the calculation benchmark. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("salesops-comp-bench-", ".csv");
        write(file, ROWS, PAYEES, 7);
        reader = TransactionCsvReader.builder().build();
        credits = read();
        plan = PlanFiles.read(PlanFiles.example("ae-marginal.yaml"), "ae-marginal.yaml", PlanFormat.YAML);
        quarter = FiscalCalendar.calendarYear().parse("2026-Q1");
        List<Rep> reps = new ArrayList<>();
        List<Quota> quotas = new ArrayList<>();
        for (int p = 0; p < PAYEES; p++) {
            reps.add(Rep.of(payee(p), null));
            quotas.add(new Quota(payee(p), quarter, Money.of("2500000.00", "USD")));
        }
        context = CompContext.of(Org.of(reps), Quotas.of(quotas));
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Reads the 1,000,000 rows into credits. */
    @Benchmark
    public List<Credit> readCredits() throws IOException {
        return read();
    }

    /** Calculates the quarter for the 10,000 payees over the 1,000,000 credits. */
    @Benchmark
    public CalculationResult calculateQuarter() {
        CalculationResult r = CommissionEngine.calculate(plan, context, credits, quarter, CompState.empty());
        if (r.statements().size() != PAYEES) {
            throw new IllegalStateException(r.statements().size() + " statements");
        }
        return r;
    }

    /** Both: what {@code salesops comp calculate} does for one quarter. */
    @Benchmark
    public CalculationResult readAndCalculate() throws IOException {
        List<Credit> c = read();
        return CommissionEngine.calculate(plan, context, c, quarter, CompState.empty());
    }

    private List<Credit> read() throws IOException {
        ImportResult<Transaction> r = reader.read(file);
        if (r.records().size() != ROWS) {
            throw new IllegalStateException("read " + r.records().size() + " of " + ROWS + ": " + r.problems());
        }
        return CompInputs.credits(r.records());
    }

    static String payee(int p) {
        return "rep-" + p;
    }

    static void write(Path file, int rows, int payees, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] types = {"new", "new", "upsell", "renewal"};
        String[] products = {"Platform", "Analytics", "Support"};
        LocalDate start = LocalDate.of(2026, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,payee,date,amount,currency,type,product,deal_id,status\n");
            StringBuilder sb = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                sb.setLength(0);
                int p = rnd.nextInt(payees);
                boolean reversal = i > 1000 && rnd.nextInt(50) == 0;
                int deal = reversal ? i - 1 - rnd.nextInt(1000) : i;
                long cents = 100_000 + rnd.nextLong(10_000_000);
                sb.append("T-").append(i).append(',').append(payee(p)).append(',')
                        .append(start.plusDays(rnd.nextInt(90))).append(',')
                        .append(cents / 100).append('.').append(String.format("%02d", cents % 100)).append(",USD,")
                        .append(types[rnd.nextInt(types.length)]).append(',').append(products[rnd.nextInt(products.length)])
                        .append(",D-").append(deal).append(',').append(reversal ? "reversed" : "booked").append('\n');
                w.write(sb.toString());
            }
        }
    }
}
