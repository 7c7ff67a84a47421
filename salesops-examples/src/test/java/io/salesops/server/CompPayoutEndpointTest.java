package io.salesops.server;

import static io.salesops.server.ForecastEndpointsTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/comp/calculate} with commission paid on collection: {@code collections} in, held pay in the state. */
class CompPayoutEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalesopsServer server;

    private static final String PLAN = """
            {"name":"Half on order","currency":"USD","components":[{"name":"Commission","pay":{"type":"flat_rate","rate":10},
             "payout":{"on":"collection","atBooking":50}}]}""";
    private static final String CREDITS = """
            [{"id":"O-1","payee":"rep","date":"2026-01-20","amount":"10000.00","dealId":"O-1"}]""";
    private static final String COLLECTIONS = """
            [{"dealId":"O-1","date":"2026-02-14","amount":"5000.00"},{"dealId":"O-1","date":"2026-03-16","amount":5000}]""";

    @BeforeAll
    static void start() {
        server = SalesopsServer.create(ServerLimits.defaults()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode calculate(String period, String state) throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"" + period
                + "\",\"credits\":" + CREDITS + ",\"collections\":" + COLLECTIONS + (state == null ? "" : ",\"state\":" + state) + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    // As the CLI's worked example: 500 on order, then 250 as each 5,000 invoice is paid; the held pay rides in the state.
    @Test
    void collectionsRelease_heldPay_carriedInTheState() throws Exception {
        JsonNode jan = calculate("2026-01", null);
        assertThat(jan.get("statements").get(0).get("total").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(jan.get("state").get("payees").get(0).get("held").get(0).get("releasedMinor").asLong()).isEqualTo(50_000);
        JsonNode feb = calculate("2026-02", jan.get("state").toString());
        assertThat(feb.get("statements").get(0).get("total").decimalValue()).isEqualByComparingTo("250.00");
        JsonNode mar = calculate("2026-03", feb.get("state").toString());
        assertThat(mar.get("statements").get(0).get("total").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(mar.get("state").get("payees").get(0).has("held")).isFalse();
    }

    @Test
    void aBadCollection_isRefusedAtItsPointer() throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-01\",\"credits\":"
                + CREDITS + ",\"collections\":[{\"dealId\":\"O-1\",\"date\":\"2026-02-30\",\"amount\":\"5\"},"
                + "{\"dealId\":\"O-1\",\"date\":\"2026-02-10\",\"amount\":\"-5\"},{\"date\":\"2026-02-10\",\"amount\":\"5\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/collections/0/date").contains("/collections/1\"").contains("negative")
                .contains("/collections/2/dealId");
    }
}
