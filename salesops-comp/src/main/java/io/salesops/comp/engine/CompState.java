package io.salesops.comp.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's memory between periods: per payee the year-to-date earned and paid, draw balances and the
 * per-deal pay history that clawbacks reverse. Pass the state a calculation returns into the next period's
 * calculation; pass the state from before a past period to recalculate it.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompState {

    private static final CompState EMPTY = new CompState(Map.of(), List.of());

    private final Map<String, PayeeState> payees;
    /** Which payees were paid for each deal, one map per calculation, so reversals find them without a scan. */
    private final List<Map<String, String[]>> dealIndex;

    private CompState(Map<String, PayeeState> payees, List<Map<String, String[]>> dealIndex) {
        this.payees = payees;
        this.dealIndex = dealIndex;
    }

    /** @return the state before the first period: nothing earned, paid or drawn */
    public static CompState empty() {
        return EMPTY;
    }

    /**
     * A state of the given payee states, e.g. read back from storage; the deal index is rebuilt from their
     * histories.
     *
     * @param states one state per payee; of two for the same payee the later wins
     * @return the state
     * @throws NullPointerException if {@code states} or an element is null
     */
    public static CompState of(Collection<PayeeState> states) {
        Map<String, PayeeState> m = new HashMap<>();
        Map<String, Set<String>> idx = new HashMap<>();
        for (PayeeState s : states) {
            m.put(s.payeeId(), s);
            for (DealPay d : s.history().all()) {
                idx.computeIfAbsent(d.dealId(), k -> new LinkedHashSet<>()).add(s.payeeId());
            }
        }
        Map<String, String[]> chunk = new HashMap<>();
        idx.forEach((k, v) -> chunk.put(k, v.toArray(new String[0])));
        return new CompState(Collections.unmodifiableMap(m), List.of(Collections.unmodifiableMap(chunk)));
    }

    /**
     * The state after a calculation: these payee states replace earlier ones, and {@code paidDeals} (deal to
     * payees paid for it) is added to the deal index. For the engine; callers use the returned state.
     *
     * @param updated   the payee states after the calculation, by payee id; copied
     * @param paidDeals the payees paid for each deal in the calculation, by deal id; kept, not copied, so the
     *                  caller must not change it afterwards
     * @return a new state; this one is unchanged
     */
    public CompState next(Map<String, PayeeState> updated, Map<String, String[]> paidDeals) {
        Map<String, PayeeState> m = new HashMap<>(payees);
        m.putAll(updated);
        List<Map<String, String[]>> idx = dealIndex;
        if (!paidDeals.isEmpty()) {
            idx = new ArrayList<>(dealIndex);
            idx.add(Collections.unmodifiableMap(paidDeals));
            idx = List.copyOf(idx);
        }
        return new CompState(Collections.unmodifiableMap(m), idx);
    }

    /**
     * One payee's state.
     *
     * @param payeeId the payee's rep id
     * @return the state, empty if the payee has never been calculated
     */
    public Optional<PayeeState> payee(String payeeId) {
        return Optional.ofNullable(payees.get(payeeId));
    }

    /** @return every payee's state, by payee id */
    public Map<String, PayeeState> payees() {
        return payees;
    }

    /**
     * Who has been paid for a deal, in any period so far.
     *
     * @param dealId the deal's id (a credit's {@code dealId})
     * @return the payees' ids in first-paid order, each once; empty if nobody was paid for it
     */
    public List<String> payeesPaidFor(String dealId) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, String[]> chunk : dealIndex) {
            String[] p = chunk.get(dealId);
            if (p != null) {
                Collections.addAll(out, p);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompState s && s.payees.equals(payees);
    }

    @Override
    public int hashCode() {
        return payees.hashCode();
    }

    @Override
    public String toString() {
        return "CompState[" + payees.size() + " payees]";
    }
}
