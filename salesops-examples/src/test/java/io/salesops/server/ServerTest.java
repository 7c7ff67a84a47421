package io.salesops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalesopsServer server;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = SalesopsServer.create(ServerLimits.defaults().withMaxBodyBytes(64 * 1024)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void regression_exactLine_recoversInterceptAndSlope() throws Exception {
        // y = 1 + 2x exactly, so the estimates are 1 and 2 and R^2 is 1
        HttpResponse<String> r = post("/v1/regression", "application/json",
                "{\"data\":{\"x\":[1,2,3,4,5],\"y\":[3,5,7,9,11.0]},\"y\":\"y\",\"x\":[\"x\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("coefficients").get(0).get("estimate").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(body.get("coefficients").get(1).get("estimate").asDouble()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(body.get("rSquared").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void wrongContentType_is415Problem() throws Exception {
        HttpResponse<String> r = post("/v1/regression", "text/csv", "x,y\n1,2\n");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(r).get("status").asInt()).isEqualTo(415);
        assertThat(json(r).get("detail").asText()).contains("text/csv").contains("application/json");
    }

    @Test
    void oversizedBody_is413_withContentLength() throws Exception {
        String big = "{\"y\":\"" + "a".repeat(70 * 1024) + "\"}";
        HttpResponse<String> r = post("/v1/regression", "application/json", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("title").asText()).isEqualTo("Content Too Large");
    }

    @Test
    void oversizedBody_is413_evenWhenChunked() throws Exception {
        byte[] big = ("{\"y\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/regression"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownField_is400NamingItsPointer() throws Exception {
        HttpResponse<String> r = post("/v1/regression", "application/json", "{\"y\":\"y\",\"bogus\":1}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode p = json(r);
        assertThat(p.get("errors").get(0).get("pointer").asText()).isEqualTo("/bogus");
        assertThat(p.get("errors").get(0).get("detail").asText()).contains("unknown field \"bogus\"");
    }

    @Test
    void everyBadFieldIsListed_notOnlyTheFirst() throws Exception {
        HttpResponse<String> r = post("/v1/regression", "application/json",
                "{\"data\":{\"x\":[1,2,null],\"y\":[1,2]},\"level\":0.95}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("errors")).extracting(e -> e.get("pointer").asText())
                .contains("/y", "/level", "/data/x/2", "/data/y");
    }

    @Test
    void malformedJson_is400WithLineAndColumn() throws Exception {
        HttpResponse<String> r = post("/v1/regression", "application/json", "{\"y\": \n  [1,}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("detail").asText()).contains("line 2");
    }

    @Test
    void absurdNesting_isRefused() throws Exception {
        String deep = "{\"y\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        HttpResponse<String> r = post("/v1/regression", "application/json", deep);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("at com.").doesNotContain("Exception:");
    }

    @Test
    void domainError_is400_withoutStackTrace() throws Exception {
        // x is constant: collinear with the intercept, reported by column name
        HttpResponse<String> r = post("/v1/regression", "application/json",
                "{\"data\":{\"x\":[1,1,1,1],\"y\":[1,2,3,4]},\"y\":\"y\",\"x\":[\"x\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("detail").asText()).contains("x");
        assertThat(r.body()).doesNotContain("\tat ");
    }

    @Test
    void regressorGivenTwice_orTheResponseAsRegressor_is400NotAnIncident() throws Exception {
        // Before, x ["x","x"] reached the model's own argument check and came back as a 500 with an incident id.
        HttpResponse<String> twice = post("/v1/regression", "application/json",
                "{\"data\":{\"x\":[1,2,3,4],\"y\":[1,3,2,4]},\"y\":\"y\",\"x\":[\"x\",\"x\"]}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(json(twice).get("detail").asText()).contains("column x is given twice in x");
        HttpResponse<String> self = post("/v1/regression", "application/json",
                "{\"data\":{\"x\":[1,2,3,4],\"y\":[1,3,2,4]},\"y\":\"y\",\"x\":[\"y\"]}");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(json(self).get("detail").asText()).contains("column y is the response (y)");
    }

    @Test
    void numberBeyondDouble_saysSo() throws Exception {
        // Jackson reads 1e999999999 as Infinity; the message said "Infinity is not a finite number".
        HttpResponse<String> r = post("/v1/regression", "application/json",
                "{\"data\":{\"x\":[1,2,3,4],\"y\":[1,3,2,1e999999999]},\"y\":\"y\",\"x\":[\"x\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("errors").get(0).get("pointer").asText()).isEqualTo("/data/y/3");
        assertThat(json(r).get("errors").get(0).get("detail").asText()).contains("beyond the range of a double");
    }

    @Test
    void unknownPath_is404Problem() throws Exception {
        HttpResponse<String> r = get("/v1/nothing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("detail").asText()).contains("/v1/nothing");
    }

    @Test
    void trend_linearSeries_isExtrapolatedWithNestedIntervals() throws Exception {
        StringBuilder periods = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int m = 1; m <= 24; m++) {
            periods.append(m > 1 ? "," : "").append(String.format("\"%d-%02d\"", 2024 + (m - 1) / 12, (m - 1) % 12 + 1));
            values.append(m > 1 ? "," : "").append(100 + 10 * m);
        }
        HttpResponse<String> r = post("/v1/forecast/trend", "application/json", "{\"series\":[{\"name\":\"EMEA\",\"periods\":["
                + periods + "],\"values\":[" + values + "]}],\"horizon\":3,\"method\":\"holt\",\"levels\":[80,95]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode first = json(r).get("series").get(0).get("forecast").get(0);
        // Holt on an exact line continues it: month 25 is 100 + 250
        assertThat(first.get("period").asText()).isEqualTo("2026-01");
        assertThat(first.get("forecast").asDouble()).isCloseTo(350.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(first.get("lo95").asDouble()).isLessThanOrEqualTo(first.get("lo80").asDouble());
        assertThat(first.get("hi95").asDouble()).isGreaterThanOrEqualTo(first.get("hi80").asDouble());
    }

    @Test
    void trend_badSeries_namesTheSeriesAndPeriod() throws Exception {
        HttpResponse<String> r = post("/v1/forecast/trend", "application/json",
                "{\"series\":[{\"name\":\"EMEA\",\"periods\":[\"2024-01\",\"2024-02\",\"2024-04\"],\"values\":[1,2,3]}],\"method\":\"magic\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("errors")).extracting(e -> e.get("pointer").asText()).contains("/series/0", "/method");
        assertThat(r.body()).contains("EMEA").contains("2024-03");
    }
}
