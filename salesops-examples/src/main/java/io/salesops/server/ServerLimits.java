package io.salesops.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one request may ask of a {@link SalesopsServer}. Requests past a limit are refused with a problem
 * document (413 for bodies, 400 for counts) instead of being computed. Immutable and thread-safe.
 *
 * @param maxBodyBytes       largest request body, in bytes
 * @param maxOpportunities   most opportunities in one request
 * @param maxSeries          most series in one trend request
 * @param maxSimulations     most Monte Carlo simulations in one request
 * @param maxCredits         most credits in one commission request
 * @param requestTimeout     how long a request may compute before it is abandoned with 503
 * @param maxConcurrent      requests computed at once; more wait in a bounded queue, then get 503
 */
public record ServerLimits(long maxBodyBytes, int maxOpportunities, int maxSeries, int maxSimulations,
                           int maxCredits, Duration requestTimeout, int maxConcurrent) {

    /** Validates the limits. @throws IllegalArgumentException naming a limit that is not positive */
    public ServerLimits {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxOpportunities", maxOpportunities);
        positive("maxSeries", maxSeries);
        positive("maxSimulations", maxSimulations);
        positive("maxCredits", maxCredits);
        positive("maxConcurrent", maxConcurrent);
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, not " + requestTimeout);
        }
    }

    /**
     * The defaults: 32 MiB bodies, 200,000 opportunities, 2,000 series, 100,000 simulations, 1,000,000
     * credits, 30 s per request, as many concurrent computations as processors.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(32L << 20, 200_000, 2_000, 100_000, 1_000_000, Duration.ofSeconds(30),
                Runtime.getRuntime().availableProcessors());
    }

    /** @return a copy with another body limit */
    public ServerLimits withMaxBodyBytes(long bytes) {
        return new ServerLimits(bytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, requestTimeout, maxConcurrent);
    }

    /** @return a copy with another opportunity limit */
    public ServerLimits withMaxOpportunities(int n) {
        return new ServerLimits(maxBodyBytes, n, maxSeries, maxSimulations, maxCredits, requestTimeout, maxConcurrent);
    }

    /** @return a copy with another timeout */
    public ServerLimits withRequestTimeout(Duration timeout) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, timeout, maxConcurrent);
    }

    /** @return a copy with another simulation limit */
    public ServerLimits withMaxSimulations(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, n, maxCredits, requestTimeout, maxConcurrent);
    }

    /** @return a copy with another credit limit */
    public ServerLimits withMaxCredits(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, n, requestTimeout, maxConcurrent);
    }

    /** @return a copy with another number of concurrent computations (the queue holds 8 per computation) */
    public ServerLimits withMaxConcurrent(int n) {
        return new ServerLimits(maxBodyBytes, maxOpportunities, maxSeries, maxSimulations, maxCredits, requestTimeout, n);
    }

    private static void positive(String name, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + v);
        }
    }
}
