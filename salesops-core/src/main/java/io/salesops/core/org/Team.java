package io.salesops.core.org;

/**
 * A sales team. Immutable and thread-safe.
 *
 * @param id        unique, non-blank
 * @param name      display name; defaults to the id
 * @param managerId the rep who leads it, or null
 */
public record Team(String id, String name, String managerId) {
    /**
     * Validates the fields; a blank name becomes the id and a blank manager null.
     *
     * @param id        unique, non-blank
     * @param name      display name, or null or blank for the id
     * @param managerId the rep who leads it, or null
     * @throws IllegalArgumentException if the id is blank
     */
    public Team {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("team id is blank");
        }
        name = name == null || name.isBlank() ? id : name;
        managerId = managerId == null || managerId.isBlank() ? null : managerId;
    }
}
