package io.salesops.benchmarks;

import io.salesops.forecast.timeseries.BatchForecast;
import io.salesops.forecast.timeseries.Forecast;
import io.salesops.forecast.timeseries.ForecastResult;
import io.salesops.forecast.timeseries.Method;
import io.salesops.forecast.timeseries.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to forecast M3 monthly series, 18 steps with 80% and 95% intervals.
 * {@code oneSeries} cycles through the 714 series one call at a time (single thread);
 * {@code allSeries} forecasts the whole development half with a batch on every core (target: under 60 s
 * on 2 cores). Data from {@code <salesops.shared.dir>/data/m3} (default {@code ../shared}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
public class M3Benchmark {

    @Param({"AUTO", "THETA", "ETS"})
    public String method;

    private List<TimeSeries> series;
    private int next;

    /** Loads the M3 data. */
    @Setup(Level.Trial)
    public void load() {
        Path csv = M3Data.sharedDir().resolve("data/m3/m3_monthly_dev.csv");
        if (!Files.exists(csv)) {
            throw new IllegalStateException("M3 data not found at " + csv.toAbsolutePath()
                    + "; run from the project root or set -Dsalesops.shared.dir (fork with -jvmArgs)");
        }
        series = M3Data.load(csv).train();
    }

    /** @return one forecast of the next series in turn */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ForecastResult oneSeries() {
        TimeSeries s = series.get(next++ % series.size());
        return Forecast.of(s).method(Method.valueOf(method)).horizon(18).levels(80, 95).run();
    }

    /** @return forecasts of all 714 series on every available core */
    @Benchmark
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<ForecastResult> allSeries() {
        Method m = Method.valueOf(method);
        return BatchForecast.of(series).configure(f -> f.method(m).horizon(18).levels(80, 95)).run();
    }
}
