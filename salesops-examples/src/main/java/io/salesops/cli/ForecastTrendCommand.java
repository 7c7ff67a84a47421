package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.salesops.core.money.Decimals;
import io.salesops.forecast.timeseries.BatchForecast;
import io.salesops.forecast.timeseries.Forecast;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.PredictionInterval;
import io.salesops.forecast.timeseries.TimeSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops forecast trend}: forecasts every series of a long-format CSV file
 * ({@code series,period,value}, the series column optional) and prints a table, JSON or CSV, optionally
 * drawing a chart. Bad input prints file, line and column and exits with 1.
 */
@Command(name = "trend", mixinStandardHelpOptions = true,
        description = "Forecast time series (bookings, revenue) from a long-format CSV file: series,period,value.")
public final class ForecastTrendCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, csv }

    @Spec
    private CommandSpec spec;

    @Option(names = "--series", required = true, paramLabel = "FILE",
            description = "CSV with header series,period,value (or period,value); periods like 2024-03, 2024-Q1, 2024 or 2024-03-01.")
    private Path file;

    @Option(names = "--horizon", paramLabel = "N", description = "Periods to forecast (default: 18 months, 8 quarters or 6 years).")
    private Integer horizon;

    @Option(names = "--frequency", paramLabel = "F", description = "1, 4 or 12; detected from the periods when omitted.")
    private Integer frequency;

    @Option(names = "--method", defaultValue = "auto", paramLabel = "METHOD",
            description = "auto, combo, ets, theta, regression, damped, ses, holt, naive, snaive (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--level", split = ",", defaultValue = "80,95", paramLabel = "L",
            description = "Interval levels in percent, comma-separated (default: ${DEFAULT-VALUE}).")
    private List<Double> levels;

    @Option(names = "--format", defaultValue = "table", description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--chart", paramLabel = "FILE.png|FILE.svg",
            description = "Draw history, forecast and interval fans; with several series, one file per series.")
    private Path chart;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Method m = parseMethod(method);
            double[] lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
            if (frequency != null && frequency != 1 && frequency != 4 && frequency != 12) {
                throw new BadInput("--frequency " + frequency + " is not 1, 4 or 12");
            }
            if (chart != null) {
                String c = chart.toString().toLowerCase(Locale.ROOT);
                if (!c.endsWith(".png") && !c.endsWith(".svg")) {
                    throw new BadInput("--chart " + chart + " must end in .png or .svg");
                }
            }
            List<TimeSeries> series = read(file, frequency == null ? 0 : frequency);
            boolean terminal = System.console() != null;
            List<ForecastResult> results;
            try {
                results = BatchForecast.of(series).configure(f -> {
                    Forecast configured = f.method(m).levels(lv);
                    return horizon == null ? configured : configured.horizon(horizon);
                }).onProgress((done, total) -> {
                    if (terminal) {
                        synchronized (err) {
                            err.printf("\rforecasting %d/%d series", done, total);
                            if (done == total) {
                                err.println();
                            }
                            err.flush();
                        }
                    }
                }).run();
            } catch (IllegalArgumentException e) {
                throw new BadInput(file + ": " + e.getMessage());
            }
            switch (format) {
                case csv -> writeCsv(out, results);
                case json -> writeJson(out, results);
                default -> writeTable(out, results);
            }
            out.flush();
            if (chart != null) {
                for (Path p : TrendChart.write(chart, results)) {
                    err.println("chart written to " + p);
                }
            }
            return 0;
        } catch (BadInput e) {
            err.println("salesops: error: " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("salesops: error: " + describe(e));
            return 1;
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException n) {
            return "file not found: " + n.getFile();
        }
        return cause.getMessage();
    }

    /**
     * The method named as on the command line: auto, combo, ets, theta, regression, damped, ses, holt,
     * naive, snaive. Shared with the HTTP server.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Method parseMethod(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "auto" -> Method.AUTO;
            case "combo" -> Method.COMBO;
            case "ets" -> Method.ETS;
            case "theta" -> Method.THETA;
            case "regression" -> Method.REGRESSION;
            case "damped" -> Method.DAMPED;
            case "ses" -> Method.SES;
            case "holt" -> Method.HOLT;
            case "naive" -> Method.NAIVE;
            case "snaive" -> Method.SEASONAL_NAIVE;
            default -> throw new BadInput("--method " + name
                    + " is not one of auto, combo, ets, theta, regression, damped, ses, holt, naive, snaive");
        };
    }

    /** Bad user input: printed without a stack trace, exit code 1. */
    static final class BadInput extends UserInputException {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    /** Reads long-format CSV into series, in order of first appearance. */
    static List<TimeSeries> read(Path file, int frequency) throws IOException {
        Map<String, List<String>> periods = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        int seriesCol = -1;
        int periodCol = -1;
        int valueCol = -1;
        int columns = 0;
        String fileName = file.getFileName().toString();
        String defaultName = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(file)) {
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                if (columns == 0) {
                    columns = rec.getFieldCount();
                    for (int i = 0; i < columns; i++) {
                        switch (rec.getField(i).trim().toLowerCase(Locale.ROOT)) {
                            case "series" -> seriesCol = i;
                            case "period" -> periodCol = i;
                            case "value" -> valueCol = i;
                            default -> throw new BadInput(String.format("%s, line %d, column %d: unknown header %s;"
                                    + " expected series,period,value or period,value", file, line, i + 1,
                                    Decimals.quote(rec.getField(i))));
                        }
                    }
                    if (periodCol < 0 || valueCol < 0) {
                        throw new BadInput(String.format("%s, line %d: header must name the columns period and value"
                                + " (and optionally series), found %s", file, line, String.join(",", rec.getFields())));
                    }
                    continue;
                }
                if (rec.getFieldCount() != columns) {
                    throw new BadInput(String.format("%s, line %d: %d fields but the header has %d",
                            file, line, rec.getFieldCount(), columns));
                }
                String name = seriesCol < 0 ? defaultName : rec.getField(seriesCol).trim();
                if (name.isEmpty()) {
                    throw new BadInput(String.format("%s, line %d, column %d (series): series name is empty",
                            file, line, seriesCol + 1));
                }
                String text = rec.getField(valueCol).trim();
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new BadInput(String.format("%s, line %d, column %d (value): %s is not a number",
                            file, line, valueCol + 1, Decimals.quote(text)));
                }
                if (!Double.isFinite(value)) {
                    throw new BadInput(String.format("%s, line %d, column %d (value): %s is not a finite number",
                            file, line, valueCol + 1, Decimals.quote(text)));
                }
                periods.computeIfAbsent(name, k -> new ArrayList<>()).add(rec.getField(periodCol).trim());
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (CsvParseException e) {
            throw new BadInput(file + ": " + CliErrors.messageOf(e));
        }
        if (periods.isEmpty()) {
            throw new BadInput(file + ": no data rows");
        }
        List<TimeSeries> series = new ArrayList<>();
        for (String name : periods.keySet()) {
            try {
                series.add(TimeSeries.parse(name, frequency, periods.get(name), values.get(name)));
            } catch (IllegalArgumentException e) {
                throw new BadInput(file + ": " + e.getMessage());
            }
        }
        return series;
    }

    static String levelName(double level) {
        return level == Math.rint(level) ? Long.toString((long) level) : Double.toString(level);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void writeCsv(PrintWriter out, List<ForecastResult> results) {
        StringBuilder header = new StringBuilder("series,step,period,forecast");
        for (PredictionInterval p : results.get(0).intervals()) {
            header.append(",lo").append(levelName(p.level())).append(",hi").append(levelName(p.level()));
        }
        out.println(header);
        for (ForecastResult r : results) {
            List<String> periods = r.periods();
            for (int h = 1; h <= r.horizon(); h++) {
                StringBuilder row = new StringBuilder(csvField(r.series().name())).append(',').append(h).append(',')
                        .append(periods.get(h - 1)).append(',').append(num(r.point(h)));
                for (PredictionInterval p : r.intervals()) {
                    row.append(',').append(num(p.lower(h))).append(',').append(num(p.upper(h)));
                }
                out.println(row);
            }
        }
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void writeTable(PrintWriter out, List<ForecastResult> results) {
        for (ForecastResult r : results) {
            out.printf("series %s: %s%n  %s%n", r.series().name(), r.model(), r.explanation());
            StringBuilder head = new StringBuilder(String.format("  %4s  %-8s %14s", "step", "period", "forecast"));
            for (PredictionInterval p : r.intervals()) {
                head.append(String.format(" %14s %14s", "lo" + levelName(p.level()), "hi" + levelName(p.level())));
            }
            out.println(head);
            List<String> periods = r.periods();
            for (int h = 1; h <= r.horizon(); h++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %4d  %-8s %14.2f", h,
                        periods.get(h - 1), r.point(h)));
                for (PredictionInterval p : r.intervals()) {
                    row.append(String.format(Locale.ROOT, " %14.2f %14.2f", p.lower(h), p.upper(h)));
                }
                out.println(row);
            }
            out.println();
        }
    }

    private static void writeJson(PrintWriter out, List<ForecastResult> results) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.println(mapper.writeValueAsString(JsonViews.trend(results)));
    }
}
