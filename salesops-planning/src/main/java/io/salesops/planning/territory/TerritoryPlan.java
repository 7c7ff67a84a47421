package io.salesops.planning.territory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An account-to-rep alignment and its balance report. Start with {@link #of(AccountBook, TerritoryGrouping,
 * AlignmentSettings)}: each rule group is balanced on its own, first by the greedy repair (the
 * {@link AlignmentMethod#GREEDY} baseline), then, with {@link AlignmentMethod#SOLVER}, by Timefold Solver's local
 * search from there, which keeps every hard constraint the greedy met and improves compactness and disruption.
 *
 * <pre>{@code
 * AccountBook book = AccountBook.of(TerritoryFiles.readAccounts(accounts), TerritoryFiles.readReps(reps));
 * TerritoryGrouping groups = TerritoryRules.read(rulesFile).group(book);   // or TerritoryGrouping.single(book)
 * TerritoryPlan plan = TerritoryPlan.of(book, groups, AlignmentSettings.defaults().withSeed(7));
 * plan.report().meetsConstraints();       // balance, moves, coverage
 * plan.report().bindingConstraints();     // why not, in words
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TerritoryPlan {

    private final List<Assignment> assignments;
    private final BalanceReport report;
    private final TerritoryGrouping grouping;
    private final boolean stoppedByTimeLimit;
    private final AlignmentSettings settings;

    private TerritoryPlan(List<Assignment> assignments, BalanceReport report, TerritoryGrouping grouping,
                          boolean stoppedByTimeLimit, AlignmentSettings settings) {
        this.assignments = List.copyOf(assignments);
        this.report = report;
        this.grouping = grouping;
        this.stoppedByTimeLimit = stoppedByTimeLimit;
        this.settings = settings;
    }

    /**
     * Plans every group of {@code grouping}. Pinned accounts keep their rep; an account whose group has no rep
     * stays unassigned (a coverage problem in the report).
     *
     * @param book     accounts, reps, current assignment and pins, not null
     * @param grouping the rule groups, not null ({@link TerritoryGrouping#single(AccountBook)} for none)
     * @param settings what to balance, the tolerance, the move cap, method, seed and limits, not null
     * @return the plan; check {@link BalanceReport#meetsConstraints()} on {@link #report()}
     * @throws IllegalArgumentException if a group's totals are too large to balance exactly
     */
    public static TerritoryPlan of(AccountBook book, TerritoryGrouping grouping, AlignmentSettings settings) {
        Map<String, List<Account>> accountsByGroup = new LinkedHashMap<>();
        for (Account a : book.accounts()) {
            String g = grouping.accountGroup().get(a.id());
            if (g != null) {
                accountsByGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<TerritoryRep>> repsByGroup = new LinkedHashMap<>();
        for (TerritoryRep r : book.reps()) {
            String g = grouping.repGroup().get(r.id());
            if (g != null) {
                repsByGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(r);
            }
        }
        Map<String, String> plan = new LinkedHashMap<>();
        boolean stopped = false;
        long deadline = System.nanoTime() + settings.timeLimit().toNanos();
        int remaining = accountsByGroup.values().stream().mapToInt(List::size).sum();
        for (Map.Entry<String, List<Account>> e : accountsByGroup.entrySet()) {
            List<TerritoryRep> reps = repsByGroup.getOrDefault(e.getKey(), List.of());
            List<Account> accounts = e.getValue();
            if (reps.isEmpty() || accounts.isEmpty()) {
                continue;
            }
            GroupProblem p = new GroupProblem(e.getKey(), accounts, reps, book, settings);
            int[] result = GreedySearch.repair(p, GreedySearch.start(p));
            if (settings.method() == AlignmentMethod.SOLVER) {
                long left = Math.max(1_000_000, deadline - System.nanoTime());
                Duration share = Duration.ofNanos(Math.max(1_000_000, left * accounts.size() / Math.max(1, remaining)));
                SolverSearch.Outcome o = SolverSearch.solve(p, result, settings, share);
                result = o.reps();
                stopped |= o.stoppedByTime();
            }
            remaining -= accounts.size();
            for (int i = 0; i < p.n; i++) {
                plan.put(accounts.get(i).id(), reps.get(result[i]).id());
            }
        }
        List<Assignment> out = new ArrayList<>(book.accounts().size());
        for (Account a : book.accounts()) {
            out.add(new Assignment(a.id(), plan.get(a.id()), book.current().get(a.id())));
        }
        BalanceReport report = BalanceReport.of(book, plan, null, grouping.repGroup(), settings);
        return new TerritoryPlan(out, report, grouping, stopped, settings);
    }

    /** @return one assignment per account of the book, in book order, unmodifiable */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** @return account id to rep id for the assigned accounts, in book order; a new modifiable map */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            if (a.rep() != null) {
                m.put(a.account(), a.rep());
            }
        }
        return m;
    }

    /** @return the balance, moves, coverage and binding constraints of this plan */
    public BalanceReport report() {
        return report;
    }

    /** @return the rule groups the plan was made in */
    public TerritoryGrouping grouping() {
        return grouping;
    }

    /** @return the settings the plan was made with */
    public AlignmentSettings settings() {
        return settings;
    }

    /**
     * @return whether the wall-clock limit stopped the solver before its step limits; if so, another run with
     * the same seed may give another plan
     */
    public boolean stoppedByTimeLimit() {
        return stoppedByTimeLimit;
    }

    /** @return the distinct groups with at least one assigned account, in book order */
    public Set<String> groups() {
        Set<String> s = new LinkedHashSet<>();
        for (Assignment a : assignments) {
            String g = grouping.accountGroup().get(a.account());
            if (g != null) {
                s.add(g);
            }
        }
        return s;
    }
}
