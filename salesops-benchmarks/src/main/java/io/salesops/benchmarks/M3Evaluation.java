package io.salesops.benchmarks;

import io.salesops.forecast.timeseries.BatchForecast;
import io.salesops.forecast.timeseries.ForecastMetrics;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Forecasts every series of the M3 monthly development half (18 steps) and prints sMAPE, MASE,
 * 80%/95% interval coverage and wall time.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.salesops.benchmarks.M3Evaluation [METHOD ...] [--threads N]}
 * with the data read from {@code <salesops.shared.dir>/data/m3/m3_monthly_dev.csv} (default {@code ../shared}).
 */
public final class M3Evaluation {

    private M3Evaluation() {
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /**
     * @param args method names (default AUTO), optionally {@code --threads N} and {@code --limit N}
     * @throws Exception if the data cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path csv = M3Data.sharedDir().resolve("data/m3/m3_monthly_dev.csv");
        if (!Files.exists(csv)) {
            System.err.println("M3 data not found at " + csv.toAbsolutePath() + " (set -Dsalesops.shared.dir)");
            System.exit(1);
        }
        M3Data data = M3Data.load(csv);
        int threads = Runtime.getRuntime().availableProcessors();
        int limit = data.train().size();
        List<String> methods = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--limit")) {
                limit = Integer.parseInt(args[++i]);
            } else {
                methods.add(args[i].toUpperCase(Locale.ROOT));
            }
        }
        if (methods.isEmpty()) {
            methods.add("AUTO");
        }
        System.out.printf(Locale.ROOT, "M3 monthly dev half: %d series, horizon 18, %d threads%n", limit, threads);
        System.out.printf(Locale.ROOT, "%-15s %8s %8s %8s %8s %9s %9s%n", "method", "sMAPE", "MASE", "cov80", "cov95", "wall s",
                "cpu s");
        for (String name : methods) {
            Method method = Method.valueOf(name);
            List<TimeSeries> series = data.train().subList(0, limit);
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            List<ForecastResult> results = BatchForecast.of(series)
                    .configure(f -> f.method(method).horizon(18).levels(80, 95))
                    .threads(threads).run();
            double seconds = (System.nanoTime() - start) / 1e9;
            // CPU time shows the cost even when other processes share the cores.
            double cpu = (cpuNanos() - cpuStart) / 1e9;
            double smape = 0;
            double mase = 0;
            double cov80 = 0;
            double cov95 = 0;
            for (int i = 0; i < limit; i++) {
                double[] actual = data.test().get(i);
                ForecastResult r = results.get(i);
                double[] f = r.points();
                smape += ForecastMetrics.smape(actual, f);
                mase += ForecastMetrics.mase(actual, f, series.get(i).values(), 12);
                cov80 += ForecastMetrics.coverage(actual, r.interval(80).lower(), r.interval(80).upper());
                cov95 += ForecastMetrics.coverage(actual, r.interval(95).lower(), r.interval(95).upper());
            }
            System.out.printf(Locale.ROOT, "%-15s %8.3f %8.3f %8.1f %8.1f %9.2f %9.2f%n", name, smape / limit,
                    mase / limit, 100 * cov80 / limit, 100 * cov95 / limit, seconds, cpu);
        }
    }
}
