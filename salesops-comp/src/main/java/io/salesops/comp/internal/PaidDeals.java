package io.salesops.comp.internal;

import io.salesops.core.org.Rep;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One period's deals and the payees paid for each, as the read-only map {@link
 * io.salesops.comp.engine.CompState} keeps for later reversals: deal id to payee ids, in payee order. A state
 * keeps one per period for the rest of the year, so it holds only the deals paid for, each deal's payees as
 * indices in one array (compressed rows), and the deals sorted by hash for a binary search: about 20 bytes a
 * deal, where the period's hash table of every deal id was four times that. A deal's array of payee ids is made
 * when asked for. Immutable once built; thread-safe.
 */
final class PaidDeals extends AbstractMap<String, String[]> {

    private final Rep[] reps;
    /** The deals paid for, in the period's deal order. */
    private final String[] dealIds;
    /** Per deal, {@code hash << 32 | position in dealIds}, ascending: a deal's hash finds it by binary search. */
    private final long[] byHash;
    /** Payees of deal {@code i} are {@code payees[start[i] .. start[i + 1])}. */
    private final int[] start;
    private final int[] payees;
    private Set<Entry<String, String[]>> entries;

    /**
     * @param deals      the period's deal ids
     * @param reps       the payees, by index
     * @param paidByRep  per payee index, the ids of the deals it was paid for, each once
     */
    PaidDeals(StringIds deals, Rep[] reps, int[][] paidByRep) {
        this.reps = reps;
        int n = deals.size();
        int[] count = new int[n];
        for (int[] ds : paidByRep) {
            for (int d : ds) {
                count[d]++;
            }
        }
        // Renumber the deals paid for densely, in deal order; count becomes each deal's new number (or -1).
        int size = 0;
        for (int d = 0; d < n; d++) {
            if (count[d] > 0) {
                size++;
            }
        }
        dealIds = new String[size];
        byHash = new long[size];
        start = new int[size + 1];
        for (int d = 0, i = 0; d < n; d++) {
            if (count[d] > 0) {
                dealIds[i] = deals.key(d);
                byHash[i] = (long) deals.hash(d) << 32 | i;
                start[i + 1] = start[i] + count[d];
                count[d] = i++;
            } else {
                count[d] = -1;
            }
        }
        HashIndex.sort(byHash);
        payees = new int[start[size]];
        int[] next = Arrays.copyOf(start, size);
        for (int p = 0; p < paidByRep.length; p++) {
            for (int d : paidByRep[p]) {
                payees[next[count[d]]++] = p;
            }
        }
    }

    @Override
    public String[] get(Object key) {
        if (!(key instanceof String s)) {
            return null;
        }
        int hash = s.hashCode();
        int lo = HashIndex.first(byHash, hash);
        for (int k = lo; k < byHash.length && (int) (byHash[k] >>> 32) == hash; k++) {
            int i = (int) byHash[k];
            if (dealIds[i].equals(s)) {
                return payeesOf(i);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return dealIds.length;
    }

    @Override
    public boolean isEmpty() {
        return dealIds.length == 0;
    }

    private String[] payeesOf(int i) {
        String[] out = new String[start[i + 1] - start[i]];
        for (int j = start[i]; j < start[i + 1]; j++) {
            out[j - start[i]] = reps[payees[j]].id();
        }
        return out;
    }

    @Override
    public Set<Entry<String, String[]>> entrySet() {
        if (entries == null) {
            List<Entry<String, String[]>> all = new ArrayList<>(dealIds.length);
            for (int i = 0; i < dealIds.length; i++) {
                all.add(Map.entry(dealIds[i], payeesOf(i)));
            }
            entries = Set.copyOf(all);
        }
        return entries;
    }
}
