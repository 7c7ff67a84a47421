package io.salesops.forecast.timeseries;

import io.salesops.core.money.Decimals;
import io.salesops.core.problem.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads time series from CSV: long format {@code series,period,value} (one row per series and period, as a BI tool
 * exports bookings) or {@code period,value} for one series named after the file. Period labels are those of
 * {@link TimeSeries#parse(String, List, List)} ({@code 2024-03}, {@code 2024-Q1}, {@code 2024}, ISO dates).
 *
 * <pre>{@code
 * TimeSeries total = TimeSeriesCsv.read(Path.of("bookings.csv"), "Total");
 * ForecastResult next = Forecast.of(total).method(Method.AUTO).horizon(6).run();
 * }</pre>
 *
 * <p>Fields may be quoted ({@code "North, East"}); the file is UTF-8. Every error names the file, line and column.
 * Stateless and thread-safe.
 */
public final class TimeSeriesCsv {
    /** The most rows read from one file: a monthly series of a century has 1,200. */
    static final int MAX_ROWS = 1_000_000;
    /** The longest series name: it is printed on every output line, so a 5 MB cell must not become the name. */
    static final int MAX_NAME = 200;

    private TimeSeriesCsv() {
    }

    /**
     * Every series in the file, in order of first appearance.
     *
     * @param file the CSV file, not null
     * @return the series, at least one
     * @throws IOException            if the file cannot be read
     * @throws InvalidSeriesException naming the file, line and column of the first problem (an unknown header, a
     *                                value that is not a finite number, a gap or duplicate period, no rows)
     */
    public static List<TimeSeries> read(Path file) throws IOException {
        String source = file.toString();
        String fileName = file.getFileName().toString();
        String defaultName = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Map<String, List<String>> periods = new LinkedHashMap<>();
        Map<String, List<Double>> values = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            int seriesCol = -1;
            int periodCol = -1;
            int valueCol = -1;
            String text;
            long line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> fields = fields(text, source, line);
                if (header == null) {
                    header = fields;
                    for (int i = 0; i < fields.size(); i++) {
                        switch (fields.get(i).strip().toLowerCase(Locale.ROOT)) {
                            case "series" -> seriesCol = i;
                            case "period" -> periodCol = i;
                            case "value" -> valueCol = i;
                            default -> throw bad(source, line, i + 1, "", "unknown header \"" + fields.get(i)
                                    + "\"; expected series,period,value or period,value");
                        }
                    }
                    if (periodCol < 0 || valueCol < 0) {
                        throw bad(source, line, 0, "", "the header must name the columns period and value"
                                + " (and optionally series), found " + String.join(",", fields));
                    }
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw bad(source, line, 0, "", fields.size() + " fields but the header has " + header.size());
                }
                if (line > MAX_ROWS) {
                    throw bad(source, line, 0, "", "more than " + MAX_ROWS + " rows; split the file");
                }
                String name = seriesCol < 0 ? defaultName : fields.get(seriesCol).strip();
                if (name.isEmpty()) {
                    throw bad(source, line, seriesCol + 1, "series", "series name is empty");
                }
                if (name.length() > MAX_NAME) {
                    throw bad(source, line, seriesCol + 1, "series", "series name " + io.salesops.core.money.Decimals.quote(name)
                            + " has " + name.length() + " characters; at most " + MAX_NAME);
                }
                String cell = fields.get(valueCol).strip();
                double value;
                try {
                    value = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw bad(source, line, valueCol + 1, "value", Decimals.quote(cell) + " is not a number");
                }
                if (!Double.isFinite(value)) {
                    throw bad(source, line, valueCol + 1, "value", Decimals.quote(cell) + " is not a finite number");
                }
                periods.computeIfAbsent(name, k -> new ArrayList<>()).add(fields.get(periodCol).strip());
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        if (periods.isEmpty()) {
            throw bad(source, 0, 0, "", "no data rows");
        }
        List<TimeSeries> out = new ArrayList<>();
        for (String name : periods.keySet()) {
            try {
                out.add(TimeSeries.parse(name, periods.get(name), values.get(name)));
            } catch (InvalidSeriesException e) {
                throw bad(source, 0, 0, "", e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /**
     * One named series from the file.
     *
     * @param file   the CSV file, not null
     * @param series the series name, as in the {@code series} column
     * @return the series
     * @throws IOException            if the file cannot be read
     * @throws InvalidSeriesException as {@link #read(Path)}, or if the file has no series of that name (the message
     *                                lists those it has)
     */
    public static TimeSeries read(Path file, String series) throws IOException {
        List<TimeSeries> all = read(file);
        return all.stream().filter(s -> s.name().equals(series)).findFirst()
                .orElseThrow(() -> bad(file.toString(), 0, 0, "series", "no series \"" + series + "\"; the file has "
                        + String.join(", ", all.stream().map(TimeSeries::name).toList())));
    }

    /** Splits one CSV line (RFC 4180 quoting within the line; a quoted line break is not supported). */
    private static List<String> fields(String text, String source, long line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw bad(source, line, out.size() + 1, "", "unterminated quoted field");
        }
        out.add(field.toString());
        return out;
    }

    private static InvalidSeriesException bad(String source, long line, int column, String path, String message) {
        return new InvalidSeriesException(new Problem(source, line, column, path, message));
    }
}
