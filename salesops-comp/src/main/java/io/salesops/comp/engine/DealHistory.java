package io.salesops.comp.engine;

import io.salesops.comp.internal.HistoryColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A payee's per-deal pay history: every {@link DealPay}, period by period (oldest first) and, within a period,
 * in the order the engine paid them (component by component, credits in date order). Appending shares the
 * existing entries (one chunk per period, held as columns), so carrying the history from period to period costs
 * only the new entries; finding a deal scans a small chunk or probes a hash index of a large one, built the
 * first time the chunk is searched. {@link DealPay} values are made as entries are read, so {@link #all()} and
 * {@link #forDeal} return equal values, not the instances appended. Immutable and thread-safe.
 */
public final class DealHistory {

    private static final DealHistory EMPTY = new DealHistory(List.of(), 0);

    static {
        // The engine appends a period's entries as the columns it built them in (no DealPay per entry).
        HistoryColumns.useAppender((history, columns) -> history.plus(new Chunk(columns)));
    }

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
        return plus(new Chunk(entries));
    }

    private DealHistory plus(Chunk chunk) {
        Chunk[] c = chunks.toArray(new Chunk[chunks.size() + 1]);
        c[chunks.size()] = chunk;
        return new DealHistory(List.of(c), size + chunk.size());
    }

    /** @return the number of entries */
    public int size() {
        return size;
    }

    /** @return every entry, period by period, oldest first */
    public List<DealPay> all() {
        List<DealPay> out = new ArrayList<>(size);
        for (Chunk c : chunks) {
            for (int i = 0; i < c.size(); i++) {
                out.add(c.get(i));
            }
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

    /**
     * One period's entries, in order, as columns: no object per entry survives the period that made it (a
     * history holds an entry per credited deal, and a year of them would otherwise be copied by every
     * collection), and {@link DealPay} values are made only for the entries read. Once searched, an index of
     * the positions by deal id, with each deal id's hash beside it so that a probe compares strings only when
     * the hashes match.
     */
    private static final class Chunk {
        /** Up to this many entries a search scans them; above, it builds the index. */
        private static final int SCAN = 16;

        private final String[] dealIds;
        private final String[] components;
        /** The period of every entry, when they share one (the engine's chunks always do); else null. */
        private final String period;
        /** Per entry its period, when they differ; else null. */
        private final String[] periods;
        private final LocalDate[] dealDates;
        private final long[] pay;
        private final long[] base;
        /** Each a {@code String}, or a {@code Supplier<String>} rendered when the entry is read. */
        private final Object[] rules;
        private final long[] deal;
        /** Per entry, its deal id's hash; null until indexed when the chunk was made of {@link DealPay} values. */
        private final int[] dealHashes;
        /** The number of entries: the columns may be longer. */
        private final int size;
        /** Open addressing: {@code hash << 32 | (position + 1)} per slot, 0 for an empty slot. */
        private volatile long[] index;

        Chunk(Collection<DealPay> entries) {
            int n = entries.size();
            dealIds = new String[n];
            components = new String[n];
            dealDates = new LocalDate[n];
            pay = new long[n];
            base = new long[n];
            rules = new Object[n];
            deal = new long[n];
            size = n;
            String[] per = new String[n];
            boolean onePeriod = true;
            int i = 0;
            for (DealPay d : entries) {
                dealIds[i] = d.dealId();
                components[i] = d.component();
                per[i] = d.period();
                onePeriod &= per[i].equals(per[0]);
                dealDates[i] = d.dealDate();
                pay[i] = d.payMinor();
                base[i] = d.baseMinor();
                rules[i] = d.rule();
                deal[i] = d.dealMinor();
                i++;
            }
            period = onePeriod ? per[0] : null;
            periods = onePeriod ? null : per;
            dealHashes = null;
        }

        Chunk(HistoryColumns columns) {
            dealIds = columns.dealIds();
            components = columns.components();
            dealDates = columns.dates();
            pay = columns.pay();
            base = columns.base();
            rules = columns.rules();
            deal = columns.dealMinor();
            size = columns.size();
            period = columns.period();
            periods = null;
            dealHashes = columns.dealHashes();
        }

        int size() {
            return size;
        }

        DealPay get(int i) {
            return new DealPay(dealIds[i], components[i], period != null ? period : periods[i], dealDates[i], pay[i],
                    base[i], HistoryColumns.text(rules[i]), deal[i]);
        }

        /** Adds the entries of {@code dealId} to {@code out}, in order. */
        void addDeal(String dealId, List<DealPay> out) {
            int n = size;
            if (n <= SCAN) {
                // With the hashes at hand, a deal id string is read only when its hash matches.
                int hash = dealHashes == null ? 0 : dealId.hashCode();
                for (int e = 0; e < n; e++) {
                    if ((dealHashes == null || dealHashes[e] == hash) && dealIds[e].equals(dealId)) {
                        out.add(get(e));
                    }
                }
                return;
            }
            long[] idx = index;
            if (idx == null) {
                idx = buildIndex();
                index = idx;
            }
            // Linear probing never moves an entry, so one deal's entries are met in the order they were added.
            int hash = dealId.hashCode();
            int mask = idx.length - 1;
            for (int i = slot(hash, mask); idx[i] != 0; i = (i + 1) & mask) {
                int e = (int) idx[i] - 1;
                if ((int) (idx[i] >>> 32) == hash && dealIds[e].equals(dealId)) {
                    out.add(get(e));
                }
            }
        }

        private long[] buildIndex() {
            long[] idx = new long[Integer.highestOneBit(size) << 2];
            int mask = idx.length - 1;
            for (int e = 0; e < size; e++) {
                int hash = dealHashes != null ? dealHashes[e] : dealIds[e].hashCode();
                int i = slot(hash, mask);
                while (idx[i] != 0) {
                    i = (i + 1) & mask;
                }
                idx[i] = (long) hash << 32 | (e + 1L);
            }
            return idx;
        }

        private static int slot(int hash, int mask) {
            int h = hash * 0x9E3779B9;
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
