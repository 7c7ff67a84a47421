package io.salesops.server;

import static io.salesops.server.ForecastEndpointsTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document against the real endpoints: same paths, and every example answered as documented. */
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalesopsServer server;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        server = SalesopsServer.create(ServerLimits.defaults()).start("127.0.0.1", 0);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        doc = JSON.readTree(r.body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void document_listsExactlyThePostEndpointsTheServerRegisters() {
        TreeSet<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(e -> {
            if (e.getValue().has("post")) {
                documented.add(e.getKey());
            }
        });
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.endpointPaths());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
    }

    @Test
    void everyDocumentedExample_isAnswered200_withEveryRequiredProperty() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String path : server.endpointPaths()) {
            JsonNode op = doc.get("paths").get(path).get("post");
            JsonNode example = op.at("/requestBody/content/application~1json/example");
            assertThat(example.isMissingNode()).as("example of " + path).isFalse();
            HttpResponse<String> r = post(server, path, JSON.writeValueAsString(example));
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            check(JSON.readTree(r.body()), op.at("/responses/200/content/application~1json/schema"), path, failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyOperation_documentsTheProblemDocument_andARealProblemMatchesIt() throws Exception {
        for (String path : server.endpointPaths()) {
            assertThat(doc.get("paths").get(path).get("post").at("/responses/400/content/application~1problem+json/schema/$ref").asText())
                    .as(path).isEqualTo("#/components/schemas/Problem");
        }
        HttpResponse<String> r = post(server, "/v1/kpi", "{\"opportunities\":[{\"id\":\"A\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> failures = new ArrayList<>();
        check(JSON.readTree(r.body()), doc.at("/components/schemas/Problem"), "problem", failures);
        assertThat(failures).isEmpty();
    }

    /** Every {@code required} property is present, recursively through objects, arrays and $refs. */
    private static void check(JsonNode value, JsonNode schema, String where, List<String> failures) {
        if (schema.has("$ref")) {
            schema = doc.at(schema.get("$ref").asText().substring(1));
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "/" + i, failures);
            }
        }
        if (value.isObject()) {
            for (JsonNode req : schema.path("required")) {
                if (!value.has(req.asText())) {
                    failures.add(where + " lacks required " + req.asText());
                }
            }
            for (Map.Entry<String, JsonNode> e : iterable(schema.path("properties"))) {
                if (value.has(e.getKey())) {
                    check(value.get(e.getKey()), e.getValue(), where + "/" + e.getKey(), failures);
                }
            }
        }
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        n.fields().forEachRemaining(out::add);
        return out;
    }
}
