package io.salesops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesops.comp.engine.ComponentState;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state carried between periods, as one JSON file per payee ({@code state-<payee>.json}) in a directory:
 * year-to-date earned and paid, the draw balance, per-component year-to-date measures and the per-deal pay
 * that clawbacks reverse. Files are written to a temporary file and moved into place, so a crash never leaves
 * a half-written state. Stateless and thread-safe.
 */
final class StateStore {

    static final String PREFIX = "state-";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long MAX_FILE = 256L << 20;

    private StateStore() {
    }

    /**
     * Reads the state in {@code dir}; an absent or empty directory is the empty state.
     *
     * @throws UserInputException if a file is unreadable or the state is not from before {@code period}
     */
    static CompState read(Path dir, Period period) throws IOException {
        if (!Files.isDirectory(dir)) {
            return CompState.empty();
        }
        List<PayeeState> states = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.json")) {
            for (Path f : files) {
                if (Files.size(f) > MAX_FILE) {
                    throw new UserInputException("state file " + f + " is larger than " + MAX_FILE + " bytes");
                }
                PayeeState s;
                try {
                    s = payee(JSON.readTree(f.toFile()));
                } catch (IOException | RuntimeException e) {
                    throw new UserInputException("state file " + f + " is not a salesops state file: "
                            + CliErrors.messageOf(e), e);
                }
                if (s.lastPeriod() != null) {
                    Period last;
                    try {
                        last = period.calendar().parse(s.lastPeriod());
                    } catch (RuntimeException e) {
                        last = null;
                    }
                    if (last != null && !last.end().isBefore(period.start())) {
                        throw new UserInputException("state in " + dir + " already includes " + s.lastPeriod() + " for "
                                + s.payeeId() + "; calculating " + period + " on it would pay twice. Use the state saved"
                                + " before " + period + ", or a fresh --state directory");
                    }
                }
                states.add(s);
            }
        }
        return CompState.of(states);
    }

    /** Writes every payee's state into {@code dir}, each file atomically. */
    static void write(Path dir, CompState state) throws IOException {
        Files.createDirectories(dir);
        for (PayeeState s : state.payees().values()) {
            Path target = dir.resolve(PREFIX + fileName(s.payeeId()) + ".json");
            Path tmp = Files.createTempFile(dir, ".state-", ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), tree(s));
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A payee id as a file name: letters, digits, '-', '_' and '.' kept, anything else as _XXXX. */
    static String fileName(String payeeId) {
        StringBuilder sb = new StringBuilder();
        for (char c : payeeId.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' && sb.length() > 0) {
                sb.append(c);
            } else {
                sb.append(String.format("_%04X", (int) c));
            }
        }
        return sb.toString();
    }

    static ObjectNode tree(PayeeState s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("payee", s.payeeId());
        o.put("fiscalYear", s.fiscalYear());
        o.put("lastPeriod", s.lastPeriod());
        o.put("ytdEarned", money(s.ytdEarned()));
        o.put("ytdPaid", money(s.ytdPaid()));
        o.put("drawBalance", money(s.drawBalance()));
        ObjectNode cs = o.putObject("components");
        new java.util.TreeMap<>(s.components()).forEach((name, c) -> {
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
        return o;
    }

    static PayeeState payee(JsonNode o) {
        Map<String, ComponentState> cs = new LinkedHashMap<>();
        o.path("components").fields().forEachRemaining(e -> cs.put(e.getKey(), new ComponentState(
                money(e.getValue(), "ytdMeasure"), e.getValue().path("ytdCount").asLong(), money(e.getValue(), "ytdGross"),
                money(e.getValue(), "ytdEarned"))));
        List<DealPay> history = new ArrayList<>();
        for (JsonNode x : o.path("history")) {
            history.add(new DealPay(text(x, "deal"), text(x, "component"), text(x, "period"),
                    LocalDate.parse(text(x, "dealDate")), x.path("payMinor").asLong(), x.path("baseMinor").asLong(),
                    text(x, "rule"), x.path("dealMinor").asLong(x.path("baseMinor").asLong())));
        }
        return new PayeeState(text(o, "payee"), o.path("fiscalYear").asInt(), o.path("lastPeriod").isNull() ? null
                : o.path("lastPeriod").asText(null), money(o, "ytdEarned"), money(o, "ytdPaid"), money(o, "drawBalance"), cs,
                DealHistory.of(history));
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not text");
        }
        return n.asText();
    }

    private static Money money(JsonNode o, String key) {
        return Money.parse(text(o, key));
    }

    private static String money(Money m) {
        return m.currency().getCurrencyCode() + " " + m.amount().toPlainString();
    }

}
