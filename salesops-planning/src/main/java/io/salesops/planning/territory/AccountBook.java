package io.salesops.planning.territory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a territory plan starts from: the accounts, the reps, the current assignment (account to rep; may be
 * empty or partial) and the pinned accounts, which must stay with their current rep.
 *
 * <p>A current rep that is not among the reps (someone who left) is kept: such accounts must move, and the
 * move counts against the cap like any other. Immutable and thread-safe.
 */
public final class AccountBook {

    /** The most accounts a book may hold. */
    public static final int MAX_ACCOUNTS = 500_000;
    /** The most reps a book may hold. */
    public static final int MAX_REPS = 20_000;

    private final List<Account> accounts;
    private final List<TerritoryRep> reps;
    private final Map<String, Account> accountById;
    private final Map<String, TerritoryRep> repById;
    private final Map<String, String> current;
    private final Set<String> pinned;

    private AccountBook(List<Account> accounts, List<TerritoryRep> reps, Map<String, String> current, Set<String> pinned) {
        if (accounts.size() > MAX_ACCOUNTS) {
            throw new IllegalArgumentException(accounts.size() + " accounts are more than the limit of " + MAX_ACCOUNTS);
        }
        if (reps.size() > MAX_REPS) {
            throw new IllegalArgumentException(reps.size() + " reps are more than the limit of " + MAX_REPS);
        }
        if (reps.isEmpty()) {
            throw new IllegalArgumentException("there are no reps to assign accounts to");
        }
        this.accounts = List.copyOf(accounts);
        this.reps = List.copyOf(reps);
        Map<String, Account> a = new HashMap<>();
        for (Account x : accounts) {
            if (a.putIfAbsent(x.id(), x) != null) {
                throw new IllegalArgumentException("account " + x.id() + " appears twice");
            }
        }
        Map<String, TerritoryRep> r = new HashMap<>();
        for (TerritoryRep x : reps) {
            if (r.putIfAbsent(x.id(), x) != null) {
                throw new IllegalArgumentException("rep " + x.id() + " appears twice");
            }
        }
        for (String id : current.keySet()) {
            if (!a.containsKey(id)) {
                throw new IllegalArgumentException("the current assignment names account " + id
                        + ", which is not among the accounts");
            }
        }
        for (String id : pinned) {
            String rep = current.get(id);
            if (rep == null) {
                throw new IllegalArgumentException("account " + id + " is pinned but has no current rep to stay with");
            }
            if (!r.containsKey(rep)) {
                throw new IllegalArgumentException("account " + id + " is pinned to rep " + rep
                        + ", who is not among the reps");
            }
        }
        this.accountById = Collections.unmodifiableMap(a);
        this.repById = Collections.unmodifiableMap(r);
        this.current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        this.pinned = Collections.unmodifiableSet(new LinkedHashSet<>(pinned));
    }

    /**
     * A book with no current assignment.
     *
     * @param accounts the accounts, unique ids, not null
     * @param reps     the reps, unique ids, at least one
     * @return the book
     * @throws IllegalArgumentException on a duplicate id, no reps, or more than the size limits
     */
    public static AccountBook of(List<Account> accounts, List<TerritoryRep> reps) {
        return new AccountBook(accounts, reps, Map.of(), Set.of());
    }

    /**
     * A copy with a current assignment and pinned accounts.
     *
     * @param currentAssignment account id to current rep id; every account must be in the book
     * @param pinnedAccounts    accounts that must stay with their current rep, which must be a known rep
     * @return the new book
     * @throws IllegalArgumentException on an unknown account, or a pinned account without a known current rep
     */
    public AccountBook withCurrent(Map<String, String> currentAssignment, Set<String> pinnedAccounts) {
        return new AccountBook(accounts, reps, currentAssignment, pinnedAccounts);
    }

    /**
     * A copy with other accounts (e.g. with workloads built up from visits), keeping reps, the
     * current assignment and pins.
     *
     * @param newAccounts the accounts, with the same ids as the current assignment names
     * @return the new book
     */
    public AccountBook withAccounts(List<Account> newAccounts) {
        return new AccountBook(newAccounts, reps, current, pinned);
    }

    /** @return the accounts in input order, unmodifiable */
    public List<Account> accounts() {
        return accounts;
    }

    /** @return the reps in input order, unmodifiable */
    public List<TerritoryRep> reps() {
        return reps;
    }

    /** @return account id to current rep id, unmodifiable; empty when there is no current assignment */
    public Map<String, String> current() {
        return current;
    }

    /** @return the ids of accounts that must stay with their current rep, unmodifiable */
    public Set<String> pinned() {
        return pinned;
    }

    /**
     * @param id an account id, not null
     * @return the account, or null if the book has none with this id
     */
    public Account account(String id) {
        return accountById.get(id);
    }

    /**
     * @param id a rep id, not null
     * @return the rep, or null if the book has none with this id
     */
    public TerritoryRep rep(String id) {
        return repById.get(id);
    }

    /**
     * Checks that {@code assignment} gives every account exactly one known rep.
     *
     * @param assignment account id to rep id, not null
     * @return one message per problem (unknown account, unknown rep, unassigned account), empty when complete
     */
    public List<String> coverageProblems(Map<String, String> assignment) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : assignment.entrySet()) {
            if (!accountById.containsKey(e.getKey())) {
                problems.add("account " + e.getKey() + " is assigned but is not among the accounts");
            } else if (!repById.containsKey(e.getValue())) {
                problems.add("account " + e.getKey() + " is assigned to rep " + e.getValue() + ", who is not among the reps");
            }
        }
        for (Account a : accounts) {
            if (!assignment.containsKey(a.id())) {
                problems.add("account " + a.id() + " is not assigned to any rep");
            }
        }
        return problems;
    }
}
