package io.salesops.comp.file;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.PayeeState;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One committed period of a commission ledger: the state of every payee after the period, which period that
 * was, the entry it was calculated on, and a SHA-256 checksum over all of it, so that a torn or edited entry is
 * refused instead of paying from a partial state. It is also what the server returns as {@code state}.
 *
 * <p>As JSON (readable, pretty-printed when written to a file):
 * <pre>{@code
 * {"format": "salesops-comp-ledger", "version": 1, "period": "2026-02", "start": "2026-02-01", "end": "2026-02-28",
 *  "previous": {"period": "2026-01", "checksum": "sha256:..."}, "gapsAllowed": [], "payeeCount": 2,
 *  "payees": [{"payee": "ae-1", ...}, {"payee": "ae-2", ...}], "checksum": "sha256:..."}
 * }</pre>
 * The checksum is the SHA-256 of the object without its {@code checksum} field, written compactly (no
 * whitespace) with keys in the order read. Payees are sorted by id and keyed by the id inside each object,
 * never by a file name, so no two payee ids can collide.
 *
 * <p>Immutable and thread-safe.
 */
public final class LedgerEntry {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "salesops-comp-ledger";
    /** The version of the format this class writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper COMPACT = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String period;
    private final LocalDate start;
    private final LocalDate end;
    private final CompState state;
    private final ObjectNode tree;
    private final String checksum;

    private LedgerEntry(String period, LocalDate start, LocalDate end, CompState state, ObjectNode tree, String checksum) {
        this.period = period;
        this.start = start;
        this.end = end;
        this.state = state;
        this.tree = tree;
        this.checksum = checksum;
    }

    /**
     * The entry that commits {@code state} as the result of calculating {@code period}.
     *
     * @param period      the period calculated, not null
     * @param state       the state after it, not null
     * @param previous    the entry the period was calculated on, or null for the first period
     * @param gapsAllowed periods skipped on purpose before {@code period}, recorded for the audit trail; not null
     * @return the entry, with its checksum
     */
    public static LedgerEntry of(Period period, CompState state, LedgerEntry previous, Collection<Period> gapsAllowed) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(state, "state");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("period", period.toString());
        o.put("start", period.start().toString());
        o.put("end", period.end().toString());
        if (previous == null) {
            o.putNull("previous");
        } else {
            ObjectNode p = o.putObject("previous");
            p.put("period", previous.period);
            p.put("checksum", previous.checksum);
        }
        ArrayNode gaps = o.putArray("gapsAllowed");
        gapsAllowed.stream().sorted().forEach(g -> gaps.add(g.toString()));
        o.put("payeeCount", state.payees().size());
        ArrayNode payees = o.putArray("payees");
        new TreeMap<>(state.payees()).values().forEach(s -> payees.add(StateCodec.tree(s)));
        String sum = checksumOf(o);
        o.put("checksum", sum);
        return new LedgerEntry(period.toString(), period.start(), period.end(), state, o, sum);
    }

    /**
     * Reads an entry from its bytes, checking the format and the checksum.
     *
     * @param bytes  the JSON, not null
     * @param source what the bytes are, for messages (a file name, {@code state}), not null
     * @return the entry
     * @throws LedgerException if the bytes are not complete JSON, not an entry, or do not match their checksum
     */
    public static LedgerEntry parse(byte[] bytes, String source) {
        JsonNode node;
        try {
            node = COMPACT.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new LedgerException(source + " is not complete JSON" + where + " (it was cut short or damaged): "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new LedgerException(source + " cannot be read: " + e.getMessage(), e);
        }
        return parse(node, source, false);
    }

    /**
     * Reads an entry from JSON, checking the format and the checksum.
     *
     * @param node   the JSON object, not null
     * @param source what the JSON is, for messages, not null
     * @return the entry
     * @throws LedgerException if it is not an entry or does not match its checksum
     */
    public static LedgerEntry parse(JsonNode node, String source) {
        return parse(node, source, true);
    }

    private static LedgerEntry parse(JsonNode node, String source, boolean copy) {
        if (node == null || !node.isObject()) {
            throw new LedgerException(source + " is not a ledger entry (a JSON object with \"format\": \"" + FORMAT
                    + "\"); pass the state returned by the previous period's calculation");
        }
        ObjectNode o = copy ? ((ObjectNode) node).deepCopy() : (ObjectNode) node;
        if (!FORMAT.equals(o.path("format").asText(null))) {
            throw new LedgerException(source + " is not a ledger entry: \"format\" is not \"" + FORMAT + "\"");
        }
        if (!o.path("version").isInt() || o.path("version").asInt() != VERSION) {
            throw new LedgerException(source + " has ledger format version " + o.path("version")
                    + "; this salesops reads version " + VERSION);
        }
        JsonNode written = o.get("checksum");
        String actual = checksumOf(o);
        if (written == null || !written.isTextual() || !written.asText().equals(actual)) {
            throw new LedgerException(source + " does not match its checksum (it was cut short, damaged or edited by"
                    + " hand), so the state it holds cannot be trusted");
        }
        try {
            String period = text(o, "period");
            LocalDate start = LocalDate.parse(text(o, "start"));
            LocalDate end = LocalDate.parse(text(o, "end"));
            JsonNode payees = o.path("payees");
            if (!payees.isArray() || o.path("payeeCount").asInt(-1) != payees.size()) {
                throw new IllegalArgumentException("\"payees\" does not hold \"payeeCount\" payees");
            }
            List<PayeeState> states = new ArrayList<>(payees.size());
            Set<String> seen = new HashSet<>();
            for (JsonNode p : payees) {
                PayeeState s = StateCodec.payee(p);
                if (!seen.add(s.payeeId())) {
                    throw new IllegalArgumentException("payee " + s.payeeId() + " appears twice");
                }
                states.add(s);
            }
            return new LedgerEntry(period, start, end, CompState.of(states), o, actual);
        } catch (RuntimeException e) {
            throw new LedgerException(source + " is not a valid ledger entry: " + e.getMessage(), e);
        }
    }

    /** @return the period this entry commits, e.g. {@code 2026-02} */
    public String period() {
        return period;
    }

    /** @return the first day of {@link #period()} */
    public LocalDate start() {
        return start;
    }

    /** @return the last day of {@link #period()}: the state holds everything up to and including it */
    public LocalDate end() {
        return end;
    }

    /** @return the period of the entry this one was calculated on, if any */
    public Optional<String> previousPeriod() {
        JsonNode p = tree.path("previous").path("period");
        return p.isTextual() ? Optional.of(p.asText()) : Optional.empty();
    }

    /** @return the periods skipped on purpose before this one ({@code --allow-gap}) */
    public List<String> gapsAllowed() {
        List<String> out = new ArrayList<>();
        tree.path("gapsAllowed").forEach(g -> out.add(g.asText()));
        return List.copyOf(out);
    }

    /** @return the state of every payee after {@link #period()} */
    public CompState state() {
        return state;
    }

    /** @return {@code sha256:} and the hex digest, as written in the entry */
    public String checksum() {
        return checksum;
    }

    /** @return the entry as a JSON object (a copy; changing it does not change the entry) */
    public ObjectNode toJson() {
        return tree.deepCopy();
    }

    /** @return the entry as pretty-printed UTF-8 JSON, as written to a ledger file */
    public byte[] toBytes() {
        try {
            return PRETTY.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the ledger entry of " + period, e);
        }
    }

    /**
     * The state to calculate {@code next} on, if this entry may be followed by it: {@code next} must start the
     * day after this entry's period ends, or the days between must be exactly the {@code gapsAllowed}.
     *
     * @param next        the period about to be calculated, not null
     * @param gapsAllowed periods the caller skips on purpose, not null
     * @return {@link #state()}
     * @throws LedgerException if {@code next} is already in this state (it would pay twice), or it skips days
     *                         that {@code gapsAllowed} does not name (they would never be paid)
     */
    public CompState stateBefore(Period next, Collection<Period> gapsAllowed) {
        PeriodChain.check(period, end, next, gapsAllowed);
        return state;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry e && e.checksum.equals(checksum);
    }

    @Override
    public int hashCode() {
        return checksum.hashCode();
    }

    @Override
    public String toString() {
        return "LedgerEntry[" + period + ", " + state.payees().size() + " payees, " + checksum + "]";
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not text");
        }
        return n.asText();
    }

    /** SHA-256 of the entry written compactly without its checksum field, streamed into the digest. */
    private static String checksumOf(ObjectNode entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (JsonGenerator g = COMPACT.getFactory().createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
                g.writeStartObject();
                for (var it = entry.fields(); it.hasNext(); ) {
                    var f = it.next();
                    if (!f.getKey().equals("checksum")) {
                        g.writeFieldName(f.getKey());
                        COMPACT.writeTree(g, f.getValue());
                    }
                }
                g.writeEndObject();
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute a ledger checksum", e);
        }
    }
}
