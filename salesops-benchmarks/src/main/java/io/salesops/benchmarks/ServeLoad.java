package io.salesops.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.server.SalesopsServer;
import io.salesops.server.ServerLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load test of {@code salesops serve}: starts the server on 127.0.0.1 (any free port), sends a fixed
 * number of pipeline-forecast requests of 10,000 synthetic opportunities from a few client threads over
 * loopback, prints requests per second and p50/p99 latency, and stops. Never touches another host.
 *
 * <pre>java -cp salesops-benchmarks/target/benchmarks.jar io.salesops.benchmarks.ServeLoad [REQUESTS] [THREADS] [SIMULATIONS]</pre>
 *
 * Defaults: 200 requests, 4 threads, 0 simulations. Not a JMH benchmark: it measures the whole HTTP path
 * (JSON parsing, mapping, forecast, JSON writing) end to end, which is what a CRM calling the server sees.
 */
public final class ServeLoad {

    private ServeLoad() {
    }

    /** Runs the load test; arguments: requests, client threads, simulations per request. */
    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int simulations = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        byte[] body = new ObjectMapper().writeValueAsBytes(request(10_000, simulations));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try (SalesopsServer server = SalesopsServer.create(ServerLimits.defaults()).start("127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/forecast/pipeline");
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            for (int i = 0; i < Math.min(20, requests); i++) {
                send(client, req); // warm-up: JIT and connections, not measured
            }
            long[] latencies = new long[requests];
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < requests; ) {
                        long t0 = System.nanoTime();
                        send(client, req);
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "%d requests of %d opportunities (%d KiB, %d simulations), %d client threads, "
                            + "%d server compute threads%n", requests, 10_000, body.length / 1024, simulations, threads,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "%.1f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", requests / seconds,
                    latencies[(int) (0.50 * (requests - 1))] / 1e6, latencies[(int) Math.ceil(0.99 * (requests - 1))] / 1e6,
                    latencies[requests - 1] / 1e6);
        }
    }

    private static void send(HttpClient client, HttpRequest req) throws Exception {
        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The synthetic data of {@link PipelineForecastBenchmark} as a request body. */
    static Map<String, Object> request(int n, int simulations) {
        List<Map<String, Object>> opps = new ArrayList<>(n);
        for (Opportunity o : PipelineForecastBenchmark.opportunities(n, 42)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.id());
            m.put("owner", o.ownerId());
            m.put("stage", o.stage());
            m.put("amount", o.amount().amount().toPlainString());
            m.put("currency", o.amount().currency().getCurrencyCode());
            m.put("createdDate", o.createdDate().toString());
            if (o.closeDate() != null) {
                m.put("closeDate", o.closeDate().toString());
            }
            m.put("status", o.status().name().toLowerCase(Locale.ROOT));
            if (!o.history().isEmpty()) {
                List<Map<String, Object>> h = new ArrayList<>();
                for (StageChange c : o.history()) {
                    h.add(Map.of("date", c.date().toString(), "stage", c.stage()));
                }
                m.put("history", h);
            }
            opps.add(m);
        }
        Org org = PipelineForecastBenchmark.org();
        List<Map<String, Object>> reps = new ArrayList<>();
        for (Rep r : org.reps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rep", r.id());
            if (r.managerId() != null) {
                m.put("manager", r.managerId());
            }
            reps.add(m);
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("opportunities", opps);
        req.put("org", reps);
        req.put("asOf", "2026-08-01");
        req.put("period", "2026-Q3");
        req.put("by", "owner");
        req.put("timing", "close_date");
        req.put("noNewBusiness", true);
        if (simulations > 0) {
            req.put("simulations", simulations);
        }
        return req;
    }
}
