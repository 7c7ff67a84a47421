package io.salesops.comp.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A payee's per-deal pay history: every {@link DealPay}, period by period (oldest first) and by deal id within
 * a period. Appending shares the existing entries (one chunk per period, sorted by deal id), so carrying the
 * history from period to period costs only the new entries, and finding a deal is a binary search per chunk.
 * Immutable and thread-safe.
 */
public final class DealHistory {

    private static final DealHistory EMPTY = new DealHistory(List.of(), 0);
    private static final java.util.Comparator<DealPay> BY_DEAL = java.util.Comparator.comparing(DealPay::dealId);

    private final List<DealPay[]> chunks;
    private final int size;

    private DealHistory(List<DealPay[]> chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    /** @return the empty history */
    public static DealHistory empty() {
        return EMPTY;
    }

    /** @return a history holding {@code entries}, in order */
    public static DealHistory of(Collection<DealPay> entries) {
        return EMPTY.plus(entries);
    }

    /** @return this history followed by {@code entries}; this history is unchanged */
    public DealHistory plus(Collection<DealPay> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        List<DealPay[]> c = new ArrayList<>(chunks.size() + 1);
        c.addAll(chunks);
        DealPay[] chunk = entries.toArray(new DealPay[0]);
        java.util.Arrays.sort(chunk, BY_DEAL); // stable: a deal's entries keep their order
        c.add(chunk);
        return new DealHistory(List.copyOf(c), size + entries.size());
    }

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /** @return every entry, period by period, oldest first */
    public List<DealPay> all() {
        List<DealPay> out = new ArrayList<>(size);
        for (DealPay[] c : chunks) {
            out.addAll(List.of(c));
        }
        return out;
    }

    /** @return the entries of one deal, oldest first */
    public List<DealPay> forDeal(String dealId) {
        List<DealPay> out = new ArrayList<>();
        for (DealPay[] c : chunks) {
            int lo = first(c, dealId);
            for (int i = lo; i < c.length && c[i].dealId().equals(dealId); i++) {
                out.add(c[i]);
            }
        }
        return out;
    }

    /** @return the net pay of one deal in one component, clawbacks included, in minor units */
    public long netPay(String dealId, String component) {
        long s = 0;
        for (DealPay d : forDeal(dealId)) {
            if (d.component().equals(component)) {
                s = Math.addExact(s, d.payMinor());
            }
        }
        return s;
    }

    /** The index of the first entry of {@code dealId} in a chunk sorted by deal id, or where it would be. */
    private static int first(DealPay[] c, String dealId) {
        int lo = 0;
        int hi = c.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (c[mid].dealId().compareTo(dealId) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DealHistory h && h.size == size && h.all().equals(all());
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return "DealHistory[" + size + " entries]";
    }
}
