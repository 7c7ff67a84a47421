package io.salesops.server.internal;

import io.salesops.server.ProblemException;
import io.salesops.server.ServerLimits;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a request body with servlet non-blocking input, so that a client sending one byte every ten seconds
 * holds a connection but no thread. The body is refused with 413 past {@link ServerLimits#maxBodyBytes()}
 * (counted as it arrives, so chunked bodies are bounded too) and with 408 when it arrives slower than
 * {@link ServerLimits#minBodyBytesPerSecond()} or not within {@link ServerLimits#bodyTimeout()}.
 *
 * <p>Thread-safe: the container's read callbacks and the timer's checks may run on different threads; the
 * outcome is decided once, by whichever completes the future first.
 */
public final class BodyReader implements ReadListener {

    /** The rate is judged only after this much time, so that a connection's first round trips do not count. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServletInputStream in;
    private final ServerLimits limits;
    private final long start = System.nanoTime();
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private final ByteArrayOutputStream out;
    private final byte[] buf = new byte[16 * 1024];
    private volatile long total;
    private volatile ScheduledFuture<?> check;

    private BodyReader(ServletInputStream in, ServerLimits limits, long declared) {
        this.in = in;
        this.limits = limits;
        this.out = new ByteArrayOutputStream((int) Math.max(32, Math.min(declared, 1 << 20)));
    }

    /**
     * Starts reading the body of {@code req}, whose asynchronous processing must have started.
     *
     * @return the body's bytes; or completed exceptionally with a {@link ProblemException}
     */
    public static CompletableFuture<byte[]> read(HttpServletRequest req, ServerLimits limits,
                                                 ScheduledExecutorService timer) {
        long declared = req.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            return CompletableFuture.failedFuture(tooLarge(limits, declared));
        }
        BodyReader r;
        try {
            r = new BodyReader(req.getInputStream(), limits, declared);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ProblemException(400, "Bad Request",
                    "the request body cannot be read: " + e.getMessage(), List.of()));
        }
        r.check = timer.scheduleAtFixedRate(r::checkPace, 1, 1, TimeUnit.SECONDS);
        r.done.whenComplete((b, t) -> r.check.cancel(false));
        r.in.setReadListener(r);
        return r.done;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!done.isDone() && in.isReady()) {
            int n = in.read(buf);
            if (n < 0) {
                return;
            }
            long t = total + n;
            if (t > limits.maxBodyBytes()) {
                done.completeExceptionally(tooLarge(limits, t));
                return;
            }
            out.write(buf, 0, n);
            total = t;
        }
    }

    @Override
    public void onAllDataRead() {
        done.complete(out.toByteArray());
    }

    @Override
    public void onError(Throwable t) {
        String what = t instanceof java.util.concurrent.TimeoutException ? "stalled" : "failed";
        done.completeExceptionally(new ProblemException(408, "Request Timeout", "the request body " + what
                + " after " + total + " bytes; send the whole body promptly", List.of()));
    }

    private void checkPace() {
        if (done.isDone()) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        long got = total;
        if (elapsed > limits.bodyTimeout().toNanos()) {
            done.completeExceptionally(new ProblemException(408, "Request Timeout", "the request body did not arrive"
                    + " within " + limits.bodyTimeout().toSeconds() + " s (" + got + " bytes came)", List.of()));
        } else if (elapsed > GRACE_NANOS
                && got < limits.minBodyBytesPerSecond() * ((elapsed - GRACE_NANOS) / (double) TimeUnit.SECONDS.toNanos(1))) {
            done.completeExceptionally(new ProblemException(408, "Request Timeout", "the request body arrives too slowly: "
                    + got + " bytes in " + TimeUnit.NANOSECONDS.toMillis(elapsed) + " ms, below the minimum of "
                    + limits.minBodyBytesPerSecond() + " bytes per second", List.of()));
        }
    }

    private static ProblemException tooLarge(ServerLimits limits, long bytes) {
        return new ProblemException(413, "Content Too Large", "the request body has more than "
                + limits.maxBodyBytes() + " bytes (" + bytes + " seen); split the request", List.of());
    }
}
