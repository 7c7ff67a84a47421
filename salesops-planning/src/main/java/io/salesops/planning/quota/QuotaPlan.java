package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quotas of one fiscal year: a line per leaf rep and period, and every manager's team quota (the sum of
 * their reps'). The lines sum exactly to the target plus the company-level over-assignment (and each further
 * level's), and every line says how it was derived.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuotaPlan {

    private final Money target;
    private final Period year;
    private final String method;
    private final List<Percent> overAssign;
    private final List<Period> periods;
    private final List<QuotaLine> lines;
    private final List<TeamQuota> teams;
    private final List<String> notes;
    private final Map<String, List<QuotaLine>> byRep = new LinkedHashMap<>();

    QuotaPlan(Money target, Period year, String method, List<Percent> overAssign, List<Period> periods,
              List<QuotaLine> lines, List<TeamQuota> teams, List<String> notes) {
        this.target = target;
        this.year = year;
        this.method = method;
        this.overAssign = List.copyOf(overAssign);
        this.periods = List.copyOf(periods);
        this.lines = List.copyOf(lines);
        this.teams = List.copyOf(teams);
        this.notes = List.copyOf(notes);
        for (QuotaLine l : this.lines) {
            byRep.computeIfAbsent(l.repId(), k -> new ArrayList<>()).add(l);
        }
    }

    /** @return the company target the plan was allocated from */
    public Money target() {
        return target;
    }

    /** @return the fiscal year */
    public Period year() {
        return year;
    }

    /** @return the stated method, e.g. {@code historical} */
    public String method() {
        return method;
    }

    /** @return the over-assignment per level, the company level first */
    public List<Percent> overAssign() {
        return overAssign;
    }

    /** @return the periods of the year that each rep has a line for, in order */
    public List<Period> periods() {
        return periods;
    }

    /** @return every line, rep by rep in org order, periods in order */
    public List<QuotaLine> lines() {
        return lines;
    }

    /** @return the leaf reps, in org order */
    public List<String> reps() {
        return List.copyOf(byRep.keySet());
    }

    /**
     * One rep's quota lines.
     *
     * @param repId the rep's id; not null
     * @return the rep's lines, in period order; empty if the rep is not a leaf of the org
     */
    public List<QuotaLine> lines(String repId) {
        return byRep.getOrDefault(repId, List.of());
    }

    /**
     * The rep's quota for the year: the sum of their lines.
     *
     * @param repId a leaf rep's id; not null
     * @return the year quota, in the target's currency (zero for a rep not in role during the year)
     * @throws java.util.NoSuchElementException naming the rep if they have no lines
     */
    public Money yearQuota(String repId) {
        List<QuotaLine> ls = byRep.get(repId);
        if (ls == null) {
            throw new java.util.NoSuchElementException("rep " + repId + " has no quota in this plan (not a leaf of the org)");
        }
        return Money.sum(ls.stream().map(QuotaLine::quota).toList(), target.currency());
    }

    /** @return the sum of every line: the target times one plus each level's over-assignment, to the cent */
    public Money total() {
        long s = 0;
        for (QuotaLine l : lines) {
            s = Math.addExact(s, l.quota().minorUnits());
        }
        return Money.ofMinor(s, target.currency());
    }

    /** @return every manager's team quota, in org order */
    public List<TeamQuota> teams() {
        return teams;
    }

    /**
     * A manager's team quota.
     *
     * @param managerId the manager's rep id; not null
     * @return the team quota of the manager, or empty if they manage nobody (or are not in the org)
     * @throws NullPointerException if {@code managerId} is null
     */
    public Optional<TeamQuota> team(String managerId) {
        Objects.requireNonNull(managerId, "managerId");
        return teams.stream().filter(t -> t.managerId().equals(managerId)).findFirst();
    }

    /** @return notes on the whole plan: seasonality source, fallbacks used, limits applied */
    public List<String> notes() {
        return notes;
    }
}
