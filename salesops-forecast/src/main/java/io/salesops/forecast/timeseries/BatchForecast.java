package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Forecasts many series in parallel with the same settings; results come back in input order, and each
 * result is the same as a single {@link Forecast} of that series would give (the models are
 * deterministic), whatever the number of threads.
 * <pre>{@code
 * List<ForecastResult> all = BatchForecast.of(seriesList)
 *         .configure(f -> f.method(Method.AUTO).horizon(18).levels(80, 95))
 *         .threads(2).run();
 * }</pre>
 *
 * <p>A builder: not thread-safe; the result list is immutable.
 */
public final class BatchForecast {

    /** Receives progress: the number of series done so far and the total. Called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done series finished
         * @param total series in the batch
         */
        void update(int done, int total);
    }

    private final List<TimeSeries> series;
    private UnaryOperator<Forecast> settings = UnaryOperator.identity();
    private int threads = Runtime.getRuntime().availableProcessors();
    private Progress progress = (done, total) -> { };

    private BatchForecast(List<TimeSeries> series) {
        this.series = List.copyOf(series);
    }

    /**
     * @param series the series; not null, no null elements
     * @return a builder using all available processors
     */
    public static BatchForecast of(List<TimeSeries> series) {
        return new BatchForecast(Objects.requireNonNull(series, "series"));
    }

    /**
     * Settings applied to each series' {@link Forecast} (method, horizon, levels, ETS form).
     *
     * @param settings a function that configures and returns the builder; not null
     * @return this builder
     */
    public BatchForecast configure(UnaryOperator<Forecast> settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /**
     * @param count worker threads, at least 1
     * @return this builder
     * @throws IllegalArgumentException if count is below 1
     */
    public BatchForecast threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count " + count + " is below 1");
        }
        this.threads = count;
        return this;
    }

    /**
     * @param listener called after each series; not null
     * @return this builder
     */
    public BatchForecast onProgress(Progress listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Runs all forecasts.
     *
     * @return results in input order
     * @throws InvalidSeriesException for the first series (in input order) that cannot be forecast
     */
    public List<ForecastResult> run() {
        AtomicInteger done = new AtomicInteger();
        int total = series.size();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, total)), r -> {
            Thread t = new Thread(r, "salesops-forecast");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ForecastResult>> futures = new ArrayList<>(total);
            for (TimeSeries s : series) {
                futures.add(pool.submit(() -> {
                    ForecastResult r = settings.apply(Forecast.of(s)).run();
                    progress.update(done.incrementAndGet(), total);
                    return r;
                }));
            }
            List<ForecastResult> results = new ArrayList<>(total);
            for (Future<ForecastResult> f : futures) {
                results.add(f.get());
            }
            return List.copyOf(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch forecast interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
