package io.salesops.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.server.ProblemException;
import io.salesops.server.ProblemException.FieldError;
import io.salesops.server.ServerLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pipeline, KPI and backtest endpoints' streamed read of a request body answers exactly as binding the whole
 * body did: the same forecast, KPIs or backtest, or the same problem (status, message, field errors at the same JSON pointers in the same order), on
 * bodies with good and bad records, the org and stages before or after the array, and JSON the stream leaves to
 * the binding (numbers for text, unknown or repeated fields, other shapes, a byte-order mark, broken syntax). The
 * one difference is intended: an opportunities array over the limit is refused before any of its records is read.
 */
class OpportunityStreamProperties {

    private static final java.util.function.Function<byte[], Requests.Pipeline> PIPELINE =
            OpportunityStream.reader(Requests.Pipeline.class);

    private static final int MAX = 6;
    private static final StageModel MODEL = StageModel.defaultModel();
    private static final Org ORG = Org.of(List.of(Rep.of("ann", null), Rep.of("bob", "ann")));
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ServerLimits LIMITS = ServerLimits.defaults().withMaxOpportunities(MAX);

    @Property(tries = 300)
    void streamedRequest_answersAsTheBoundRequest(@ForAll("bodies") byte[] body) {
        String bound = answer(body, false);
        String streamed = answer(body, true);
        if (!streamed.equals(bound)) {
            // the one difference: an array over the limit is refused before its records are read, so a record's
            // binding error inside it is not the first error any more
            assertThat(streamed).contains("opportunities exceed the limit of " + MAX);
            assertThat(bound).startsWith("400 /opportunities/");
        }
    }

    @Property(tries = 200)
    void streamedKpiAndBacktestRequests_answerAsTheBoundRequests(@ForAll("kpiBodies") byte[] body, @ForAll boolean kpi) {
        String bound = answer(body, kpi, false);
        String streamed = answer(body, kpi, true);
        if (!streamed.equals(bound)) {
            assertThat(streamed).contains("opportunities exceed the limit of " + MAX);
            assertThat(bound).startsWith("400 /opportunities/");
        }
    }

    /** The KPI or backtest response body, or the problem's status, detail and field errors. */
    private static String answer(byte[] body, boolean kpi, boolean streamed) {
        if (kpi) {
            return answer(() -> Endpoints.kpi(streamed ? OpportunityStream.reader(Requests.Kpi.class).apply(body)
                    : Json.read(body, Requests.Kpi.class), LIMITS));
        }
        return answer(() -> Endpoints.backtest(streamed ? OpportunityStream.reader(Requests.Backtest.class).apply(body)
                : Json.read(body, Requests.Backtest.class), LIMITS));
    }

    @Provide
    Arbitrary<byte[]> kpiBodies() {
        CrmTableProperties generated = new CrmTableProperties();
        return Arbitraries.oneOf(generated.records(), generated.goodRecords()).flatMap(records -> Arbitraries.longs().map(seed -> {
            Random rnd = new Random(seed);
            List<String> fields = new ArrayList<>();
            fields.add("\"from\":" + (rnd.nextInt(10) == 0 ? "\"2026-Q9\"" : "\"2026-Q2\""));
            fields.add("\"to\":\"2026-Q3\"");
            switch (rnd.nextInt(4)) {
                case 0 -> fields.add("\"by\":\"owner\"");
                case 1 -> fields.add("\"by\":\"product\"");
                case 2 -> fields.add("\"by\":\"nosuchfield\"");
                default -> { }
            }
            if (rnd.nextInt(3) == 0) {
                fields.add("\"stages\":[{\"stage\":\"Proposal\",\"probability\":\"40\"},{\"stage\":\"Qualification\","
                        + "\"probability\":20},{\"stage\":\"Closed Won\",\"probability\":100,\"outcome\":\"won\"},"
                        + "{\"stage\":\"Closed Lost\",\"probability\":0,\"outcome\":\"lost\"}]");
            }
            if (rnd.nextInt(10) != 0) {
                List<String> elements = new ArrayList<>();
                for (Requests.Opportunity o : records) {
                    elements.add(perturbed(o, rnd));
                }
                fields.add("\"opportunities\":" + (rnd.nextInt(30) == 0 ? "{}" : "[" + String.join(",", elements) + "]"));
            }
            Collections.shuffle(fields, rnd);
            String json = "{" + String.join(",", fields) + "}";
            json = rnd.nextInt(40) == 0 ? json.substring(0, json.length() / 2) : json;
            return json.getBytes(StandardCharsets.UTF_8);
        }));
    }

    @Property(tries = 200)
    void plainRecords_areStreamed_intoTheTableOfTheBoundRecords(@ForAll("plainBodies") byte[] body) throws Exception {
        Requests.Pipeline streamed = PIPELINE.apply(body);
        assertThat(streamed.opportunities()).isInstanceOf(OpportunityStream.Later.class);
        List<Requests.Opportunity> records = Json.read(body, Requests.Pipeline.class).opportunities();
        assertThat(streamed.opportunities()).hasSameSizeAs(records);
        List<FieldError> boundErrors = new ArrayList<>();
        OpportunityTable bound = Crm.table(boundErrors, records, MODEL, true, ORG);
        List<FieldError> streamErrors = new ArrayList<>();
        OpportunityTable table = OpportunityStream.stream(streamErrors, (OpportunityStream.Later) streamed.opportunities(),
                MODEL, true, ORG);
        assertThat(streamErrors).isEqualTo(boundErrors);
        if (boundErrors.isEmpty()) {
            assertThat(table.asList()).isEqualTo(bound.asList());
        }
    }

    @Provide
    Arbitrary<byte[]> plainBodies() {
        CrmTableProperties records = new CrmTableProperties();
        return Arbitraries.oneOf(records.records(), records.goodRecords()).map(list -> {
            try {
                return ("{\"opportunities\":" + PLAIN.writeValueAsString(list) + ",\"asOf\":\"2026-07-15\"}")
                        .getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** The pipeline response body, or the problem's status, detail and field errors. */
    private static String answer(byte[] body, boolean streamed) {
        return answer(() -> Endpoints.pipeline(streamed ? PIPELINE.apply(body) : Json.read(body, Requests.Pipeline.class), LIMITS));
    }

    /** The response body of a request, or the problem's status, detail and field errors. */
    private static String answer(java.util.function.Supplier<Object> request) {
        try {
            return Json.mapper().writeValueAsString(request.get());
        } catch (ProblemException e) {
            return e.status() + " " + e.getMessage() + " " + e.errors();
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return new CrmTableProperties().records().flatMap(records -> Arbitraries.longs().map(seed -> body(records, seed)));
    }

    private static byte[] body(List<Requests.Opportunity> records, long seed) {
        Random rnd = new Random(seed);
        List<String> fields = new ArrayList<>();
        fields.add("\"asOf\":" + (rnd.nextInt(10) == 0 ? "null" : "\"2026-07-15\""));
        fields.add("\"period\":\"2026-Q3\"");
        fields.add("\"method\":\"stage_weighted\"");
        if (rnd.nextBoolean()) {
            fields.add("\"by\":\"owner\"");
            fields.add("\"org\":[{\"rep\":\"ann\"},{\"rep\":\"bob\",\"manager\":\"ann\"}]");
        }
        if (rnd.nextInt(3) == 0) {
            fields.add("\"stages\":[{\"stage\":\"Proposal\",\"probability\":\"40\"},{\"stage\":\"Qualification\","
                    + "\"probability\":20},{\"stage\":\"Closed Won\",\"probability\":100,\"outcome\":\"won\"},"
                    + "{\"stage\":\"Closed Lost\",\"probability\":0,\"outcome\":\"lost\"}]");
        }
        if (rnd.nextInt(8) == 0) {
            fields.add("\"simulations\":" + (rnd.nextBoolean() ? "-1" : "\"x\""));
        }
        if (rnd.nextInt(10) != 0) {
            List<String> elements = new ArrayList<>();
            for (Requests.Opportunity o : records) {
                elements.add(perturbed(o, rnd));
            }
            fields.add("\"opportunities\":" + (rnd.nextInt(30) == 0 ? "{}" : "[" + String.join(",", elements) + "]"));
        }
        Collections.shuffle(fields, rnd);
        String json = "{" + String.join(rnd.nextBoolean() ? "," : ",\n  ", fields) + "}";
        switch (rnd.nextInt(40)) {
            case 0 -> json = json.substring(0, json.length() / 2); // cut short
            case 1 -> json = json + " {}";                         // trailing token
            case 2 -> json = "\uFEFF" + json;                       // byte-order mark
            default -> { }
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The record as JSON, now and then in a form only the binding reads (or refuses). */
    private static String perturbed(Requests.Opportunity o, Random rnd) {
        String json;
        try {
            json = o == null ? "null" : PLAIN.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
        if (o == null || rnd.nextInt(6) != 0) {
            return json;
        }
        return switch (rnd.nextInt(7)) {
            case 0 -> json.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":12");          // a number for text
            case 1 -> json.replaceFirst("\\{", "{\"bogus\":1,");                        // unknown field
            case 2 -> json.replaceFirst("\\{", "{\"id\":\"dup\",");                     // repeated field
            case 3 -> json.replaceFirst("\"account\":\"[^\"]*\"", "\"account\":[\"A1\"]"); // array for text
            case 4 -> json.replaceFirst("\"amount\":", "\"amount\":{\"v\":1},\"x\":");  // object amount, then unknown
            case 5 -> json.replaceFirst("\"type\":null", "\"type\":true");               // boolean for text
            default -> json.replaceFirst("\"product\":", "\"product\" : ");             // whitespace only
        };
    }
}
