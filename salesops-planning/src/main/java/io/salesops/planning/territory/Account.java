package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An account to be assigned to a rep: where it is, what it is worth ({@code potential}) and what it costs to
 * cover ({@code workload}, e.g. hours a year), plus free attributes (segment, industry, country, postal code)
 * that territory rules read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         the account id, not blank
 * @param lat        latitude in degrees, -90..90
 * @param lon        longitude in degrees, -180..180
 * @param potential  the account's potential (revenue it could bring), not negative
 * @param workload   the effort to cover it (any unit, the same for every account), not negative
 * @param attributes attribute name to value; copied, sorted by name; no nulls
 */
public record Account(String id, double lat, double lon, BigDecimal potential, BigDecimal workload,
                      Map<String, String> attributes) {

    /**
     * Validates the fields.
     *
     * @param id         the account id, not blank
     * @param lat        latitude in degrees, -90..90
     * @param lon        longitude in degrees, -180..180
     * @param potential  the account's potential (revenue it could bring), not negative
     * @param workload   the effort to cover it (any unit, the same for every account), not negative
     * @param attributes attribute name to value; copied, sorted by name; no nulls
     * @throws IllegalArgumentException naming the account and the value when one is out of range
     */
    public Account {
        id = requireId(id, "account");
        checkCoordinates("account " + id, lat, lon);
        requireNotNegative("account " + id, "potential", potential);
        requireNotNegative("account " + id, "workload", workload);
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /**
     * The value of an attribute.
     *
     * @param name the attribute name, not null
     * @return its value, or null when the account has none
     */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /**
     * The same account with another workload (e.g. built up from visit frequency and call time).
     *
     * @param newWorkload the workload, not negative
     * @return a copy of this account with {@code workload} replaced
     */
    public Account withWorkload(BigDecimal newWorkload) {
        return new Account(id, lat, lon, potential, newWorkload, attributes);
    }

    /**
     * The measure's value for this account.
     *
     * @param measure which measure, not null
     * @return the potential or the workload
     */
    public BigDecimal value(Measure measure) {
        return measure == Measure.POTENTIAL ? potential : workload;
    }

    static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " id is blank");
        }
        return id.strip();
    }

    static void checkCoordinates(String who, double lat, double lon) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException(who + ": latitude " + lat + " is not within -90..90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException(who + ": longitude " + lon + " is not within -180..180");
        }
    }

    static void requireNotNegative(String who, String what, BigDecimal v) {
        Objects.requireNonNull(v, what);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(who + ": " + what + " " + v.toPlainString() + " is negative");
        }
    }
}
