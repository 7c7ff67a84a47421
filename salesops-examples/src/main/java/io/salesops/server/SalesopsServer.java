package io.salesops.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.salesops.core.problem.SalesopsInputException;
import io.salesops.server.internal.Endpoint;
import io.salesops.server.internal.Endpoints;
import io.salesops.server.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * salesops over HTTP/JSON: forecasts, KPIs, backtests, trend forecasts, regression and commissions for
 * CRMs that are not on the JVM.
 *
 * <pre>{@code
 * try (SalesopsServer server = SalesopsServer.create(ServerLimits.defaults()).start("127.0.0.1", 8080)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Every endpoint takes and returns JSON with the same field names as the CLI's {@code --format json}.
 * Every error is an RFC 9457 problem document: 400 for bad input (naming each field by JSON pointer), 404,
 * 413 for bodies over {@link ServerLimits#maxBodyBytes()}, 415 for a content type other than JSON, 503
 * when a request times out or the server is saturated; never a stack trace. The server keeps no state
 * between requests, so concurrent requests get the same answers as sequential ones.
 *
 * <p>Thread-safe. {@link #close()} stops it.
 */
public final class SalesopsServer implements AutoCloseable {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final ServerLimits limits;
    private final List<Endpoint<?>> endpoints;
    private final ThreadPoolExecutor compute;
    private Javalin app;

    private SalesopsServer(ServerLimits limits) {
        this.limits = limits;
        this.endpoints = Endpoints.all(limits);
        AtomicInteger n = new AtomicInteger();
        this.compute = new ThreadPoolExecutor(limits.maxConcurrent(), limits.maxConcurrent(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.maxConcurrent() * 8), r -> {
                    Thread t = new Thread(r, "salesops-compute-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A server with the given limits, not yet started. */
    public static SalesopsServer create(ServerLimits limits) {
        return new SalesopsServer(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Starts listening.
     *
     * @param host the address to bind, e.g. {@code 127.0.0.1} (loopback only) or {@code 0.0.0.0}
     * @param port the port, or 0 for any free port (see {@link #port()})
     * @return this server
     * @throws IllegalStateException if it is already started or the port cannot be bound
     */
    public synchronized SalesopsServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("server already started on port " + port());
        }
        Javalin j = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            // No graceful drain: the server is stateless, and idle keep-alive clients would otherwise stall close().
            config.jetty.modifyServer(server -> server.setStopTimeout(0));
        });
        for (Endpoint<?> e : endpoints) {
            j.post(e.path(), ctx -> serve(ctx, e));
        }
        j.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        j.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        j.exception(ProblemException.class, (e, ctx) -> problem(ctx, e));
        j.exception(Exception.class, (e, ctx) -> problem(ctx, internal(e)));
        j.error(404, ctx -> {
            if (!PROBLEM_JSON.equals(ctx.res().getContentType())) {
                problem(ctx, new ProblemException(404, "Not Found", "no endpoint " + ctx.method() + " " + ctx.path()
                        + "; see /openapi.json", List.of()));
            }
        });
        j.error(405, ctx -> problem(ctx, new ProblemException(405, "Method Not Allowed",
                ctx.method() + " is not allowed on " + ctx.path(), List.of())));
        try {
            j.start(host, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        app = j;
        return this;
    }

    /** @return the bound port; throws {@link IllegalStateException} if not started */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("server not started");
        }
        return app.port();
    }

    /** @return the paths of the POST endpoints, in order */
    public List<String> endpointPaths() {
        return endpoints.stream().map(Endpoint::path).toList();
    }

    /** Stops the server and its compute threads. */
    @Override
    public synchronized void close() {
        if (app != null) {
            app.stop();
            app = null;
        }
        compute.shutdownNow();
    }

    private void serve(Context ctx, Endpoint<?> endpoint) {
        String type = ctx.contentType();
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json") && !mime.endsWith("+json")) {
            throw new ProblemException(415, "Unsupported Media Type", "content type \"" + (type == null ? "" : type)
                    + "\" is not supported; send application/json", List.of());
        }
        byte[] body = readBounded(ctx);
        Object request = Json.read(body, endpoint.requestType());
        Future<Object> result;
        try {
            result = compute.submit(() -> endpoint.handle(request));
        } catch (RejectedExecutionException e) {
            ctx.header("Retry-After", "1");
            throw new ProblemException(503, "Service Unavailable", "the server is busy with "
                    + limits.maxConcurrent() + " computations and a full queue; retry shortly", List.of());
        }
        Object value;
        try {
            value = result.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ProblemException(503, "Service Unavailable", "the request did not finish within "
                    + limits.requestTimeout().toMillis() + " ms and was abandoned; send less work", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Service Unavailable", "the server is stopping", List.of());
        } catch (CancellationException e) {
            throw new ProblemException(503, "Service Unavailable", "the request was cancelled", List.of());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException p) {
                throw p;
            }
            if (cause instanceof SalesopsInputException bad) {
                // The one error model: the user's input is wrong, every problem becomes a located field error.
                List<ProblemException.FieldError> errors = bad.problems().stream()
                        .map(p -> new ProblemException.FieldError(p.path().isEmpty() ? "" : "/" + p.path(), p.toString()))
                        .toList();
                throw new ProblemException(400, "Bad Request", bad.getMessage(), errors);
            }
            if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException
                    || cause instanceof java.util.NoSuchElementException || cause instanceof java.time.DateTimeException) {
                throw new ProblemException(400, "Bad Request", cause.getMessage(), List.of());
            }
            throw internal(cause);
        }
        try {
            ctx.contentType("application/json").result(Json.mapper().writeValueAsBytes(value));
        } catch (IOException e) {
            throw internal(e);
        }
    }

    private byte[] readBounded(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            throw tooLarge(declared);
        }
        // Chunked bodies declare no length: count while reading, so no body past the limit is ever held.
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 1 << 20)));
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limits.maxBodyBytes()) {
                    throw tooLarge(total);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProblemException tooLarge(long bytes) {
        return new ProblemException(413, "Content Too Large", "the request body has more than "
                + limits.maxBodyBytes() + " bytes (" + bytes + " seen); split the request", List.of());
    }

    private static ProblemException internal(Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        System.err.println("salesops-server: internal error " + incident + ": " + e);
        return new ProblemException(500, "Internal Server Error", "internal error " + incident
                + "; the request was not completed", List.of());
    }

    private static void problem(Context ctx, ProblemException e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "about:blank");
        doc.put("title", e.title());
        doc.put("status", e.status());
        doc.put("detail", e.getMessage());
        doc.put("instance", ctx.path());
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = new ArrayList<>();
            for (ProblemException.FieldError f : e.errors()) {
                errors.add(Map.of("pointer", f.pointer(), "detail", f.detail()));
            }
            doc.put("errors", errors);
        }
        try {
            ctx.status(e.status()).contentType(PROBLEM_JSON).result(Json.mapper().writeValueAsBytes(doc));
        } catch (IOException io) {
            ctx.status(500).result("{\"title\":\"Internal Server Error\",\"status\":500}");
        }
    }

    private static byte[] openApi() throws IOException {
        try (InputStream in = SalesopsServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        }
    }
}
