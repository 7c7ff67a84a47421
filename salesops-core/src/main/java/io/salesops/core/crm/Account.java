package io.salesops.core.crm;

import java.util.Map;

/**
 * A customer account. Immutable and thread-safe.
 *
 * @param id         unique, non-blank
 * @param name       display name; defaults to the id
 * @param industry   industry, or null
 * @param segment    segment such as SMB, Mid-Market, Enterprise, or null
 * @param region     region, or null
 * @param ownerId    the owning rep, or null
 * @param attributes any other fields, never null
 */
public record Account(String id, String name, String industry, String segment, String region, String ownerId,
                      Map<String, String> attributes) {
    /**
     * Validates the fields; a blank name becomes the id and the attributes are copied.
     *
     * @param id         unique, non-blank
     * @param name       display name, or null or blank for the id
     * @param industry   industry, or null
     * @param segment    segment such as SMB, Mid-Market, Enterprise, or null
     * @param region     region, or null
     * @param ownerId    the owning rep, or null
     * @param attributes any other fields, or null for none; copied, no null key or value
     * @throws IllegalArgumentException if the id is blank
     */
    public Account {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("account id is blank");
        }
        name = name == null || name.isBlank() ? id : name;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
