package io.salesops.comp.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesops.comp.engine.ComponentState;
import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.HeldDeal;
import io.salesops.comp.engine.PayeeState;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One payee's carried state as a JSON object and back: amounts as text with their currency
 * ({@code "USD 1250.00"}), so nothing passes through a binary floating point. Reading is strict: a missing or
 * mistyped field is an error naming the payee and the field, never a silent zero. Stateless and thread-safe.
 */
final class StateCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StateCodec() {
    }

    static ObjectNode tree(PayeeState s) {
        ObjectNode o = NODES.objectNode();
        o.put("payee", s.payeeId());
        o.put("fiscalYear", s.fiscalYear());
        o.put("lastPeriod", s.lastPeriod());
        o.put("ytdEarned", money(s.ytdEarned()));
        o.put("ytdPaid", money(s.ytdPaid()));
        o.put("drawBalance", money(s.drawBalance()));
        ObjectNode cs = o.putObject("components");
        new TreeMap<>(s.components()).forEach((name, c) -> {
            ObjectNode x = cs.putObject(name);
            x.put("ytdMeasure", money(c.ytdMeasure()));
            x.put("ytdCount", c.ytdCount());
            x.put("ytdGross", money(c.ytdGross()));
            x.put("ytdEarned", money(c.ytdEarned()));
        });
        ArrayNode h = o.putArray("history");
        for (DealPay d : s.history().all()) {
            ObjectNode x = h.addObject();
            x.put("deal", d.dealId());
            x.put("component", d.component());
            x.put("period", d.period());
            x.put("dealDate", d.dealDate().toString());
            x.put("payMinor", d.payMinor());
            x.put("baseMinor", d.baseMinor());
            x.put("rule", d.rule());
            x.put("dealMinor", d.dealMinor());
        }
        // Written only when something is held, so the state of a plan that pays as it earns is as before.
        if (!s.held().isEmpty()) {
            ArrayNode held = o.putArray("held");
            for (HeldDeal d : s.held()) {
                ObjectNode x = held.addObject();
                x.put("component", d.component());
                x.put("deal", d.dealId());
                x.put("booked", d.booked().toString());
                x.put("dealMinor", d.dealMinor());
                x.put("earnedMinor", d.earnedMinor());
                x.put("releasedMinor", d.releasedMinor());
            }
        }
        return o;
    }

    /** @throws IllegalArgumentException naming the field that is missing or malformed */
    static PayeeState payee(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("a payee state is not a JSON object");
        }
        String id = text(o, "payee");
        try {
            Map<String, ComponentState> cs = new LinkedHashMap<>();
            JsonNode components = o.path("components");
            if (!components.isObject()) {
                throw new IllegalArgumentException("\"components\" is missing or not an object");
            }
            components.fields().forEachRemaining(e -> cs.put(e.getKey(), new ComponentState(money(e.getValue(), "ytdMeasure"),
                    whole(e.getValue(), "ytdCount"), money(e.getValue(), "ytdGross"), money(e.getValue(), "ytdEarned"))));
            JsonNode entries = o.path("history");
            if (!entries.isArray()) {
                throw new IllegalArgumentException("\"history\" is missing or not a list");
            }
            List<DealPay> history = new ArrayList<>(entries.size());
            for (JsonNode x : entries) {
                long base = whole(x, "baseMinor");
                // Files written before deal amounts were kept have none: the deal was then its base (no splits).
                long deal = x.has("dealMinor") ? whole(x, "dealMinor") : base;
                history.add(new DealPay(text(x, "deal"), text(x, "component"), text(x, "period"),
                        LocalDate.parse(text(x, "dealDate")), whole(x, "payMinor"), base, text(x, "rule"), deal));
            }
            List<HeldDeal> held = new ArrayList<>();
            JsonNode heldNode = o.get("held");
            if (heldNode != null) {
                if (!heldNode.isArray()) {
                    throw new IllegalArgumentException("\"held\" is not a list");
                }
                for (JsonNode x : heldNode) {
                    held.add(new HeldDeal(text(x, "component"), text(x, "deal"), LocalDate.parse(text(x, "booked")),
                            whole(x, "dealMinor"), whole(x, "earnedMinor"), whole(x, "releasedMinor")));
                }
            }
            JsonNode last = o.path("lastPeriod");
            return new PayeeState(id, (int) whole(o, "fiscalYear"), last.isTextual() ? last.asText() : null,
                    money(o, "ytdEarned"), money(o, "ytdPaid"), money(o, "drawBalance"), cs, DealHistory.of(history),
                    held);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("state of payee " + id + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not text");
        }
        return n.asText();
    }

    private static long whole(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not a whole number");
        }
        return n.asLong();
    }

    private static Money money(JsonNode o, String key) {
        return Money.parse(text(o, key));
    }

    private static String money(Money m) {
        return m.currency().getCurrencyCode() + " " + m.amount().toPlainString();
    }
}
