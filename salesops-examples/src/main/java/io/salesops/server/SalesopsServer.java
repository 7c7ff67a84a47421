package io.salesops.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import io.salesops.server.internal.BodyReader;
import io.salesops.server.internal.Endpoint;
import io.salesops.server.internal.Endpoints;
import io.salesops.server.internal.Json;
import io.salesops.server.internal.Problems;
import io.salesops.server.internal.SlowHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
 * Every error is an RFC 9457 problem document, also those Jetty raises itself: 400 for bad input (naming each
 * field by JSON pointer), 404, 408 for a body that stalls or trickles, 413 for bodies over
 * {@link ServerLimits#maxBodyBytes()}, 415 for a content type other than JSON or a content encoding, 503 when a
 * request times out or the server is saturated; never a stack trace or a Java type name. Bodies are read without
 * holding a thread, so slow clients cost connections (bounded) but cannot starve other requests. The server keeps no state
 * between requests, so concurrent requests get the same answers as sequential ones.
 *
 * <p>Thread-safe. {@link #close()} stops it.
 */
public final class SalesopsServer implements AutoCloseable {

    private static final byte[] OPENAPI = openApi();

    private final ServerLimits limits;
    private final List<Endpoint<?>> endpoints;
    private final ThreadPoolExecutor compute;
    /** Deadlines and body-pace checks; its tasks only complete futures, never compute. */
    private final ScheduledThreadPoolExecutor timer;
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
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "salesops-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
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
            // Requests queue for a bounded number of threads; past the queue Jetty refuses connections.
            config.jetty.threadPool = new QueuedThreadPool(200, 8, 60_000, -1,
                    new BlockingArrayQueue<>(256, 256, 2_048), null);
            config.jetty.modifyServer(server -> {
                // No graceful drain: the server is stateless, and idle keep-alive clients would otherwise stall close().
                server.setStopTimeout(0);
                server.setErrorHandler(new Problems.JettyErrors());
                ConnectionLimit connections = new ConnectionLimit(limits.maxConnections(), server);
                // At the limit, idle connections are closed sooner to make room.
                connections.setIdleTimeout(2_000);
                server.addBean(connections);
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(LifeCycle event) {
                        for (Connector c : server.getConnectors()) {
                            if (c instanceof AbstractConnector a) {
                                a.addBean(new SlowHeaders(a.getScheduler(), limits.headerTimeout()));
                            }
                        }
                    }
                });
            });
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new Problems.JettyErrors()));
        });
        for (Endpoint<?> e : endpoints) {
            j.post(e.path(), ctx -> serve(ctx, e));
        }
        j.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OPENAPI));
        // HEAD has no body, but says what GET would send.
        j.head("/openapi.json", ctx -> ctx.contentType("application/json")
                .header("Content-Length", String.valueOf(OPENAPI.length)));
        j.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        j.exception(ProblemException.class, (e, ctx) -> problem(ctx, e));
        j.exception(Exception.class, (e, ctx) -> problem(ctx, problemOf(e)));
        j.error(404, ctx -> {
            if (!Problems.MEDIA_TYPE.equals(ctx.res().getContentType())) {
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
        timer.shutdownNow();
    }

    /**
     * Checks the headers at once, then reads the body without holding a thread, parses it, and computes on the
     * bounded compute pool; the answer, or the problem, is written when that completes.
     */
    private void serve(Context ctx, Endpoint<?> endpoint) {
        String type = ctx.contentType();
        String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !mime.endsWith("+json")) {
            throw new ProblemException(415, "Unsupported Media Type", "content type \"" + Problems.cut(type == null ? "" : type, 100)
                    + "\" is not supported; send application/json", List.of());
        }
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // RFC 9110 15.5.16: name the codings we take.
            ctx.header("Accept-Encoding", "identity");
            throw new ProblemException(415, "Unsupported Media Type", "content encoding \"" + Problems.cut(encoding, 100)
                    + "\" is not supported; send the body uncompressed", List.of());
        }
        ctx.future(() -> BodyReader.read(ctx.req(), limits, timer)
                .thenApply(endpoint::read)
                .thenCompose(request -> compute(ctx, endpoint, request))
                .thenAccept(value -> {
                    try {
                        ctx.contentType("application/json").result(Json.mapper().writeValueAsBytes(value));
                    } catch (IOException e) {
                        throw internal(e);
                    }
                })
                .exceptionally(t -> {
                    problem(ctx, problemOf(t));
                    return null;
                }));
    }

    private CompletableFuture<Object> compute(Context ctx, Endpoint<?> endpoint, Object request) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        Future<?> task;
        try {
            task = compute.submit(() -> {
                try {
                    answer.complete(endpoint.handle(request));
                } catch (Throwable t) {
                    answer.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            ctx.header("Retry-After", "1");
            throw new ProblemException(503, "Service Unavailable", "the server is busy with "
                    + limits.maxConcurrent() + " computations and a full queue; retry shortly", List.of());
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (answer.completeExceptionally(new ProblemException(503, "Service Unavailable", "the request did not finish"
                    + " within " + limits.requestTimeout().toMillis() + " ms and was abandoned; send less work", List.of()))) {
                task.cancel(true);
            }
        }, limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        answer.whenComplete((v, t) -> deadline.cancel(false));
        return answer;
    }

    /**
     * Maps a failure to its problem: a {@link ProblemException} keeps its status; a {@link SalesopsInputException}
     * (the one error model: the request's data broke a rule) is 400 with one field error per problem; anything else,
     * a plain {@code IllegalArgumentException} included, is a bug: 500.
     */
    private static ProblemException problemOf(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ProblemException p) {
            return p;
        }
        if (t instanceof SalesopsInputException e) {
            List<ProblemException.FieldError> errors = new ArrayList<>();
            for (Problem p : e.problems()) {
                errors.add(new ProblemException.FieldError(pointer(p.path()), p.toString()));
            }
            return new ProblemException(400, "Bad Request", e.problems().get(0).toString(), errors);
        }
        return internal(t);
    }

    /** A problem's path as a JSON pointer: {@code credits[3].amount} is {@code /credits/3/amount}. */
    static String pointer(String path) {
        if (path.isEmpty() || path.startsWith("/")) {
            return path;
        }
        return "/" + path.replace("[", "/").replace("]", "").replace('.', '/');
    }

    private static ProblemException internal(Throwable e) {
        String incident = UUID.randomUUID().toString().substring(0, 8);
        System.err.println("salesops-server: internal error " + incident + ": " + e);
        return new ProblemException(500, "Internal Server Error", "internal error " + incident
                + "; the request was not completed", List.of());
    }

    private static void problem(Context ctx, ProblemException e) {
        if (e.status() == 408 || e.status() == 413) {
            // The rest of the body is not read: the connection cannot carry another request.
            ctx.header("Connection", "close");
        }
        ctx.status(e.status()).contentType(Problems.MEDIA_TYPE).result(Problems.document(e, ctx.path()));
    }

    private static byte[] openApi() {
        try (InputStream in = SalesopsServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
