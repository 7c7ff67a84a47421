package io.salesops.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.server.ProblemException;
import io.salesops.server.ServerLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Mutated JSON requests through the server's whole path but the socket (parse, bind, validate, compute, render a
 * problem): a request is answered or refused with a {@link ProblemException}, never another exception; a refusal
 * renders as a problem document under 4 KB that names no Java type.
 */
class RequestFuzzProperties {

    private static final String PIPELINE = "{\"opportunities\":["
            + "{\"id\":\"O-1\",\"owner\":\"ann\",\"stage\":\"Proposal\",\"amount\":\"1000.00\",\"createdDate\":\"2026-06-01\",\"closeDate\":\"2026-08-10\"},"
            + "{\"id\":\"W-1\",\"owner\":\"bob\",\"stage\":\"Closed Won\",\"amount\":400.00,\"createdDate\":\"2026-05-01\",\"closeDate\":\"2026-07-02\",\"status\":\"won\"}],"
            + "\"asOf\":\"2026-07-15\",\"period\":\"2026-Q3\",\"simulations\":10}";
    private static final String COMP = "{\"plan\":{\"name\":\"Flat\",\"currency\":\"USD\",\"components\":[{\"name\":\"Bookings\","
            + "\"measure\":\"sum\",\"pay\":{\"type\":\"flat_rate\",\"rate\":5}}]},\"period\":\"2026-Q1\",\"credits\":["
            + "{\"id\":\"C-1\",\"payee\":\"ann\",\"date\":\"2026-02-10\",\"amount\":\"10000.00\",\"currency\":\"USD\",\"type\":\"new\"}]}";

    private static final ServerLimits LIMITS = ServerLimits.defaults().withMaxSimulations(100);

    @Property
    void mutatedPipelineRequest_isAnsweredOrRefusedCleanly(@ForAll("mutations") List<Tuple.Tuple2<Integer, String>> edits) {
        String body = mutate(PIPELINE, edits);
        expectAnswerOrProblem(() -> Endpoints.pipeline(Json.read(bytes(body), Requests.Pipeline.class), LIMITS));
    }

    @Property
    void mutatedCompRequest_isAnsweredOrRefusedCleanly(@ForAll("mutations") List<Tuple.Tuple2<Integer, String>> edits) {
        String body = mutate(COMP, edits);
        expectAnswerOrProblem(() -> Comp.calculate(Json.read(bytes(body), Requests.CompCalculate.class), LIMITS));
    }

    private static void expectAnswerOrProblem(java.util.function.Supplier<Object> call) {
        try {
            assertThat(call.get()).isNotNull();
        } catch (ProblemException e) {
            String doc = new String(Problems.document(e, "/v1/x"), StandardCharsets.UTF_8);
            assertThat(doc.length()).isLessThan(4096);
            assertThat(doc).doesNotContain("io.salesops", "java.", "StreamReadConstraints", "JsonToken").doesNotContainPattern("\\w\\$\\w");
        } catch (IllegalArgumentException | ArithmeticException | java.util.NoSuchElementException
                 | java.time.DateTimeException e) {
            // The server maps these to 400 with the message: it must be short and free of Java names too.
            assertThat(Problems.clean(e.getMessage()).length()).isLessThanOrEqualTo(Problems.MAX_DETAIL + 3);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String mutate(String body, List<Tuple.Tuple2<Integer, String>> edits) {
        StringBuilder sb = new StringBuilder(body);
        for (Tuple.Tuple2<Integer, String> e : edits) {
            int at = e.get1() % (sb.length() + 1);
            int cut = Math.min(sb.length() - at, e.get2().length() % 4);
            sb.replace(at, at + cut, e.get2());
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Integer, String>>> mutations() {
        Arbitrary<String> garbage = Arbitraries.of("1e999999999", "-1e-999999999", "99999999999999999999999999999999",
                "\"", "[", "]", "{", "}", ",", ":", "null", "true", "-", "\"\\u0000\"", "\"=HYPERLINK()\"", "0.0000001",
                "9".repeat(70), "\"" + "9".repeat(200) + "\"", "1E+400", "\"1e999999999\"", "[[[[[[[[", "\"2026-02-30\"");
        return Combinators.combine(Arbitraries.integers().between(0, 2000), garbage).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }
}
