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
 * <p>An immutable value in the java.time style: every configuring call returns a <em>new</em>
 * {@code BatchForecast} and leaves the receiver unchanged, so a call whose result is ignored has no
 * effect and a shared base can be reused. Thread-safe as long as the settings function and the
 * progress listener are; the result list is immutable.
 */
public final class BatchForecast {

    /** Receives progress: the number of series done so far and the total. Called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        /**
         * Reports that one more series is done.
         *
         * @param done series finished
         * @param total series in the batch
         */
        void update(int done, int total);
    }

    private static final Progress SILENT = (done, total) -> { };

    private final List<TimeSeries> series;
    private final UnaryOperator<Forecast> settings;
    private final int threads;
    private final Progress progress;

    private BatchForecast(List<TimeSeries> series, UnaryOperator<Forecast> settings, int threads, Progress progress) {
        this.series = series;
        this.settings = settings;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Starts a batch over {@code series} with default {@link Forecast} settings.
     *
     * @param series the series; not null, no null elements; copied
     * @return a batch using all available processors
     */
    public static BatchForecast of(List<TimeSeries> series) {
        return new BatchForecast(List.copyOf(Objects.requireNonNull(series, "series")), UnaryOperator.identity(),
                Runtime.getRuntime().availableProcessors(), SILENT);
    }

    /**
     * Returns a copy whose settings are applied to each series' {@link Forecast} (method, horizon,
     * levels, ETS form). {@code Forecast} is immutable, so the function must <em>return</em> the
     * configured forecast, as {@code f -> f.horizon(18)} does; it replaces any earlier settings.
     *
     * @param settings a function from the default forecast of a series to the one to run; not null,
     *     must not return null
     * @return a new batch with these settings; this one is unchanged
     */
    public BatchForecast configure(UnaryOperator<Forecast> settings) {
        return new BatchForecast(series, Objects.requireNonNull(settings, "settings"), threads, progress);
    }

    /**
     * Returns a copy that runs on another number of worker threads.
     *
     * @param count worker threads, at least 1
     * @return a new batch with this thread count; this one is unchanged
     * @throws IllegalArgumentException if count is below 1
     */
    public BatchForecast threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count " + count + " is below 1");
        }
        return new BatchForecast(series, settings, count, progress);
    }

    /**
     * Returns a copy that reports progress to {@code listener}.
     *
     * @param listener called after each series; not null
     * @return a new batch with this listener; this one is unchanged
     */
    public BatchForecast onProgress(Progress listener) {
        return new BatchForecast(series, settings, threads, Objects.requireNonNull(listener, "listener"));
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
                    Forecast configured = Objects.requireNonNull(settings.apply(Forecast.of(s)),
                            "configure(...) returned null for series " + s.name());
                    ForecastResult r = configured.run();
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
