package io.salesops.server;

import static io.salesops.server.ForecastEndpointsTest.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.cli.SalesopsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SalesopsServer server;

    static final String PLAN = """
            {"name":"Flat","currency":"USD","components":[{"name":"Bookings","measure":"sum","pay":{"type":"flat_rate","rate":5}}]}""";
    static final String CREDITS = """
            [{"id":"C-1","payee":"ann","date":"2026-02-10","amount":"10000.00","currency":"USD","type":"new"},
             {"id":"C-2","payee":"ann","date":"2026-03-01","amount":2000.00,"type":"new"},
             {"id":"C-3","payee":"bob","date":"2026-03-05","amount":"1000.00","type":"new"}]""";

    @BeforeAll
    static void start() {
        server = SalesopsServer.create(ServerLimits.defaults()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode statement(JsonNode statements, String payee) {
        for (JsonNode s : statements) {
            if (s.get("payee").asText().equals(payee)) {
                return s;
            }
        }
        throw new AssertionError("no statement for " + payee);
    }

    @Test
    void validate_goodPlan_isValid() throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/validate", "{\"plan\":" + PLAN + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("valid").asBoolean()).isTrue();
    }

    @Test
    void validate_brokenYaml_listsProblemWithLineColumnAndPath() throws Exception {
        String yaml = "name: Bad\\ncurrency: USD\\ncomponents:\\n  - name: A\\n    measure: sum\\n    pay: {type: flat_rate, rate: 5}\\n"
                + "    caps: [{per: week, limit: 100}]\\n";
        HttpResponse<String> r = post(server, "/v1/comp/validate", "{\"planYaml\":\"" + yaml + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("valid").asBoolean()).isFalse();
        JsonNode p = body.get("problems").get(0);
        assertThat(p.get("path").asText()).isEqualTo("components[0].caps[0].per");
        assertThat(p.get("line").asInt()).isEqualTo(7);
        assertThat(p.get("message").asText()).contains("week");
    }

    @Test
    void calculate_amountBeyondMoney_pointsAtTheAmount_andABadCurrencyAtTheCurrency() throws Exception {
        HttpResponse<String> big = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":"
                + "[{\"id\":\"C-1\",\"payee\":\"ann\",\"date\":\"2026-02-10\",\"amount\":\"922337203685477580.7\",\"currency\":\"USD\"}]}");
        HttpResponse<String> code = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":"
                + "[{\"id\":\"C-1\",\"payee\":\"ann\",\"date\":\"2026-02-10\",\"amount\":\"10.00\",\"currency\":\"USX\"}]}");

        assertThat(big.statusCode()).as(big.body()).isEqualTo(400);
        JsonNode bigError = JSON.readTree(big.body()).get("errors").get(0);
        assertThat(bigError.get("pointer").asText()).isEqualTo("/credits/0/amount");
        assertThat(bigError.get("detail").asText()).contains("outside the range of Money");
        assertThat(code.statusCode()).as(code.body()).isEqualTo(400);
        assertThat(JSON.readTree(code.body()).get("errors").get(0).get("pointer").asText()).isEqualTo("/credits/0/currency");
    }

    @Test
    void calculate_flatFivePercent_paysFivePercentOfEachPayeesCredits() throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":" + CREDITS + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        // 5% x (10000 + 2000) = 600.00; 5% x 1000 = 50.00
        assertThat(statement(body.get("statements"), "ann").get("total").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(statement(body.get("statements"), "bob").get("total").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(body.get("state").get("payees")).hasSize(2);
    }

    @Test
    void calculate_stateCarriedForward_refusesTheSamePeriodTwice() throws Exception {
        HttpResponse<String> first = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":" + CREDITS + "}");
        String state = JSON.readTree(first.body()).get("state").toString();
        HttpResponse<String> again = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":"
                + CREDITS + ",\"state\":" + state + "}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("/state").contains("pay twice")
                .contains("send the state returned for the period before 2026-Q1");
        HttpResponse<String> next = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q2\",\"credits\":"
                + "[{\"id\":\"C-9\",\"payee\":\"ann\",\"date\":\"2026-04-02\",\"amount\":\"100.00\"}],\"org\":[{\"rep\":\"ann\"},{\"rep\":\"bob\"}],\"state\":" + state + "}");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(statement(JSON.readTree(next.body()).get("statements"), "ann").get("total").decimalValue()).isEqualByComparingTo("5.00");
    }

    @Test
    void calculate_stateCarriesTheLedgerChecks_gapTamperAndAllowGap() throws Exception {
        HttpResponse<String> first = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-01\",\"credits\":"
                + "[],\"org\":[{\"rep\":\"ann\"}]}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode state = JSON.readTree(first.body()).get("state");
        assertThat(state.get("format").asText()).isEqualTo("salesops-comp-ledger");
        assertThat(state.get("checksum").asText()).startsWith("sha256:");
        String march = "{\"plan\":" + PLAN + ",\"period\":\"2026-03\",\"credits\":[],\"org\":[{\"rep\":\"ann\"}],\"state\":";
        HttpResponse<String> gap = post(server, "/v1/comp/calculate", march + state + "}");
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("/state").contains("would skip 2026-02").doesNotContain("send the state returned");
        HttpResponse<String> allowed = post(server, "/v1/comp/calculate", march + state + ",\"allowGap\":[\"2026-02\"]}");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(JSON.readTree(allowed.body()).get("state").get("gapsAllowed").get(0).asText()).isEqualTo("2026-02");
        String tampered = state.toString().replace("\"ytdPaid\":\"USD 0.00\"", "\"ytdPaid\":\"USD -5.00\"");
        assertThat(tampered).isNotEqualTo(state.toString());
        HttpResponse<String> bad = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-02\",\"credits\":[],"
                + "\"org\":[{\"rep\":\"ann\"}],\"state\":" + tampered + "}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("/state").contains("does not match its checksum");
    }

    @Test
    void calculate_reversalWithoutDealId_isRefusedAtItsPointer() throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":"
                + "[{\"id\":\"X\",\"payee\":\"ann\",\"date\":\"2026-02-01\",\"amount\":\"5\",\"status\":\"reversed\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/credits/0/dealId").contains("is required for a credit with status reversed");
    }

    @Test
    void calculate_badCredits_namesEveryOne() throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":"
                + "[{\"id\":\"A\",\"payee\":\"ann\",\"date\":\"2026-02-30\",\"amount\":\"1\"},{\"id\":\"B\",\"payee\":\"ann\",\"date\":\"2026-02-01\",\"amount\":\"-1\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/credits/0/date").contains("/credits/1/amount");
    }

    @Test
    void whatIf_fourThousandMore_paysTwoHundredMore() throws Exception {
        HttpResponse<String> r = post(server, "/v1/comp/whatif", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":" + CREDITS
                + ",\"payee\":\"ann\",\"deal\":{\"amount\":\"4000\",\"type\":\"new\",\"date\":\"2026-03-20\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("extraPay").decimalValue()).as(r.body()).isEqualByComparingTo("200.00");
        assertThat(body.get("before").get("total").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(body.get("after").get("total").decimalValue()).isEqualByComparingTo("800.00");
    }

    @Test
    void calculate_tooManyCredits_is400NamingTheLimit() throws Exception {
        try (SalesopsServer small = SalesopsServer.create(ServerLimits.defaults().withMaxCredits(2)).start("127.0.0.1", 0)) {
            HttpResponse<String> r = post(small, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":" + CREDITS + "}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("/credits").contains("3 credits exceed the limit of 2");
        }
    }

    @Test
    void calculate_statementsAreTheSameJsonAsTheCli(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("flat.json"), PLAN);
        Path credits = Files.writeString(dir.resolve("credits.csv"), """
                id,payee,date,amount,currency,type
                C-1,ann,2026-02-10,10000.00,USD,new
                C-2,ann,2026-03-01,2000.00,USD,new
                C-3,bob,2026-03-05,1000.00,USD,new
                """);
        StringWriter out = new StringWriter();
        assertThat(SalesopsCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "comp", "calculate", "--plan",
                plan.toString(), "--credits", credits.toString(), "--period", "2026-Q1", "--format", "json")).isZero();
        HttpResponse<String> r = post(server, "/v1/comp/calculate", "{\"plan\":" + PLAN + ",\"period\":\"2026-Q1\",\"credits\":" + CREDITS + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("statements")).isEqualTo(JSON.readTree(out.toString()));
    }
}
