package io.salesops.cli;

import io.salesops.core.money.Money;
import io.salesops.examples.sample.SampleCompany;
import io.salesops.forecast.timeseries.Accuracy;
import io.salesops.forecast.timeseries.Backtest;
import io.salesops.forecast.timeseries.BatchForecast;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.PredictionInterval;
import io.salesops.forecast.timeseries.TimeSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code salesops demo} section "Bookings trend": the monthly bookings of each region and the total, forecast
 * six months ahead with the {@code auto} method and 80% intervals, a rolling-origin backtest of the total, and
 * a fan chart of the total when the context names a chart file. Stateless and thread-safe.
 */
final class TrendDemoSection implements DemoSection {

    private static final int HORIZON = 6;

    @Override
    public String title() {
        return "Bookings trend";
    }

    @Override
    public void print(DemoContext ctx, PrintWriter out) {
        SampleCompany c = ctx.company();
        List<TimeSeries> series = new ArrayList<>();
        for (Map.Entry<String, SortedMap<LocalDate, Money>> e : c.monthlyBookings().entrySet()) {
            List<String> periods = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            e.getValue().forEach((month, amount) -> {
                periods.add(String.format(Locale.ROOT, "%04d-%02d", month.getYear(), month.getMonthValue()));
                values.add(amount.amount().doubleValue());
            });
            series.add(TimeSeries.parse(e.getKey(), 12, periods, values));
        }
        List<ForecastResult> results = BatchForecast.of(series)
                .configure(f -> f.method(Method.AUTO).horizon(HORIZON).levels(80)).run();
        ForecastResult first = results.get(0);
        out.printf(Locale.ROOT, "Monthly bookings %s to %s, forecast %d months ahead (auto: mean of ETS, Theta and%n",
                first.series().periodLabel(0), first.series().periodLabel(first.series().size() - 1), HORIZON);
        out.println("damped trend); each cell is the forecast and its 80% interval, in thousands.");
        out.println();
        List<String> headers = new ArrayList<>(List.of("Month"));
        results.forEach(r -> headers.add(r.series().name()));
        TablePrinter t = TablePrinter.withHeaders(headers.toArray(new String[0]));
        for (int h = 1; h <= HORIZON; h++) {
            List<Object> row = new ArrayList<>(List.of(first.periods().get(h - 1)));
            for (ForecastResult r : results) {
                PredictionInterval p = r.interval(80);
                row.add(String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", r.point(h) / 1000,
                        Math.max(0, p.lower(h)) / 1000, p.upper(h) / 1000));
            }
            t.row(row.toArray());
        }
        t.print(out, OutputFormat.TABLE);
        TimeSeries total = series.stream().filter(s -> s.name().equals(SampleCompany.TOTAL_SERIES)).findFirst()
                .orElse(series.get(series.size() - 1));
        Accuracy a = Backtest.of(total).method(Method.AUTO).horizon(3).origins(6).levels(80).run().accuracy();
        out.printf(Locale.ROOT, "Backtest of %s, 6 origins x 3 months: sMAPE %.1f%%, MASE %.2f, 80%% interval covered %.0f%%.%n",
                total.name(), a.smape(), a.mase(), 100 * a.coverage().getOrDefault(80.0, Double.NaN));
        if (ctx.chart() != null) {
            ForecastResult totalForecast = results.stream().filter(r -> r.series() == total).findFirst().orElseThrow();
            try {
                Path dir = ctx.chart().toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                TrendChart.write(ctx.chart(), List.of(totalForecast));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write chart " + ctx.chart() + ": " + e.getMessage(), e);
            }
            out.println("Chart of the total's history, forecast and intervals: " + ctx.chart());
        }
    }
}
