package io.salesops.core.org;

/**
 * A sales territory, optionally inside a parent territory (e.g. {@code EMEA-North} in {@code EMEA}).
 * Immutable and thread-safe.
 *
 * @param id       unique, non-blank
 * @param name     display name; defaults to the id
 * @param parentId the enclosing territory's id, or null
 */
public record Territory(String id, String name, String parentId) {
    /**
     * Validates the fields; a blank name becomes the id and a blank parent null.
     *
     * @param id       unique, non-blank
     * @param name     display name, or null or blank for the id
     * @param parentId the enclosing territory's id, or null; not the territory's own id
     * @throws IllegalArgumentException if the id is blank or the territory is its own parent
     */
    public Territory {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("territory id is blank");
        }
        name = name == null || name.isBlank() ? id : name;
        parentId = parentId == null || parentId.isBlank() ? null : parentId;
        if (id.equals(parentId)) {
            throw new IllegalArgumentException("territory " + id + " cannot be its own parent");
        }
    }
}
