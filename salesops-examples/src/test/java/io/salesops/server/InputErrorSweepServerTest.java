package io.salesops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one error model, from the outside: any value a client can put in any field of any endpoint's request is
 * either accepted or a 4xx problem, never a 500. Each endpoint gets a valid request; then every scalar field (the
 * first element of each array) is replaced, in turn, by each of a set of hostile values. An input error that
 * escapes as a plain {@code IllegalArgumentException} (or anything that is not a {@code SalesopsInputException})
 * is a 500 and fails this test.
 */
class InputErrorSweepServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE = List.of("\"x\"", "-1", "0", "0.95", "1e999", "\"\"", "\"2026-02-30\"",
            "null", "99999999999999999999999", "[]", "{}");
    private static SalesopsServer server;

    @BeforeAll
    static void start() {
        server = SalesopsServer.create(ServerLimits.defaults().withMaxOpportunities(1000)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, String> baselines() {
        StringBuilder periods = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int m = 1; m <= 24; m++) {
            periods.append(m > 1 ? "," : "").append(String.format("\"%d-%02d\"", 2024 + (m - 1) / 12, (m - 1) % 12 + 1));
            values.append(m > 1 ? "," : "").append(100 + 10 * m);
        }
        String compInputs = "\"plan\":" + CompEndpointsTest.PLAN + ",\"period\":\"2026-Q1\",\"credits\":"
                + CompEndpointsTest.CREDITS;
        return Map.of(
                "/v1/regression", "{\"data\":{\"x\":[1,2,3,4,5],\"y\":[3,5,7,9,11.5]},\"y\":\"y\",\"x\":[\"x\"],\"level\":95}",
                "/v1/forecast/trend", "{\"series\":[{\"name\":\"EMEA\",\"periods\":[" + periods + "],\"values\":[" + values
                        + "]}],\"horizon\":3,\"method\":\"holt\",\"levels\":[80,95]}",
                "/v1/forecast/pipeline", ForecastEndpointsTest.pipelineRequest(""),
                "/v1/forecast/backtest", "{\"opportunities\":" + ForecastEndpointsTest.OPPS
                        + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"fixed\":true}",
                "/v1/kpi", "{\"opportunities\":" + ForecastEndpointsTest.OPPS + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"by\":\"owner\"}",
                "/v1/comp/validate", "{\"plan\":" + CompEndpointsTest.PLAN + "}",
                "/v1/comp/calculate", "{" + compInputs + "}",
                "/v1/comp/whatif", "{" + compInputs + ",\"payee\":\"ann\",\"deal\":{\"amount\":\"5000.00\",\"currency\":\"USD\",\"type\":\"new\",\"product\":\"P\",\"date\":\"2026-03-15\"}}");
    }

    /** The JSON pointers of the scalar fields, with only the first element of each array. */
    private static void leaves(JsonNode node, String pointer, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), pointer + "/" + e.getKey(), out);
            }
        } else if (node.isArray()) {
            if (!node.isEmpty()) {
                leaves(node.get(0), pointer + "/0", out);
            }
        } else {
            out.add(pointer);
        }
    }

    private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    @Test
    void everyBaseline_isAccepted() throws Exception {
        for (Map.Entry<String, String> b : baselines().entrySet()) {
            HttpResponse<String> r = ForecastEndpointsTest.post(server, b.getKey(), b.getValue());
            assertThat(r.statusCode()).as(b.getKey() + " " + r.body()).isEqualTo(200);
        }
    }

    @Test
    void everyHostileFieldValue_isAProblemForTheClient_neverA500() throws Exception {
        List<String> escaped = new ArrayList<>();
        for (Map.Entry<String, String> b : baselines().entrySet()) {
            JsonNode root = JSON.readTree(b.getValue());
            List<String> pointers = new ArrayList<>();
            leaves(root, "", pointers);
            for (String pointer : pointers) {
                for (String hostile : HOSTILE) {
                    String body = replaced(root, pointer, JSON.readTree(hostile)).toString();
                    HttpResponse<String> r = ForecastEndpointsTest.post(server, b.getKey(), body);
                    if (r.statusCode() >= 500) {
                        escaped.add(b.getKey() + " " + pointer + " = " + hostile + " -> " + r.statusCode() + " " + r.body());
                    }
                }
            }
        }
        assertThat(escaped).as("input errors that escaped as server errors").isEmpty();
    }
}
