package io.salesops.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.server.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void clean_turnsJacksonTypeNamesIntoJsonWords() {
        assertThat(Problems.clean("Cannot deserialize value of type `io.salesops.server.internal.Requests$Pipeline` from Array"
                + " value (token `JsonToken.START_ARRAY`)")).isEqualTo("expected an object, found Array value");
        assertThat(Problems.clean("Cannot deserialize value of type `java.lang.Integer` from String \"many\": not a valid"
                + " `java.lang.Integer` value")).isEqualTo("expected an integer, found String \"many\": not an integer");
        assertThat(Problems.clean("Cannot construct instance of `io.salesops.server.internal.Requests$Series` (although at"
                + " least one Creator exists): no int/Int-argument constructor/factory method to deserialize from Number"
                + " value (1)")).isEqualTo("expected an object, found Number value (1)");
        assertThat(Problems.clean("Number value length (70) exceeds the maximum allowed (64, from"
                + " `StreamReadConstraints.getMaxNumberLength()`)")).isEqualTo("Number value length (70) exceeds the maximum allowed (64)");
        assertThat(Problems.clean("failed at java.util.ArrayList.get")).doesNotContain("java.");
    }

    @Test
    void document_staysSmallWhateverTheErrors() {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            errors.add(new ProblemException.FieldError("/opportunities/" + i + "/amount", "x".repeat(10_000)));
        }
        byte[] doc = Problems.document(ProblemException.badFields(errors), "/v1/forecast/pipeline");
        String text = new String(doc, StandardCharsets.UTF_8);
        assertThat(text).contains("\"moreErrors\":9900");
        assertThat(doc.length).isLessThan(Problems.MAX_ERRORS * (Problems.MAX_DETAIL + 100) + 1000);
    }
}
