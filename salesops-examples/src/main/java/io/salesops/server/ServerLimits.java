package io.salesops.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one request, and one client, may ask of a {@link SalesopsServer}. Requests past a limit are refused with a
 * problem document (413 for bodies, 400 for counts, 408 for slow bodies, 503 when saturated) instead of being
 * computed; a client too slow to finish its request headers is disconnected. Immutable and thread-safe.
 *
 * @param maxBodyBytes       largest request body, in bytes
 * @param maxOpportunities   most opportunities in one request
 * @param maxSeries          most series in one trend request
 * @param maxSimulations     most Monte Carlo simulations in one request
 * @param maxCredits         most credits in one commission request
 * @param requestTimeout     how long a request may compute before it is abandoned with 503
 * @param maxConcurrent      requests computed at once; more wait in a bounded queue, then get 503
 * @param headerTimeout      how long a client may take to send a request's headers before it is disconnected
 * @param bodyTimeout        how long a client may take to send a request body before it gets 408
 * @param minBodyBytesPerSecond the slowest a body may arrive, averaged from the first second on, before 408
 * @param maxConnections     open connections at most; past it the server stops accepting until some close
 */
public record ServerLimits(long maxBodyBytes, int maxOpportunities, int maxSeries, int maxSimulations,
                           int maxCredits, Duration requestTimeout, int maxConcurrent, Duration headerTimeout,
                           Duration bodyTimeout, long minBodyBytesPerSecond, int maxConnections) {

    /** The most Monte Carlo simulations in one request by default; the CLI applies the same cap. */
    public static final int DEFAULT_MAX_SIMULATIONS = 100_000;

    /** Validates the limits. @throws IllegalArgumentException naming a limit that is not positive */
    public ServerLimits {
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxOpportunities", maxOpportunities);
        positive("maxSeries", maxSeries);
        positive("maxSimulations", maxSimulations);
        positive("maxCredits", maxCredits);
        positive("maxConcurrent", maxConcurrent);
        positive("minBodyBytesPerSecond", minBodyBytesPerSecond);
        positive("maxConnections", maxConnections);
        positive("requestTimeout", requestTimeout);
        positive("headerTimeout", headerTimeout);
        positive("bodyTimeout", bodyTimeout);
    }

    /**
     * The defaults: 32 MiB bodies, 200,000 opportunities, 2,000 series, 100,000 simulations, 1,000,000
     * credits, 30 s per request, as many concurrent computations as processors; headers within 10 s, a body
     * within 60 s and at 4 KiB/s at least; 2,000 connections.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(32L << 20, 200_000, 2_000, DEFAULT_MAX_SIMULATIONS, 1_000_000, Duration.ofSeconds(30),
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10), Duration.ofSeconds(60), 4096, 2_000);
    }

    /** @return a copy with another body limit */
    public ServerLimits withMaxBodyBytes(long bytes) {
        return new ServerLimits(bytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, requestTimeout,
                maxConcurrent, headerTimeout, bodyTimeout, minBodyBytesPerSecond, maxConnections);
    }

    /** @return a copy with another opportunity limit */
    public ServerLimits withMaxOpportunities(int n) {
        return new ServerLimits(maxBodyBytes, n, maxSeries, maxSimulations, maxCredits, requestTimeout,
                maxConcurrent, headerTimeout, bodyTimeout, minBodyBytesPerSecond, maxConnections);
    }

    /** @return a copy with another timeout */
    public ServerLimits withRequestTimeout(Duration timeout) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, timeout,
                maxConcurrent, headerTimeout, bodyTimeout, minBodyBytesPerSecond, maxConnections);
    }

    /** @return a copy with another simulation limit */
    public ServerLimits withMaxSimulations(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, n, maxCredits, requestTimeout,
                maxConcurrent, headerTimeout, bodyTimeout, minBodyBytesPerSecond, maxConnections);
    }

    /** @return a copy with another credit limit */
    public ServerLimits withMaxCredits(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, n, requestTimeout,
                maxConcurrent, headerTimeout, bodyTimeout, minBodyBytesPerSecond, maxConnections);
    }

    /** @return a copy with another number of concurrent computations (the queue holds 8 per computation) */
    public ServerLimits withMaxConcurrent(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, requestTimeout,
                n, headerTimeout, bodyTimeout, minBodyBytesPerSecond, maxConnections);
    }

    /** @return a copy with other limits on slow clients: header and body deadlines and the slowest body rate */
    public ServerLimits withSlowClientLimits(Duration headers, Duration body, long minBytesPerSecond) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, requestTimeout,
                maxConcurrent, headers, body, minBytesPerSecond, maxConnections);
    }

    /** @return a copy with another connection limit */
    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, requestTimeout,
                maxConcurrent, headerTimeout, bodyTimeout, minBodyBytesPerSecond, n);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + v);
        }
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
    }
}
