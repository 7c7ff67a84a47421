package io.salesops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the real server over loopback (127.0.0.1 only), each bounded and ending by itself: a short text
 * that means a billion-digit number, slow and stalled clients, malformed requests, compressed bodies. Each must
 * end in a clear refusal (an RFC 9457 problem document, small, without Java names) while other clients are
 * still served. Nothing here measures speed: the deadlines are generous bounds so that a broken server fails
 * rather than hangs the build.
 */
class ServerAbuseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SalesopsServer server;

    @BeforeAll
    static void start() {
        server = SalesopsServer.create(ServerLimits.defaults()
                .withSlowClientLimits(Duration.ofSeconds(1), Duration.ofSeconds(20), 4096)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSmallProblem(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body().length()).isLessThan(4096);
        assertNoJavaNames(r.body());
        assertThat(JSON.readTree(r.body()).get("status").asInt()).isEqualTo(status);
    }

    private static void assertNoJavaNames(String body) {
        assertThat(body).doesNotContain("io.salesops", "java.", "Requests$", "StreamReadConstraints", "Exception", "JsonToken");
    }

    @Test
    void hugeExponentAmount_is400WithASmallBody_whileAnotherClientIsServed() throws Exception {
        String attack = ForecastEndpointsTest.pipelineRequest("").replace("\"1000.00\",\"currency\":\"USD\",\"createdDate\"",
                "1e999999999,\"currency\":\"USD\",\"createdDate\"");
        assertThat(attack).contains("1e999999999");

        List<CompletableFuture<HttpResponse<String>>> attacks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attacks.add(CompletableFuture.supplyAsync(() -> call(() -> post("/v1/forecast/pipeline", attack))));
        }
        HttpResponse<String> normal = post("/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest(""));

        assertThat(normal.statusCode()).as(normal.body()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> a : attacks) {
            HttpResponse<String> r = a.get();
            assertSmallProblem(r, 400);
            assertThat(r.body()).contains("/opportunities/0/amount").contains("out of range");
        }
    }

    @Test
    void hugeExponentsElsewhere_areRefusedToo() throws Exception {
        String credits = CompEndpointsTest.CREDITS.replace("\"10000.00\"", "1e999999999");
        assertSmallProblem(post("/v1/comp/calculate", "{\"plan\":" + CompEndpointsTest.PLAN
                + ",\"period\":\"2026-Q1\",\"credits\":" + credits + "}"), 400);
        assertSmallProblem(post("/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest(",\"simulations\":1e999999999")), 400);
        assertSmallProblem(post("/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest("")
                .replace("\"1000.00\",\"currency\"", "\"1e-999999999\",\"currency\"")), 400);
        String stages = ",\"stages\":[{\"stage\":\"Proposal\",\"probability\":1e999999999},"
                + "{\"stage\":\"Closed Won\",\"probability\":100,\"outcome\":\"won\"}]";
        assertSmallProblem(post("/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest(stages)), 400);
    }

    @Test
    void longDigitStrings_areQuotedOnlyAsAPrefix() throws Exception {
        String digits = "9".repeat(200_000);
        HttpResponse<String> r = post("/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest("")
                .replace("\"1000.00\",\"currency\"", "\"" + digits + "\",\"currency\""));
        assertSmallProblem(r, 400);
        HttpResponse<String> n = post("/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest("")
                .replace("\"1000.00\",\"currency\"", digits.substring(0, 100) + ",\"currency\""));
        assertSmallProblem(n, 400);
    }

    @Test
    void wrongShapes_areDescribedInJsonWordsNotJavaTypes() throws Exception {
        assertSmallProblem(post("/v1/forecast/pipeline", "[]"), 400);
        assertSmallProblem(post("/v1/forecast/pipeline", "{\"opportunities\":{}}"), 400);
        assertSmallProblem(post("/v1/forecast/pipeline", "{\"simulations\":\"many\"}"), 400);
        assertSmallProblem(post("/v1/forecast/pipeline", "[".repeat(1000)), 400);
    }

    @Test
    void contentEncoding_is415() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/v1/regression")).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {31, -117, 8, 0})).build(), HttpResponse.BodyHandlers.ofString());
        assertSmallProblem(r, 415);
        assertThat(r.headers().firstValue("Accept-Encoding")).hasValue("identity");
    }

    @Test
    void headOpenApi_saysWhatGetSends() throws Exception {
        HttpResponse<String> get = get("/openapi.json");
        HttpResponse<Void> head = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/openapi.json")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void requestJettyRefusesItself_getsAProblemDocumentNotAnHtmlPage() throws Exception {
        String reply = raw("GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\n\r\n", 10_000);
        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply).containsIgnoringCase("Content-Type: application/problem+json").doesNotContain("<html");
        assertNoJavaNames(reply.substring(reply.indexOf("\r\n\r\n")));

        String tooLong = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 10_000);
        assertThat(tooLong).startsWith("HTTP/1.1 414").containsIgnoringCase("application/problem+json").doesNotContain("<html");
    }

    @Test
    void stalledBody_is408_andOthersAreServedMeanwhile() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/regression HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"data\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(get("/openapi.json").statusCode()).isEqualTo(200);
            String reply = readReply(s.getInputStream());
            assertThat(reply).startsWith("HTTP/1.1 408").contains("application/problem+json");
        }
    }

    @Test
    void manySlowClients_doNotStarveOthers_andAreSentAway() throws Exception {
        int n = 60;
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.setSoTimeout(15_000);
                slow.add(s);
                String head = i % 2 == 0
                        ? "POST /v1/regression HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
                        : "POST /v1/regression HTTP/1.1\r\nHost: 127";
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            // One more byte from each while normal requests come and go: every one of those must be answered.
            for (int round = 0; round < 3; round++) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write('x');
                        s.getOutputStream().flush();
                    } catch (IOException closedByServer) {
                        // sent away already: what we want
                    }
                }
                assertThat(get("/openapi.json").statusCode()).isEqualTo(200);
                assertThat(post("/v1/regression", "{\"data\":{\"x\":[1,2,3],\"y\":[2,4,6.5]},\"y\":\"y\",\"x\":[\"x\"]}")
                        .statusCode()).isEqualTo(200);
                Thread.sleep(1000);
            }
            // Every slow client is sent away: a 408 for a slow body, a closed connection for slow headers.
            for (int i = 0; i < n; i++) {
                String reply = readReply(slow.get(i).getInputStream());
                if (i % 2 == 0) {
                    assertThat(reply).startsWith("HTTP/1.1 408");
                } else {
                    assertThat(reply).isEmpty();
                }
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private static String raw(String request, int timeoutMillis) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(timeoutMillis);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readReply(s.getInputStream());
        }
    }

    /** @return what the server sent until it closed the connection or paused for the socket timeout */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int k; (k = in.read(buf)) > 0; ) {
                b.write(buf, 0, k);
                String sofar = b.toString(StandardCharsets.UTF_8);
                int end = sofar.indexOf("\r\n\r\n");
                if (end >= 0 && sofar.contains("Content-Length: ")) {
                    int len = Integer.parseInt(sofar.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                    if (b.size() >= end + 4 + len) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // the server went quiet or reset the connection: what it sent so far is the reply
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
