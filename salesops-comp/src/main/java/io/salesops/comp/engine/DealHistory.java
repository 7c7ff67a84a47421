package io.salesops.comp.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A payee's per-deal pay history: every {@link DealPay}, period by period (oldest first) and, within a period,
 * in the order the engine paid them (component by component, credits in date order). Appending shares the
 * existing entries (one chunk per period), so carrying the history from period to period costs only the new
 * entries; finding a deal scans a small chunk or probes a hash index of a large one, built the first time the
 * chunk is searched. Immutable and thread-safe.
 */
public final class DealHistory {

    private static final DealHistory EMPTY = new DealHistory(List.of(), 0);

    private final List<Chunk> chunks;
    private final int size;

    private DealHistory(List<Chunk> chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    /** @return the empty history */
    public static DealHistory empty() {
        return EMPTY;
    }

    /**
     * A history of one chunk.
     *
     * @param entries the entries, in order; copied
     * @return a history holding {@code entries}, in order
     * @throws NullPointerException if {@code entries} is null
     */
    public static DealHistory of(Collection<DealPay> entries) {
        return EMPTY.plus(entries);
    }

    /**
     * Appends one period's entries.
     *
     * @param entries the entries, in order; copied; empty returns this history
     * @return this history followed by {@code entries}; this history is unchanged
     * @throws NullPointerException if {@code entries} is null
     */
    public DealHistory plus(Collection<DealPay> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        List<Chunk> c = new ArrayList<>(chunks.size() + 1);
        c.addAll(chunks);
        c.add(new Chunk(entries.toArray(new DealPay[0])));
        return new DealHistory(List.copyOf(c), size + entries.size());
    }

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /** @return every entry, period by period, oldest first */
    public List<DealPay> all() {
        List<DealPay> out = new ArrayList<>(size);
        for (Chunk c : chunks) {
            out.addAll(List.of(c.entries));
        }
        return out;
    }

    /**
     * The entries of one deal.
     *
     * @param dealId the deal's id, exact match
     * @return its entries in every component, oldest first; a new list, empty if none
     */
    public List<DealPay> forDeal(String dealId) {
        List<DealPay> out = new ArrayList<>();
        for (Chunk c : chunks) {
            c.addDeal(dealId, out);
        }
        return out;
    }

    /**
     * The net pay of one deal in one component.
     *
     * @param dealId    the deal's id
     * @param component the component's name
     * @return the sum of the entries' pay, clawbacks included, in minor units of the plan currency; 0 if none
     * @throws ArithmeticException if the sum overflows a {@code long}
     */
    public long netPay(String dealId, String component) {
        long s = 0;
        for (DealPay d : forDeal(dealId)) {
            if (d.component().equals(component)) {
                s = Math.addExact(s, d.payMinor());
            }
        }
        return s;
    }

    /** One period's entries, in order, and (once searched) an index of their positions by deal id. */
    private static final class Chunk {
        /** Up to this many entries a search scans them; above, it builds the index. */
        private static final int SCAN = 16;

        private final DealPay[] entries;
        /** Open addressing on the deal id's hash: position + 1 of each entry, 0 for an empty slot. */
        private volatile int[] index;

        Chunk(DealPay[] entries) {
            this.entries = entries;
        }

        /** Adds the entries of {@code dealId} to {@code out}, in order. */
        void addDeal(String dealId, List<DealPay> out) {
            if (entries.length <= SCAN) {
                for (DealPay d : entries) {
                    if (d.dealId().equals(dealId)) {
                        out.add(d);
                    }
                }
                return;
            }
            int[] idx = index;
            if (idx == null) {
                idx = buildIndex();
                index = idx;
            }
            // Linear probing never moves an entry, so one deal's entries are met in the order they were added.
            int mask = idx.length - 1;
            for (int i = slot(dealId, mask); idx[i] != 0; i = (i + 1) & mask) {
                DealPay d = entries[idx[i] - 1];
                if (d.dealId().equals(dealId)) {
                    out.add(d);
                }
            }
        }

        private int[] buildIndex() {
            int[] idx = new int[Integer.highestOneBit(entries.length) << 2];
            int mask = idx.length - 1;
            for (int e = 0; e < entries.length; e++) {
                int i = slot(entries[e].dealId(), mask);
                while (idx[i] != 0) {
                    i = (i + 1) & mask;
                }
                idx[i] = e + 1;
            }
            return idx;
        }

        private static int slot(String dealId, int mask) {
            int h = dealId.hashCode() * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }
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
