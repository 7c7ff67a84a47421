package io.salesops.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.salesops.server.ProblemException;
import java.io.IOException;
import java.util.List;

/**
 * The one JSON configuration of the server: strict on input (unknown fields, trailing tokens, nulls for
 * primitives, absurd nesting or numbers are errors), plain on output (ISO dates, no timestamps).
 */
public final class Json {

    /** Deepest nesting accepted in a request. */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = builder().build();

    private Json() {
    }

    /** @return a builder with the one configuration, for a reader that adds to it (see {@link OpportunityStream}) */
    static JsonMapper.Builder builder() {
        return JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(64)
                            .maxStringLength(1 << 20)
                            .build())
                    .build())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION);
    }

    /** @return the shared mapper (thread-safe once configured) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a request body into {@code type}.
     *
     * @throws ProblemException 400 naming the JSON pointer, line and column of the first error
     */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ProblemException(400, "Bad Request", "the request body is empty; expected a JSON object", List.of());
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonMappingException e) {
            String pointer = pointer(e.getPath());
            String what = e instanceof UnrecognizedPropertyException u
                    ? "unknown field \"" + u.getPropertyName() + "\""
                    : e.getOriginalMessage().replaceAll("\\(for Object starting at.*", "").replaceAll("\\s+", " ").strip();
            throw ProblemException.badField(pointer.isEmpty() ? "/" : pointer, what + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Bad Request", "malformed JSON: " + e.getOriginalMessage() + at(e.getLocation()), List.of());
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "unreadable body: " + e.getMessage(), List.of());
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** @return the JSON pointer of a Jackson reference path, e.g. {@code /opportunities/3/amount} */
    public static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            sb.append('/');
            if (r.getFieldName() != null) {
                sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                sb.append(r.getIndex());
            }
        }
        return sb.toString();
    }
}
