package io.salesops.examples;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.file.PlanFiles;
import io.salesops.comp.input.CompContext;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.examples.sample.PlanInputs;
import io.salesops.examples.sample.SampleCompany;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.timeseries.Forecast;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.TimeSeries;
import io.salesops.io.OpportunityCsvReader;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.QuotaCsvReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's quick start, runnable: read a CRM export, forecast the quarter, forecast bookings, pay
 * commissions. Runs on the sample company's CSV files. Run it with
 * {@code java -cp salesops.jar io.salesops.examples.QuickStartExample}.
 */
public final class QuickStartExample {
    private QuickStartExample() {
    }

    /** Prints the example to standard output. @param args ignored */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("salesops-quickstart");
        SampleCompany.get().writeCsv(dir);
        run(dir, System.out);
    }

    /**
     * Runs the quick start on the sample CSV files in {@code dir} and prints what it found.
     *
     * @param dir a directory with the files {@link SampleCompany#writeCsv(Path)} writes, not null
     * @param out where to print, not null
     * @throws IOException if a file cannot be read
     */
    public static void run(Path dir, PrintStream out) throws IOException {
        FiscalCalendar calendar = FiscalCalendar.calendarYear();
        Period q2 = calendar.parse("2026-Q2");
        Org org = Org.of(OrgCsvReader.builder().build().read(dir.resolve("org.csv")).records());
        Quotas quotas = Quotas.of(QuotaCsvReader.builder().build().read(dir.resolve("quotas.csv")).records());

        // The README's lines, as they are there.
        List<Opportunity> opps = OpportunityCsvReader.builder().build()
                .read(dir.resolve("opportunities.csv"), dir.resolve("stage_history.csv")).records();
        ForecastReport forecast = PipelineForecast.of(opps).asOf(LocalDate.of(2026, 5, 15)).period(q2)
                .learnedProbabilities().byOwner(org).quotas(quotas).simulations(10_000, 42).run();
        ForecastResult next = Forecast.of(monthlyTotal(opps)).method(Method.AUTO).horizon(6).levels(80, 95).run();
        Org payees = PlanInputs.payees(org, quotas, q2.previous());
        CalculationResult pay = CommissionEngine.calculate(
                PlanFiles.read(PlanFiles.example("ae-marginal.yaml"), "ae-marginal.yaml", io.salesops.comp.file.PlanFormat.YAML),
                CompContext.of(payees, quotas), PlanInputs.credits(opps, q2.previous(), payees), q2.previous(), CompState.empty());

        out.println("Q2 expected bookings " + forecast.root().expected() + ", P10-P90 " + forecast.root().p10().orElseThrow()
                + " to " + forecast.root().p90().orElseThrow());
        out.println("next month's bookings " + Math.round(next.point(1)) + " (" + next.model() + ")");
        out.println(pay.statements().size() + " statements for " + q2.previous() + ", first: "
                + pay.statements().get(0).payeeId() + " " + pay.statements().get(0).netPay());
    }

    /** Monthly won amounts up to the last full month before the sample's as-of date. */
    static TimeSeries monthlyTotal(List<Opportunity> opps) {
        java.util.TreeMap<String, Double> byMonth = new java.util.TreeMap<>();
        for (String m = "2023-10"; m.compareTo("2026-04") <= 0; m = nextMonth(m)) {
            byMonth.put(m, 0.0);
        }
        for (Opportunity o : opps) {
            if (o.isWon()) {
                String m = o.closeDate().toString().substring(0, 7);
                byMonth.computeIfPresent(m, (k, v) -> v + o.amount().amount().doubleValue());
            }
        }
        return TimeSeries.parse("Total", 12, new ArrayList<>(byMonth.keySet()), new ArrayList<>(byMonth.values()));
    }

    private static String nextMonth(String m) {
        return java.time.YearMonth.parse(m).plusMonths(1).toString();
    }
}
