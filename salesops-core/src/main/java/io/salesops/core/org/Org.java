package io.salesops.core.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The sales organisation: reps in a management tree (a forest: several roots are allowed), plus teams and
 * territories.
 *
 * <p>{@link #of(Collection)} rejects, all at once, duplicate ids, managers that are not in the org and
 * management cycles. Reps keep the order they were given in.
 *
 * <pre>{@code
 * Org org = Org.of(List.of(Rep.of("vp", null), Rep.of("mgr-1", "vp"),
 *         Rep.of("ae-1", "mgr-1"), Rep.of("ae-2", "mgr-1")));
 * org.managementChain("ae-1");   // mgr-1, vp
 * org.descendants("vp");         // mgr-1, ae-1, ae-2
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Org {

    private final Map<String, Rep> reps;
    private final Map<String, List<String>> reports;
    private final Map<String, Team> teams;
    private final Map<String, Territory> territories;
    private final Map<String, Integer> depth;

    private Org(Map<String, Rep> reps, Map<String, Team> teams, Map<String, Territory> territories) {
        this.reps = reps;
        this.teams = teams;
        this.territories = territories;
        Map<String, List<String>> r = new HashMap<>();
        for (Rep rep : reps.values()) {
            r.computeIfAbsent(rep.id(), k -> new ArrayList<>());
            if (rep.managerId() != null) {
                r.computeIfAbsent(rep.managerId(), k -> new ArrayList<>()).add(rep.id());
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        r.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.reports = frozen;
        Map<String, Integer> d = new HashMap<>();
        for (Rep rep : reps.values()) {
            int n = 0;
            for (String m = rep.managerId(); m != null; m = reps.get(m).managerId()) {
                n++;
            }
            d.put(rep.id(), n);
        }
        this.depth = d;
    }

    /**
     * An org of the given reps, with no teams or territories.
     *
     * @param reps the reps in any order (a manager may come after the reps who report to them); no element null
     * @return the org, keeping the reps in the order given
     * @throws OrgValidationException listing every duplicate id, unknown manager and cycle
     */
    public static Org of(Collection<Rep> reps) {
        return of(reps, List.of(), List.of());
    }

    /**
     * An org of the given reps, teams and territories. A rep's {@code team} and {@code territory} ids are not
     * checked against {@code teams} and {@code territories}: CRMs often export reps with territories defined
     * elsewhere.
     *
     * @param reps        the reps in any order; no element null
     * @param teams       the teams, possibly empty; each team's manager, if set, must be one of {@code reps}
     * @param territories the territories, possibly empty; each parent, if set, must be one of them
     * @return the org, keeping each collection in the order given
     * @throws OrgValidationException listing every duplicate id, unknown manager or parent, and cycle
     */
    public static Org of(Collection<Rep> reps, Collection<Team> teams, Collection<Territory> territories) {
        List<String> problems = new ArrayList<>();
        Map<String, Rep> byId = new LinkedHashMap<>();
        for (Rep rep : reps) {
            if (byId.putIfAbsent(rep.id(), rep) != null) {
                problems.add("rep id " + rep.id() + " appears more than once");
            }
        }
        for (Rep rep : byId.values()) {
            if (rep.managerId() != null && !byId.containsKey(rep.managerId())) {
                problems.add("rep " + rep.id() + " has manager " + rep.managerId() + ", who is not in the org");
            }
        }
        Set<String> reported = new HashSet<>();
        for (Rep rep : byId.values()) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String cur = rep.id(); cur != null && byId.containsKey(cur); cur = byId.get(cur).managerId()) {
                if (!seen.add(cur)) {
                    List<String> cycle = path.subList(path.indexOf(cur), path.size());
                    String key = String.join(",", cycle.stream().sorted().toList());
                    if (reported.add(key)) {
                        problems.add("management cycle: " + String.join(" -> ", cycle) + " -> " + cur);
                    }
                    break;
                }
                path.add(cur);
            }
        }
        Map<String, Team> teamMap = new LinkedHashMap<>();
        for (Team t : teams) {
            if (teamMap.putIfAbsent(t.id(), t) != null) {
                problems.add("team id " + t.id() + " appears more than once");
            }
            if (t.managerId() != null && !byId.containsKey(t.managerId())) {
                problems.add("team " + t.id() + " is led by " + t.managerId() + ", who is not in the org");
            }
        }
        Map<String, Territory> terrMap = new LinkedHashMap<>();
        for (Territory t : territories) {
            if (terrMap.putIfAbsent(t.id(), t) != null) {
                problems.add("territory id " + t.id() + " appears more than once");
            }
        }
        for (Territory t : terrMap.values()) {
            if (t.parentId() != null && !terrMap.containsKey(t.parentId())) {
                problems.add("territory " + t.id() + " has parent " + t.parentId() + ", which is not defined");
            }
        }
        if (!problems.isEmpty()) {
            throw new OrgValidationException(problems);
        }
        return new Org(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(teamMap),
                Collections.unmodifiableMap(terrMap));
    }

    /** @return every rep, in the order given */
    public Collection<Rep> reps() {
        return reps.values();
    }

    /** @return the number of reps */
    public int size() {
        return reps.size();
    }

    /**
     * Whether a rep is in the org.
     *
     * @param repId the rep's id, matched exactly (case-sensitive); not null
     * @return true if a rep with this id is in the org
     */
    public boolean contains(String repId) {
        return reps.containsKey(repId);
    }

    /**
     * Looks a rep up without failing.
     *
     * @param repId the rep's id, matched exactly; not null
     * @return the rep with this id, or empty if it is not in the org
     */
    public Optional<Rep> find(String repId) {
        return Optional.ofNullable(reps.get(repId));
    }

    /**
     * The rep with this id.
     *
     * @param repId the rep's id, matched exactly; not null
     * @return the rep; never null
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public Rep rep(String repId) {
        Rep r = reps.get(repId);
        if (r == null) {
            throw new NoSuchElementException("rep " + repId + " is not in the org");
        }
        return r;
    }

    /**
     * A rep's direct manager.
     *
     * @param repId the rep's id; must be in the org
     * @return the rep's manager, or empty for a root of the org
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public Optional<Rep> manager(String repId) {
        String m = rep(repId).managerId();
        return m == null ? Optional.empty() : Optional.of(reps.get(m));
    }

    /**
     * A manager's direct reports.
     *
     * @param repId the manager's id; must be in the org
     * @return the reps that report directly to {@code repId}, in the order given; empty for a leaf; unmodifiable
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public List<Rep> directReports(String repId) {
        rep(repId);
        return reports.get(repId).stream().map(reps::get).toList();
    }

    /**
     * The chain of managers above a rep, as a roll-up walks it.
     *
     * @param repId the rep's id; must be in the org
     * @return the managers above {@code repId}, nearest first, ending at the root; empty for a root; unmodifiable
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public List<Rep> managementChain(String repId) {
        List<Rep> chain = new ArrayList<>();
        for (String m = rep(repId).managerId(); m != null; m = reps.get(m).managerId()) {
            chain.add(reps.get(m));
        }
        return List.copyOf(chain);
    }

    /**
     * Everyone below a manager, directly or indirectly.
     *
     * @param repId the manager's id; must be in the org
     * @return every rep below {@code repId}, depth first (each rep before its own reports), not including it; empty
     *         for a leaf; unmodifiable
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public List<Rep> descendants(String repId) {
        rep(repId);
        List<Rep> out = new ArrayList<>();
        collect(repId, out);
        return List.copyOf(out);
    }

    private void collect(String id, List<Rep> out) {
        for (String c : reports.get(id)) {
            out.add(reps.get(c));
            collect(c, out);
        }
    }

    /**
     * Whether one rep manages another, directly or indirectly.
     *
     * @param ancestorId the would-be manager's id; need not be in the org (then the answer is false)
     * @param repId      the rep's id; must be in the org
     * @return true if {@code ancestorId} is in {@code repId}'s management chain; false for the rep itself
     * @throws NoSuchElementException naming {@code repId} if it is not in the org
     */
    public boolean isAbove(String ancestorId, String repId) {
        for (String m = rep(repId).managerId(); m != null; m = reps.get(m).managerId()) {
            if (m.equals(ancestorId)) {
                return true;
            }
        }
        return false;
    }

    /** @return the reps with no manager, in the order given */
    public List<Rep> roots() {
        return reps.values().stream().filter(r -> r.managerId() == null).toList();
    }

    /**
     * How deep a rep sits in the management tree.
     *
     * @param repId the rep's id; must be in the org
     * @return the number of managers above the rep: 0 for a root, 1 for a root's direct report
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public int depth(String repId) {
        rep(repId);
        return depth.get(repId);
    }

    /**
     * Whether a rep manages nobody.
     *
     * @param repId the rep's id; must be in the org
     * @return true if nobody reports to the rep
     * @throws NoSuchElementException naming the id if it is not in the org
     */
    public boolean isLeaf(String repId) {
        rep(repId);
        return reports.get(repId).isEmpty();
    }

    /** @return the teams, in the order given */
    public Collection<Team> teams() {
        return teams.values();
    }

    /** @return the territories, in the order given */
    public Collection<Territory> territories() {
        return territories.values();
    }

    /**
     * Looks a team up.
     *
     * @param id the team's id, matched exactly; not null
     * @return the team with this id, or empty if the org does not define it
     */
    public Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    /**
     * Looks a territory up.
     *
     * @param id the territory's id, matched exactly; not null
     * @return the territory with this id, or empty if the org does not define it
     */
    public Optional<Territory> territory(String id) {
        return Optional.ofNullable(territories.get(id));
    }

    @Override
    public String toString() {
        return "Org[" + reps.size() + " reps, " + roots().size() + " roots]";
    }
}
