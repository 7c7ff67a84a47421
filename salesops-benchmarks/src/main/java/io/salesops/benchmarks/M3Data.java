package io.salesops.benchmarks;

import io.salesops.forecast.timeseries.TimeSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the M3 monthly development half (see /work/shared/data/m3/README.md). Immutable. */
record M3Data(List<TimeSeries> train, List<double[]> test) {

    /** The shared data directory: system property {@code salesops.shared.dir}, else {@code ../shared}. */
    static Path sharedDir() {
        return Path.of(System.getProperty("salesops.shared.dir", "../shared"));
    }

    static M3Data load(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read M3 data " + csv.toAbsolutePath(), e);
        }
        List<TimeSeries> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            int frequency = Integer.parseInt(f[2]);
            int startPeriod = Math.max(1, Integer.parseInt(f[4]));
            train.add(TimeSeries.of(f[0], frequency, Integer.parseInt(f[3]), startPeriod, numbers(f[6])));
            test.add(numbers(f[7]));
        }
        return new M3Data(List.copyOf(train), List.copyOf(test));
    }

    private static double[] numbers(String field) {
        return Arrays.stream(field.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
