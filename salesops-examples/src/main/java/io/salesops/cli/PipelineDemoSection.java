package io.salesops.cli;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import io.salesops.examples.sample.SampleCompany;
import io.salesops.forecast.backtest.BacktestReport;
import io.salesops.forecast.backtest.PipelineBacktest;
import io.salesops.forecast.pipeline.ForecastNode;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code salesops demo} section "Pipeline forecast": the current quarter forecast as of the demo's day, with
 * learned probabilities, rolled up the org, simulated ranges, and a backtest of the last four quarters against
 * the run-rate baseline. Stateless and thread-safe.
 */
final class PipelineDemoSection implements DemoSection {

    private static final int SIMULATIONS = 2_000;
    private static final long SEED = 42;

    @Override
    public String title() {
        return "Pipeline forecast";
    }

    @Override
    public void print(DemoContext ctx, PrintWriter out) {
        SampleCompany c = ctx.company();
        Period q = ctx.currentQuarter();
        ForecastReport r = PipelineForecast.of(c.opportunities()).asOf(ctx.asOf()).period(q).stages(c.stageModel())
                .learnedProbabilities().byOwner(c.org()).quotas(c.quotas()).simulations(SIMULATIONS, SEED).run();
        out.printf(Locale.ROOT, "%s as of %s: learned win rates and close timing, rolled up the org; P10-P90 from %,d%n",
                q, ctx.asOf(), SIMULATIONS);
        out.println("seeded simulations. Expected = closed + open deals x P(win) x P(close in quarter) + not yet created.");
        out.println();
        TablePrinter t = TablePrinter.withHeaders("Group", "Closed", "Expected", "Commit fc", "P10", "P90",
                "Quota", "Attain.", "Coverage");
        ForecastNode root = r.root();
        // The company, its leader, and the regional directors under them: three levels of the roll-up.
        row(t, root, "");
        for (ForecastNode leader : root.children()) {
            row(t, leader, "  ");
            for (ForecastNode director : leader.children()) {
                row(t, director, "    ");
            }
        }
        t.print(out, OutputFormat.TABLE);
        out.println("Attain.: closed / quota. Coverage: open pipeline / quota remaining. Commit fc: closed + commit.");
        out.println();

        Period from = ctx.lastClosedQuarter().plus(-3);
        BacktestReport b = PipelineBacktest.of(c.opportunities()).periods(from, ctx.lastClosedQuarter()).by("owner")
                .configure(f -> f.stages(c.stageModel()).learnedProbabilities().org(c.org())).run();
        out.printf(Locale.ROOT, "Backtest %s to %s, each quarter forecast on its first day: total error (MAPE) model %.1f%%,"
                        + "%n  run rate %.1f%%; per-owner WAPE model %.1f%%, run rate %.1f%% (run rate = last quarter's bookings).%n",
                from, ctx.lastClosedQuarter(), 100 * b.modelMape(), 100 * b.runRateMape(),
                100 * b.modelWape(), 100 * b.runRateWape());
    }

    private static void row(TablePrinter t, ForecastNode n, String indent) {
        t.row(indent + n.label(), k(n.closed()), k(n.expected()), k(n.commitForecast()),
                n.p10().map(PipelineDemoSection::k).orElse(""),
                n.p90().map(PipelineDemoSection::k).orElse(""), n.quota().map(PipelineDemoSection::k).orElse(""),
                n.attainment().map(a -> a.value().setScale(1, java.math.RoundingMode.HALF_EVEN) + "%").orElse(""),
                n.coverage().map(x -> x.setScale(2, java.math.RoundingMode.HALF_EVEN) + "x").orElse(""));
    }

    /** Thousands of the currency, rounded half-even: {@code 4,142k}. */
    private static String k(Money m) {
        return String.format(Locale.ROOT, "%,dk", m.amount().divide(java.math.BigDecimal.valueOf(1000))
                .setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    }
}
