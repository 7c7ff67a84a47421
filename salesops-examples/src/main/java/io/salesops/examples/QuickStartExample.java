package io.salesops.examples;

import io.salesops.comp.Commissions;
import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.input.CreditRules;
import io.salesops.comp.statement.Statement;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.forecast.pipeline.DealForecast;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.timeseries.Forecast;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.TimeSeries;
import io.salesops.forecast.timeseries.TimeSeriesCsv;
import io.salesops.io.ColumnMapping;
import io.salesops.io.OpportunityCsvReader;
import io.salesops.io.OrgCsvReader;
import io.salesops.io.QuotaCsvReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Reads a CRM export, forecasts the quarter and the next months' bookings, and pays Q1's commissions. */
public final class QuickStartExample {
    public static void main(String[] args) throws IOException {
        // The sample company's exports and AE plan in the salesops repository; pass your own paths instead.
        Path dir = Path.of(args.length > 0 ? args[0] : "salesops-examples/src/main/resources/sample");
        Path plan = Path.of(args.length > 1 ? args[1] : "docs/examples/comp/ae-marginal.yaml");
        FiscalCalendar calendar = FiscalCalendar.calendarYear();

        // The sample's headers are salesops's own names (ColumnMapping.NONE); a Salesforce report export would
        // take ColumnMapping.SALESFORCE. Read the stage history too: without it the forecast cannot learn how
        // deals move through the stages, falls back to the stage model's probabilities and says so in assumptions().
        Org org = Org.of(OrgCsvReader.builder().build().read(dir.resolve("org.csv")).records());
        Quotas quotas = Quotas.of(QuotaCsvReader.builder().build().read(dir.resolve("quotas.csv")).records());
        List<Opportunity> opps = OpportunityCsvReader.builder().mapping(ColumnMapping.NONE).build()
                .read(dir.resolve("opportunities.csv"), dir.resolve("stage_history.csv")).records();

        // 1. What will the open pipeline book in Q2, as of May 15?
        ForecastReport q2 = PipelineForecast.of(opps).asOf(LocalDate.of(2026, 5, 15)).period(calendar.parse("2026-Q2"))
                .learnedProbabilities().byOwner(org).quotas(quotas).simulations(10_000, 42).run();
        System.out.println("Q2 expected bookings " + q2.root().expected() + ", P10-P90 "
                + q2.root().p10().orElseThrow() + " to " + q2.root().p90().orElseThrow());
        System.out.println(q2.deal("OPP-07243").map(DealForecast::explain).orElse("OPP-07243 is not in the Q2 pipeline"));
        q2.assumptions().forEach(a -> System.out.println("assumption: " + a));

        // 2. Total monthly bookings for the next six months, with 80% and 95% intervals.
        TimeSeries monthly = TimeSeriesCsv.read(dir.resolve("bookings.csv"), "Total");
        ForecastResult next = Forecast.of(monthly).method(Method.AUTO).horizon(6).levels(80, 95).run();
        System.out.println("next month's bookings " + Math.round(next.point(1)) + " (" + next.model() + ")");

        // 3. Q1 commissions on the AE plan: won deals become credits (the CRM's "expansion" is the plan's "upsell");
        //    the payees are the reps with a quota, so managers without one are not paid by this plan.
        CalculationResult pay = Commissions.plan(plan).org(org).quotas(quotas)
                .wonDeals(opps, CreditRules.standard().withType("expansion", "upsell"))
                .calculate(calendar.parse("2026-Q1"));
        Statement first = pay.statements().get(0);
        System.out.println(pay.statements().size() + " statements for 2026-Q1, first: " + first.payeeId() + " "
                + first.netPay());
    }
}
