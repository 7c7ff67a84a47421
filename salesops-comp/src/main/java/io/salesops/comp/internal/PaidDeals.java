package io.salesops.comp.internal;

import io.salesops.core.org.Rep;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One period's deals and the payees paid for each, as the read-only map {@link
 * io.salesops.comp.engine.CompState} keeps for later reversals: deal id to payee ids, in payee order. Held as
 * the period's int deal ids and one array of payee indices per deal range (compressed rows), so building it
 * costs no hashing and no object per deal; a deal's array of payee ids is made when asked for. Immutable once
 * built; thread-safe.
 */
final class PaidDeals extends AbstractMap<String, String[]> {

    private final StringIds deals;
    private final Rep[] reps;
    /** Payees of deal {@code d} are {@code payees[start[d] .. start[d + 1])}. */
    private final int[] start;
    private final int[] payees;
    private final int size;
    private Set<Entry<String, String[]>> entries;

    /**
     * @param deals      the period's deal ids
     * @param reps       the payees, by index
     * @param paidByRep  per payee index, the ids of the deals it was paid for, each once
     */
    PaidDeals(StringIds deals, Rep[] reps, int[][] paidByRep) {
        this.deals = deals;
        this.reps = reps;
        int n = deals.size();
        start = new int[n + 1];
        for (int[] ds : paidByRep) {
            for (int d : ds) {
                start[d + 1]++;
            }
        }
        int withPayees = 0;
        for (int d = 0; d < n; d++) {
            withPayees += start[d + 1] > 0 ? 1 : 0;
            start[d + 1] += start[d];
        }
        size = withPayees;
        payees = new int[start[n]];
        int[] next = java.util.Arrays.copyOf(start, n);
        for (int p = 0; p < paidByRep.length; p++) {
            for (int d : paidByRep[p]) {
                payees[next[d]++] = p;
            }
        }
    }

    @Override
    public String[] get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int d = deals.get(s);
        return d < 0 ? null : payeesOf(d);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    private String[] payeesOf(int d) {
        int from = start[d];
        int to = start[d + 1];
        if (from == to) {
            return null;
        }
        String[] out = new String[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = reps[payees[i]].id();
        }
        return out;
    }

    @Override
    public Set<Entry<String, String[]>> entrySet() {
        if (entries == null) {
            List<Entry<String, String[]>> all = new ArrayList<>(size);
            for (int d = 0; d < deals.size(); d++) {
                String[] p = payeesOf(d);
                if (p != null) {
                    all.add(Map.entry(deals.key(d), p));
                }
            }
            entries = Set.copyOf(all);
        }
        return entries;
    }
}
