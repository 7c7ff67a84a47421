package io.salesops.core.org;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A person in the sales organisation: a rep, a manager, or both.
 *
 * <p>{@code managerId}, {@code team}, {@code territory}, {@code startDate} and {@code endDate} may be null
 * (no manager: a root of the org; no end date: still employed). Use the {@code Optional} accessors where
 * convenient. Immutable and thread-safe.
 *
 * @param id        unique, non-blank
 * @param name      display name; defaults to the id when null or blank
 * @param managerId the id of the manager, or null for a root
 * @param team      team id, or null
 * @param territory territory id, or null
 * @param startDate first day in the role, or null if unknown
 * @param endDate   last day in the role, or null if still active
 */
public record Rep(String id, String name, String managerId, String team, String territory,
                  LocalDate startDate, LocalDate endDate) {

    /**
     * Validates the fields and normalises them: ids and name are stripped of surrounding spaces, a blank name
     * becomes the id, blank manager, team and territory become null.
     *
     * @param id        unique, non-blank
     * @param name      display name, or null or blank for the id
     * @param managerId the manager's id, or null or blank for a root; not the rep's own id
     * @param team      team id, or null
     * @param territory territory id, or null
     * @param startDate first day in the role, or null if unknown
     * @param endDate   last day in the role (inclusive), or null if still active; not before {@code startDate}
     * @throws IllegalArgumentException naming the rep and the rule broken
     */
    public Rep {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("rep id is blank");
        }
        id = id.strip();
        name = name == null || name.isBlank() ? id : name.strip();
        managerId = blankToNull(managerId);
        team = blankToNull(team);
        territory = blankToNull(territory);
        if (id.equals(managerId)) {
            throw new IllegalArgumentException("rep " + id + " cannot be their own manager");
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("rep " + id + " ends on " + endDate + ", before starting on " + startDate);
        }
    }

    /**
     * A rep with only an id and a manager, the shortest way to build an org in code or a test.
     *
     * @param id        unique, non-blank
     * @param managerId the manager's id, or null for a root
     * @return the rep, named by its id, with no team, territory or dates
     * @throws IllegalArgumentException if the id is blank or equals {@code managerId}
     */
    public static Rep of(String id, String managerId) {
        return new Rep(id, null, managerId, null, null, null, null);
    }

    /** @return the manager's id, or empty for a root of the org */
    public Optional<String> manager() {
        return Optional.ofNullable(managerId);
    }

    /**
     * Whether the rep is in role on a day, both ends inclusive.
     *
     * @param date the day; not null
     * @return true if {@code date} is on or after {@code startDate} and on or before {@code endDate}; a null start
     *         or end counts as open
     */
    public boolean isActiveOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (startDate == null || !date.isBefore(startDate)) && (endDate == null || !date.isAfter(endDate));
    }

    /**
     * A copy reporting to someone else, e.g. for a what-if reorganisation.
     *
     * @param newManagerId the new manager's id, or null to make the rep a root
     * @return a copy with every other field unchanged
     * @throws IllegalArgumentException if {@code newManagerId} is the rep's own id
     */
    public Rep withManager(String newManagerId) {
        return new Rep(id, name, newManagerId, team, territory, startDate, endDate);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
