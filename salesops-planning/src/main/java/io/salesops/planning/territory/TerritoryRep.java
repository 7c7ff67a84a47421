package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rep (or a territory seat) that accounts are assigned to: home location, capacity and free attributes.
 * A rep's share of a group's potential and workload is its capacity over the group's total capacity; with equal
 * capacities every rep's target is the group mean.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id         the rep id, not blank
 * @param lat        home latitude in degrees, -90..90
 * @param lon        home longitude in degrees, -180..180
 * @param capacity   relative capacity (1 = a full-time rep), greater than zero
 * @param attributes attribute name to value (segment, territory, ...); copied, sorted by name; no nulls
 */
public record TerritoryRep(String id, double lat, double lon, BigDecimal capacity, Map<String, String> attributes) {

    /**
     * Validates the fields.
     *
     * @param id         the rep id, not blank
     * @param lat        home latitude in degrees, -90..90
     * @param lon        home longitude in degrees, -180..180
     * @param capacity   relative capacity (1 = a full-time rep), greater than zero
     * @param attributes attribute name to value (segment, territory, ...); copied, sorted by name; no nulls
     * @throws IllegalArgumentException naming the rep and the value when one is out of range
     */
    public TerritoryRep {
        id = Account.requireId(id, "rep");
        Account.checkCoordinates("rep " + id, lat, lon);
        if (capacity == null || capacity.signum() <= 0) {
            throw new IllegalArgumentException("rep " + id + ": capacity "
                    + (capacity == null ? "null" : capacity.toPlainString()) + " is not greater than zero");
        }
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /**
     * The value of an attribute.
     *
     * @param name the attribute name, not null
     * @return its value, or null when the rep has none
     */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
