package io.salesops.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.cli.SalesopsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastEndpointsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static SalesopsServer server;

    @TempDir
    Path dir;

    /** The CLI test's four deals (ForecastPipelineCommandTest), as JSON. */
    static final String OPPS = """
            [{"id":"O-1","owner":"ann","stage":"Proposal","amount":"1000.00","currency":"USD","createdDate":"2026-06-01","closeDate":"2026-08-10","status":"open"},
             {"id":"O-2","owner":"ann","stage":"Negotiation","amount":2000.00,"createdDate":"2026-06-01","closeDate":"2026-09-30","status":"open"},
             {"id":"O-3","owner":"bob","stage":"Prospecting","amount":"333.33","createdDate":"2026-06-01","closeDate":"2026-07-20"},
             {"id":"W-1","owner":"bob","stage":"Closed Won","amount":"400.00","createdDate":"2026-05-01","closeDate":"2026-07-02","status":"won"}]""";
    static final String ORG = """
            [{"rep":"m1","name":"Max"},{"rep":"ann","name":"Ann","manager":"m1"},{"rep":"bob","name":"Bob","manager":"m1"}]""";

    @BeforeAll
    static void start() {
        server = SalesopsServer.create(ServerLimits.defaults().withMaxOpportunities(1000)).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(SalesopsServer s, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String pipelineRequest(String extra) {
        return "{\"opportunities\":" + OPPS + ",\"org\":" + ORG
                + ",\"quotas\":[{\"rep\":\"bob\",\"period\":\"2026-Q3\",\"amount\":\"1000.00\",\"currency\":\"USD\"}],"
                + "\"asOf\":\"2026-07-15\",\"period\":\"2026-Q3\",\"by\":\"owner\",\"timing\":\"close_date\"" + extra + "}";
    }

    static JsonNode node(JsonNode nodes, String group) {
        for (JsonNode n : nodes) {
            if (n.get("group").asText().equals(group)) {
                return n;
            }
        }
        throw new AssertionError("no node " + group + " in " + nodes);
    }

    @Test
    void pipeline_byOwnerThroughTheOrg_givesTheHandComputedNodes() throws Exception {
        HttpResponse<String> r = post(server, "/v1/forecast/pipeline", pipelineRequest(""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode nodes = JSON.readTree(r.body());
        JsonNode total = nodes.get(0);
        // 1000 x 50% + 2000 x 75% + 333.33 x 10% (33.33) + 400.00 won
        assertThat(total.get("group").asText()).isEqualTo("Total");
        assertThat(total.get("expected").asText()).isEqualTo("2433.33");
        assertThat(total.get("closed").asText()).isEqualTo("400.00");
        assertThat(total.get("commitForecast").asText()).isEqualTo("2400.00");
        JsonNode bob = node(nodes, "bob");
        assertThat(bob.get("parent").asText()).isEqualTo("m1");
        assertThat(bob.get("quota").asText()).isEqualTo("1000.00");
        assertThat(bob.get("attainment").asText()).isEqualTo("40");
        assertThat(bob.get("coverage").asText()).isEqualTo("0.56");
    }

    @Test
    void pipeline_withSimulations_isTheSameJsonAsTheCli() throws Exception {
        Path opps = Files.writeString(dir.resolve("opps.csv"), """
                id,owner,stage,amount,created_date,close_date,status
                O-1,ann,Proposal,1000.00,2026-06-01,2026-08-10,open
                O-2,ann,Negotiation,2000.00,2026-06-01,2026-09-30,open
                O-3,bob,Prospecting,333.33,2026-06-01,2026-07-20,open
                W-1,bob,Closed Won,400.00,2026-05-01,2026-07-02,won
                """);
        Path org = Files.writeString(dir.resolve("org.csv"), "rep,name,manager\nm1,Max,\nann,Ann,m1\nbob,Bob,m1\n");
        Path quotas = Files.writeString(dir.resolve("quotas.csv"), "rep,period,amount,currency\nbob,2026-Q3,1000.00,USD\n");
        StringWriter out = new StringWriter();
        int code = SalesopsCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "forecast", "pipeline",
                "--opportunities", opps.toString(), "--org", org.toString(), "--quotas", quotas.toString(),
                "--as-of", "2026-07-15", "--period", "2026-Q3", "--by", "owner", "--timing", "close_date",
                "--simulations", "2000", "--seed", "7", "--format", "json");
        assertThat(code).isZero();
        HttpResponse<String> r = post(server, "/v1/forecast/pipeline", pipelineRequest(",\"simulations\":2000,\"seed\":7"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode served = JSON.readTree(r.body());
        assertThat(served).isEqualTo(JSON.readTree(out.toString()));
        assertThat(served.get(0).get("p50").isNull()).isFalse();
    }

    @Test
    void pipeline_everyBadRecordIsNamed_notOnlyTheFirst() throws Exception {
        String opps = """
                [{"id":"A","owner":"ann","stage":"Proposal","amount":"-5.00","createdDate":"2026-06-01"},
                 {"id":"B","owner":"ann","stage":"Signed","amount":"1.00","createdDate":"2026-06-01"},
                 {"id":"C","owner":"ann","stage":"Proposal","amount":"1.00","createdDate":"2026-06-01","closeDate":"2026-05-01"},
                 {"id":"D","owner":"zed","stage":"Proposal","amount":"1.00","createdDate":"2026-06-01"},
                 {"id":"E","owner":"ann","stage":"Proposal","amount":"1.0.0","createdDate":"June"}]""";
        HttpResponse<String> r = post(server, "/v1/forecast/pipeline", "{\"opportunities\":" + opps + ",\"org\":" + ORG
                + ",\"asOf\":\"2026-07-15\",\"period\":\"2026-Q3\",\"by\":\"owner\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(r.body()).get("errors");
        List<String> pointers = new ArrayList<>();
        errors.forEach(e -> pointers.add(e.get("pointer").asText()));
        // without "stages" a stage the built-in model lacks is the file's own (the model is inferred), not an error
        assertThat(pointers).contains("/opportunities/0/amount", "/opportunities/2/closeDate",
                "/opportunities/3/owner", "/opportunities/4/amount", "/opportunities/4/createdDate")
                .doesNotContain("/opportunities/1/stage");
        assertThat(r.body()).contains("negative amount").contains("opportunity D").contains("zed").doesNotContain("\tat ");
    }

    @Test
    void pipeline_withStagesGiven_aStageOutsideThemIsNamed() throws Exception {
        String opps = """
                [{"id":"B","owner":"ann","stage":"Signed","amount":"1.00","createdDate":"2026-06-01"}]""";
        HttpResponse<String> r = post(server, "/v1/forecast/pipeline", "{\"opportunities\":" + opps
                + ",\"stages\":[{\"stage\":\"Proposal\",\"probability\":50},{\"stage\":\"Won\",\"probability\":100,\"outcome\":\"won\"},"
                + "{\"stage\":\"Lost\",\"probability\":0,\"outcome\":\"lost\"}],\"asOf\":\"2026-07-15\",\"period\":\"2026-Q3\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/opportunities/0/stage").contains("opportunity B").contains("unknown stage \\\"Signed");
    }

    @Test
    void pipeline_withOwnStageNamesAndNoOptions_isTheCliDefault_autoWithInferredStages() throws Exception {
        Path opps = Files.writeString(dir.resolve("own.csv"), """
                id,owner,stage,amount,created_date,close_date,status
                O-1,ann,Engaging,1000.00,2026-06-01,,open
                O-2,bob,Demo,2000.00,2026-05-01,,open
                W-1,ann,Booked,400.00,2026-03-01,2026-04-02,won
                L-1,bob,Dead,300.00,2026-03-01,2026-04-10,lost
                """);
        StringWriter out = new StringWriter();
        int code = SalesopsCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "forecast", "pipeline",
                "--opportunities", opps.toString(), "--as-of", "2026-07-01", "--period", "2026-Q3", "--by", "owner",
                "--format", "json");
        assertThat(code).isZero();
        String json = """
                [{"id":"O-1","owner":"ann","stage":"Engaging","amount":"1000.00","currency":"USD","createdDate":"2026-06-01","status":"open"},
                 {"id":"O-2","owner":"bob","stage":"Demo","amount":"2000.00","currency":"USD","createdDate":"2026-05-01","status":"open"},
                 {"id":"W-1","owner":"ann","stage":"Booked","amount":"400.00","currency":"USD","createdDate":"2026-03-01","closeDate":"2026-04-02","status":"won"},
                 {"id":"L-1","owner":"bob","stage":"Dead","amount":"300.00","currency":"USD","createdDate":"2026-03-01","closeDate":"2026-04-10","status":"lost"}]""";
        HttpResponse<String> r = post(server, "/v1/forecast/pipeline", "{\"opportunities\":" + json
                + ",\"asOf\":\"2026-07-01\",\"period\":\"2026-Q3\",\"by\":\"owner\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(out.toString()));
        HttpResponse<String> bad = post(server, "/v1/forecast/pipeline", "{\"opportunities\":" + json
                + ",\"asOf\":\"2026-07-01\",\"period\":\"2026-Q3\",\"method\":\"magic\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("/method").contains("\\\"magic\\\" is not a pipeline method");
    }

    @Test
    void pipeline_tooManySimulations_is400NamingTheLimit() throws Exception {
        try (SalesopsServer small = SalesopsServer.create(ServerLimits.defaults().withMaxSimulations(500)).start("127.0.0.1", 0)) {
            HttpResponse<String> r = post(small, "/v1/forecast/pipeline", pipelineRequest(",\"simulations\":501"));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("/simulations").contains("501 simulations exceed the limit of 500");
        }
    }

    @Test
    void pipeline_tooManyOpportunities_is400NamingTheLimit() throws Exception {
        try (SalesopsServer small = SalesopsServer.create(ServerLimits.defaults().withMaxOpportunities(3)).start("127.0.0.1", 0)) {
            HttpResponse<String> r = post(small, "/v1/forecast/pipeline", pipelineRequest(""));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("/opportunities").contains("4 opportunities").contains("limit of 3");
        }
    }

    @Test
    void pipeline_pastTheTimeout_is503() throws Exception {
        try (SalesopsServer slow = SalesopsServer.create(ServerLimits.defaults().withRequestTimeout(Duration.ofMillis(1)))
                .start("127.0.0.1", 0)) {
            HttpResponse<String> r = post(slow, "/v1/forecast/pipeline", pipelineRequest(",\"simulations\":100000"));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("did not finish");
        }
    }

    @Test
    void pipeline_concurrentRequests_answerAsTheSequentialOne() throws Exception {
        String body = pipelineRequest(",\"simulations\":5000,\"seed\":11");
        // 4 computations and a queue of 32: the 16 requests never see 503 however many cores the machine has
        SalesopsServer busy = SalesopsServer.create(ServerLimits.defaults().withMaxConcurrent(4)).start("127.0.0.1", 0);
        String sequential = post(busy, "/v1/forecast/pipeline", body).body();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(pool.submit(() -> post(busy, "/v1/forecast/pipeline", body)));
            }
            for (Future<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.body()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
            busy.close();
        }
    }

    @Test
    void kpi_handComputedWinRate() throws Exception {
        // two closed in 2026-Q3: one won (400), one lost (600); win rate by count 0.5, by value 0.4
        String opps = """
                [{"id":"W","owner":"ann","stage":"Closed Won","amount":"400.00","createdDate":"2026-05-01","closeDate":"2026-07-02","status":"won"},
                 {"id":"L","owner":"bob","stage":"Closed Lost","amount":"600.00","createdDate":"2026-05-01","closeDate":"2026-08-02","status":"lost"}]""";
        HttpResponse<String> r = post(server, "/v1/kpi", "{\"opportunities\":" + opps + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"by\":\"owner\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode total = JSON.readTree(r.body()).get(0);
        assertThat(total.get("won").asInt()).isEqualTo(1);
        assertThat(total.get("lost").asInt()).isEqualTo(1);
        assertThat(total.get("winRateByCount").asDouble()).isEqualTo(0.5);
        assertThat(total.get("winRateByValue").asDouble()).isEqualTo(0.4);
        assertThat(total.get("bookings").get("2026-Q3").asText()).isEqualTo("400.00");
    }

    @Test
    void kpiAndBacktest_byAFieldNoDealHas_isRefusedAtBy_notOneNoneGroup() throws Exception {
        // "ownr" is a typo: grouping by it put every deal in one "(none)" group with 200; the CLI refuses it
        HttpResponse<String> kpi = post(server, "/v1/kpi", "{\"opportunities\":" + OPPS
                + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"by\":\"ownr\"}");
        HttpResponse<String> backtest = post(server, "/v1/forecast/backtest", "{\"opportunities\":" + OPPS
                + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"by\":\"ownr\"}");
        HttpResponse<String> team = post(server, "/v1/kpi", "{\"opportunities\":" + OPPS
                + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"by\":\"team\",\"org\":" + ORG + "}");

        for (HttpResponse<String> r : java.util.List.of(kpi, backtest)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            JsonNode error = JSON.readTree(r.body()).get("errors").get(0);
            assertThat(error.get("pointer").asText()).isEqualTo("/by");
            assertThat(error.get("detail").asText()).startsWith("\"ownr\": no opportunity has a value for it;")
                    .contains("owner", "product");
        }
        assertThat(team.statusCode()).as("team comes from the org").isEqualTo(200);
    }

    @Test
    void backtest_reportsPeriodsAndErrors() throws Exception {
        HttpResponse<String> r = post(server, "/v1/forecast/backtest", "{\"opportunities\":" + OPPS
                + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"fixed\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode b = JSON.readTree(r.body());
        // as of 2026-07-01 nothing has closed in the quarter yet; W-1 (400.00) is booked on 2026-07-02
        assertThat(b.get("periods").get(0).get("period").asText()).isEqualTo("2026-Q3");
        assertThat(b.get("periods").get(0).get("actual").asText()).isEqualTo("400.00");
        assertThat(b.has("modelWape")).isTrue();
    }

    @Test
    void backtest_missingPeriods_namesBoth() throws Exception {
        HttpResponse<String> r = post(server, "/v1/forecast/backtest", "{\"opportunities\":" + OPPS + "}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("/from").contains("/to");
    }

    @Test
    void kpiAndBacktest_areTheSameJsonAsTheCli() throws Exception {
        Path opps = Files.writeString(dir.resolve("opps.csv"), """
                id,owner,stage,amount,created_date,close_date,status
                O-1,ann,Proposal,1000.00,2026-06-01,2026-08-10,open
                O-2,ann,Negotiation,2000.00,2026-06-01,2026-09-30,open
                O-3,bob,Prospecting,333.33,2026-06-01,2026-07-20,open
                W-1,bob,Closed Won,400.00,2026-05-01,2026-07-02,won
                """);
        StringWriter kpi = new StringWriter();
        assertThat(SalesopsCli.run(new PrintWriter(kpi), new PrintWriter(new StringWriter()), "kpi", "--opportunities",
                opps.toString(), "--from", "2026-Q2", "--to", "2026-Q3", "--by", "owner", "--format", "json")).isZero();
        HttpResponse<String> k = post(server, "/v1/kpi", "{\"opportunities\":" + OPPS + ",\"from\":\"2026-Q2\",\"to\":\"2026-Q3\",\"by\":\"owner\"}");
        assertThat(k.statusCode()).as(k.body()).isEqualTo(200);
        assertThat(JSON.readTree(k.body())).isEqualTo(JSON.readTree(kpi.toString()));
        StringWriter bt = new StringWriter();
        assertThat(SalesopsCli.run(new PrintWriter(bt), new PrintWriter(new StringWriter()), "forecast", "backtest",
                "--opportunities", opps.toString(), "--from", "2026-Q3", "--to", "2026-Q3", "--fixed", "--format", "json")).isZero();
        HttpResponse<String> b = post(server, "/v1/forecast/backtest", "{\"opportunities\":" + OPPS + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"fixed\":true}");
        assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
        assertThat(JSON.readTree(b.body())).isEqualTo(JSON.readTree(bt.toString()));
        HttpResponse<String> both = post(server, "/v1/forecast/backtest", "{\"opportunities\":" + OPPS
                + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"fixed\":true,\"method\":\"auto\"}");
        assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
        assertThat(both.body()).contains("/fixed").contains("cannot go with");
        HttpResponse<String> magic = post(server, "/v1/forecast/backtest", "{\"opportunities\":" + OPPS
                + ",\"from\":\"2026-Q3\",\"to\":\"2026-Q3\",\"method\":\"magic\"}");
        assertThat(magic.statusCode()).as(magic.body()).isEqualTo(400);
        assertThat(magic.body()).contains("/method").contains("is not a pipeline method");
    }

    @Test
    void kpi_aWindowOfTooManyPeriods_is400AtTo_notAHugeAnswer() throws Exception {
        // One deal and years 1 to 9999 answered 200 with a 12.7 MB body (a row per quarter).
        HttpResponse<String> r = post(server, "/v1/kpi", "{\"opportunities\":" + OPPS
                + ",\"from\":\"0001-Q1\",\"to\":\"9999-Q4\",\"by\":\"owner\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("/to").contains("has 39996 periods; at most 1200");
    }
}
