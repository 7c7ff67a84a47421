package io.salesops.server.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.OpportunityTableBuilder;
import io.salesops.core.crm.StageModel;
import io.salesops.core.org.Org;
import io.salesops.server.ProblemException.FieldError;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a request with an {@code opportunities} array (pipeline, KPIs, backtest) without an object per
 * opportunity, in two passes over the body. The first binds every
 * field but {@code opportunities} as {@link Json#read} does (same rules, same coercions) and only counts the
 * array's elements, checking its syntax, nesting and sizes as the parser's limits say; the second, once the stage
 * model and org are known whatever their place in the body, streams the records with the parser straight into an
 * {@link OpportunityChecks} and a table builder, through one reused {@link StreamedRecord}.
 *
 * <p>The stream reads the plain forms a client sends (a record is an object of the known fields, text fields are
 * strings, an amount a string or number, attributes an object of strings, history an array of such objects). Any
 * other body, valid or not, is read again by {@link Json#read} and checked record by record as before: so a bad
 * body gets exactly the error it got before, and a body the binding accepts by coercion (a number for an id, say)
 * gets exactly its forecast. Stateless.
 */
final class OpportunityStream {

    /** Binds a request with {@code opportunities} as a {@link Later}, which counts but keeps no record. */
    private static final ObjectMapper HEAD = Json.builder().addModule(laterModule()).build();

    private static SimpleModule laterModule() {
        SimpleModule m = new SimpleModule("opportunities-later");
        m.setDeserializers(new SimpleDeserializers() {
            @Override
            public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                                                                  BeanDescription bean, TypeDeserializer elementTypes,
                                                                  JsonDeserializer<?> elements) {
                return type.getContentType().hasRawClass(Requests.Opportunity.class) ? new LaterDeserializer() : null;
            }
        });
        return m;
    }

    /** The attributes of the first pass that give the deserializer the body it reads and the request's type. */
    private static final String BODY = "salesops.body";
    private static final String TYPE = "salesops.type";

    private OpportunityStream() {
    }

    /**
     * The reader of a request type's bodies: its opportunities, if streamable, as a {@link Later} to be read by
     * {@link #table}; else bound as {@link Json#read} binds them.
     *
     * @param type the request type, whose {@code opportunities} is a list of {@link Requests.Opportunity}
     * @return a function that throws {@link io.salesops.server.ProblemException} 400 as {@link Json#read}
     */
    static <Q extends Requests.WithOpportunities> Function<byte[], Q> reader(Class<Q> type) {
        ObjectReader head = HEAD.readerFor(type);
        return body -> {
            try {
                return head.withAttribute(BODY, body).withAttribute(TYPE, type).readValue(body);
            } catch (IOException | RuntimeException e) {
                return Json.read(body, type); // the error (or the coerced request) of the binding
            }
        };
    }

    /**
     * A request's opportunities checked into a table, with the errors {@link Crm#table} adds for the same
     * records, in the same order.
     *
     * @param records the request's {@code opportunities}: a {@link Later} from {@link #reader}, or bound records
     * @throws io.salesops.server.ProblemException 400 for a body whose records the binding refuses
     */
    static OpportunityTable table(List<FieldError> errors, List<Requests.Opportunity> records, StageModel model,
                                  boolean knownStagesOnly, Org org) {
        if (!(records instanceof Later later)) {
            return Crm.table(errors, records, model, knownStagesOnly, org);
        }
        int before = errors.size();
        try {
            return stream(errors, later, model, knownStagesOnly, org);
        } catch (IOException | NotStreamable e) {
            errors.subList(before, errors.size()).clear();
            return Crm.table(errors, Json.read(later.body, later.type).opportunities(), model, knownStagesOnly, org);
        }
    }

    /** The stream itself: the records of {@code later} checked into a table, or NotStreamable. */
    static OpportunityTable stream(List<FieldError> errors, Later later, StageModel model,
                                           boolean knownStagesOnly, Org org) throws IOException {
        byte[] body = later.body;
        OpportunityTableBuilder b = OpportunityTable.builder();
        OpportunityChecks checks = new OpportunityChecks(errors, model, knownStagesOnly, org, Crm.tableSink(b));
        StreamedRecord record = new StreamedRecord();
        try (JsonParser p = Json.mapper().getFactory().createParser(body, later.offset, body.length - later.offset)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new NotStreamable();
            }
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
                if (t == JsonToken.VALUE_NULL) {
                    checks.check(i, null);
                } else if (t == JsonToken.START_OBJECT) {
                    record.read(p);
                    checks.check(i, record);
                } else {
                    throw new NotStreamable();
                }
            }
            if (i != later.count) {
                throw new NotStreamable();
            }
        }
        return b.build();
    }

    /** A body the stream does not read as it is; it is bound instead. */
    static final class NotStreamable extends RuntimeException {
        NotStreamable() {
            super(null, null, false, false);
        }
    }

    /**
     * The opportunities array of a body, not yet read: the body, where the array starts and how many elements it
     * has, so the count is checked against the limit before any record is made. Its elements are read only by {@link #table}.
     */
    static final class Later extends AbstractList<Requests.Opportunity> {
        private final byte[] body;
        private final Class<? extends Requests.WithOpportunities> type;
        private final int offset;
        private final int count;

        Later(byte[] body, Class<? extends Requests.WithOpportunities> type, int offset, int count) {
            this.body = body;
            this.type = type;
            this.offset = offset;
            this.count = count;
        }

        @Override
        public Requests.Opportunity get(int index) {
            throw new UnsupportedOperationException("the opportunities are streamed by OpportunityStream.table");
        }

        @Override
        public int size() {
            return count;
        }
    }

    /** Counts the array's elements, skipping each (the parser still checks its syntax and limits). */
    private static final class LaterDeserializer extends StdDeserializer<List<Requests.Opportunity>> {
        LaterDeserializer() {
            super(List.class);
        }

        @Override
        public List<Requests.Opportunity> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            long offset = p.currentTokenLocation().getByteOffset();
            if (!p.isExpectedStartArrayToken() || offset < 0 || offset > Integer.MAX_VALUE) {
                throw new NotStreamable();
            }
            int count = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new NotStreamable();
                }
                count++;
                p.skipChildren();
            }
            if (!(ctxt.getAttribute(BODY) instanceof byte[] body) || !(ctxt.getAttribute(TYPE) instanceof Class<?> type)
                    || !Requests.WithOpportunities.class.isAssignableFrom(type)) {
                throw new NotStreamable();
            }
            return new Later(body, type.asSubclass(Requests.WithOpportunities.class), (int) offset, count);
        }
    }
}
