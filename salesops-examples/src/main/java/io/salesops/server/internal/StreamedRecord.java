package io.salesops.server.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One opportunity of a streamed request, refilled from the parser for each record, so a request of ten thousand
 * records makes no record object per deal. It takes only the plain forms (see {@link OpportunityStream}) and gives
 * each value as the binding would: text as the string, an integer as {@code Integer}, {@code Long} or
 * {@code BigInteger} by size, any other number as {@code BigDecimal}, attributes in their order. Anything else
 * throws {@link OpportunityStream.NotStreamable}. Mutable and not thread-safe; valid until the next {@link #read}.
 */
final class StreamedRecord implements Requests.OpportunityFields {

    private String id;
    private String name;
    private String account;
    private String owner;
    private String stage;
    private Object amount;
    private String currency;
    private String createdDate;
    private String closeDate;
    private String status;
    private String forecastCategory;
    private String product;
    private String type;
    private Map<String, String> attributes;
    private final Map<String, String> attributeMap = new LinkedHashMap<>();
    private List<Requests.HistoryEntry> history;

    /** Reads the record whose START_OBJECT is the parser's current token, up to its END_OBJECT. */
    void read(JsonParser p) throws IOException {
        id = name = account = owner = stage = currency = createdDate = closeDate = status = null;
        forecastCategory = product = type = null;
        amount = null;
        attributes = null;
        history = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, v);
                case "name" -> name = text(p, v);
                case "account" -> account = text(p, v);
                case "owner" -> owner = text(p, v);
                case "stage" -> stage = text(p, v);
                case "amount" -> amount = scalar(p, v);
                case "currency" -> currency = text(p, v);
                case "createdDate" -> createdDate = text(p, v);
                case "closeDate" -> closeDate = text(p, v);
                case "status" -> status = text(p, v);
                case "forecastCategory" -> forecastCategory = text(p, v);
                case "product" -> product = text(p, v);
                case "type" -> type = text(p, v);
                case "attributes" -> attributes = attributes(p, v);
                case "history" -> history = history(p, v);
                default -> throw new OpportunityStream.NotStreamable();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new OpportunityStream.NotStreamable();
        }
    }

    private static String text(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new OpportunityStream.NotStreamable();
    }

    private static Object scalar(JsonParser p, JsonToken v) throws IOException {
        return switch (v) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_NULL -> null;
            default -> throw new OpportunityStream.NotStreamable();
        };
    }

    private Map<String, String> attributes(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_OBJECT) {
            throw new OpportunityStream.NotStreamable();
        }
        attributeMap.clear();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            attributeMap.put(key, text(p, p.nextToken()));
        }
        return attributeMap;
    }

    private static List<Requests.HistoryEntry> history(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.START_ARRAY) {
            throw new OpportunityStream.NotStreamable();
        }
        List<Requests.HistoryEntry> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                out.add(null);
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new OpportunityStream.NotStreamable();
            }
            String date = null;
            String stage = null;
            Object amount = null;
            String closeDate = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken f = p.nextToken();
                switch (field) {
                    case "date" -> date = text(p, f);
                    case "stage" -> stage = text(p, f);
                    case "amount" -> amount = scalar(p, f);
                    case "closeDate" -> closeDate = text(p, f);
                    default -> throw new OpportunityStream.NotStreamable();
                }
            }
            out.add(new Requests.HistoryEntry(date, stage, amount, closeDate));
        }
        return out;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public String stage() {
        return stage;
    }

    @Override
    public Object amount() {
        return amount;
    }

    @Override
    public String currency() {
        return currency;
    }

    @Override
    public String createdDate() {
        return createdDate;
    }

    @Override
    public String closeDate() {
        return closeDate;
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public String forecastCategory() {
        return forecastCategory;
    }

    @Override
    public String product() {
        return product;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public List<Requests.HistoryEntry> history() {
        return history;
    }
}
