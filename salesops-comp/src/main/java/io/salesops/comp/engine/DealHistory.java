package io.salesops.comp.engine;

import io.salesops.comp.internal.HistoryColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A payee's per-deal pay history: every {@link DealPay}, period by period (oldest first) and, within a period,
 * in the order the engine paid them (component by component, credits in date order). Appending shares the
 * existing entries (one chunk per period, held as columns), so carrying the history from period to period costs
 * only the new entries; finding a deal scans a small chunk or searches a sorted hash index of a large one, built the
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
        /** The component of every entry, when they share one (most payees earn in one); else null. */
        private final String component;
        /** Per entry its component, when they differ; else null. */
        private final String[] components;
        /** The period of every entry, when they share one (the engine's chunks always do); else null. */
        private final String period;
        /** Per entry its period, when they differ; else null. */
        private final String[] periods;
        private final LocalDate[] dealDates;
        /**
         * Per entry its pay, base and deal amount ({@link #PAY}, {@link #BASE}, {@link #DEAL} from {@code 3 x
         * entry}), as ints when every amount of the chunk fits in one (amounts below 21 million in a currency of
         * cents); else null.
         */
        private final int[] narrow;
        /** As {@link #narrow}, in longs, when some amount does not fit in an int; else null. */
        private final long[] wide;
        /** Each a {@code String}, or a {@code Supplier<String>} rendered when the entry is read. */
        private final Object[] rules;
        /** Per entry, its deal id's hash; null until indexed when the chunk was made of {@link DealPay} values. */
        private final int[] dealHashes;
        /** The number of entries: the columns may be longer. */
        private final int size;
        /**
         * {@code hash << 32 | position} per entry, ascending: a deal's entries are found by binary search. One
         * long per entry, the size of the chunk (a history keeps a year of chunks; a hash table would be twice
         * or four times that).
         */
        private volatile long[] index;

        private static final int PAY = 0;
        private static final int BASE = 1;
        private static final int DEAL = 2;

        Chunk(Collection<DealPay> entries) {
            int n = entries.size();
            dealIds = new String[n];
            String[] comps = new String[n];
            dealDates = new LocalDate[n];
            long[] amounts = new long[3 * n];
            rules = new Object[n];
            size = n;
            String[] per = new String[n];
            boolean onePeriod = true;
            int i = 0;
            for (DealPay d : entries) {
                dealIds[i] = d.dealId();
                comps[i] = d.component();
                per[i] = d.period();
                onePeriod &= per[i].equals(per[0]);
                dealDates[i] = d.dealDate();
                amounts[3 * i + PAY] = d.payMinor();
                amounts[3 * i + BASE] = d.baseMinor();
                amounts[3 * i + DEAL] = d.dealMinor();
                rules[i] = d.rule();
                i++;
            }
            period = onePeriod ? per[0] : null;
            periods = onePeriod ? null : per;
            dealHashes = null;
            component = shared(comps, n);
            components = component == null ? comps : null;
            narrow = narrowed(amounts);
            wide = narrow == null ? amounts : null;
        }

        /**
         * Copies the engine's columns at their size, the amounts as three ints per entry where they fit and one component
         * where the entries share it: a state carries a year of chunks and every young collection copies those
         * not yet tenured, so the bytes kept per entry count.
         */
        Chunk(HistoryColumns columns) {
            // The columns are the engine's scratch, refilled by the next payee: the chunk copies what it keeps.
            size = columns.size();
            dealIds = Arrays.copyOf(columns.dealIds(), size);
            dealDates = Arrays.copyOf(columns.dates(), size);
            rules = Arrays.copyOf(columns.rules(), size);
            period = columns.period();
            periods = null;
            dealHashes = Arrays.copyOf(columns.dealHashes(), size);
            component = shared(columns.components(), size);
            components = component == null ? Arrays.copyOf(columns.components(), size) : null;
            long[] pay = columns.pay();
            long[] base = columns.base();
            long[] deal = columns.dealMinor();
            boolean fit = true;
            for (int i = 0; i < size && fit; i++) {
                fit = pay[i] == (int) pay[i] && base[i] == (int) base[i] && deal[i] == (int) deal[i];
            }
            if (fit) {
                narrow = new int[3 * size];
                wide = null;
                for (int i = 0; i < size; i++) {
                    narrow[3 * i + PAY] = (int) pay[i];
                    narrow[3 * i + BASE] = (int) base[i];
                    narrow[3 * i + DEAL] = (int) deal[i];
                }
            } else {
                narrow = null;
                wide = new long[3 * size];
                for (int i = 0; i < size; i++) {
                    wide[3 * i + PAY] = pay[i];
                    wide[3 * i + BASE] = base[i];
                    wide[3 * i + DEAL] = deal[i];
                }
            }
        }

        /** @return the one value of {@code values[0 .. n)}, or null if they differ or there are none */
        private static String shared(String[] values, int n) {
            for (int i = 1; i < n; i++) {
                if (!values[i].equals(values[0])) {
                    return null;
                }
            }
            return n == 0 ? null : values[0];
        }

        /** @return {@code amounts} as ints, or null if one of them does not fit */
        private static int[] narrowed(long[] amounts) {
            int[] out = new int[amounts.length];
            for (int i = 0; i < amounts.length; i++) {
                if (amounts[i] != (int) amounts[i]) {
                    return null;
                }
                out[i] = (int) amounts[i];
            }
            return out;
        }

        private long amount(int entry, int which) {
            return narrow != null ? narrow[3 * entry + which] : wide[3 * entry + which];
        }

        int size() {
            return size;
        }

        DealPay get(int i) {
            return new DealPay(dealIds[i], component != null ? component : components[i],
                    period != null ? period : periods[i], dealDates[i], amount(i, PAY), amount(i, BASE),
                    HistoryColumns.text(rules[i]), amount(i, DEAL));
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
            int hash = dealId.hashCode();
            int lo = io.salesops.comp.internal.HashIndex.first(idx, hash);
            // Equal hashes are sorted by position, so one deal's entries are met in the order they were added.
            for (int k = lo; k < idx.length && (int) (idx[k] >>> 32) == hash; k++) {
                int e = (int) idx[k];
                if (dealIds[e].equals(dealId)) {
                    out.add(get(e));
                }
            }
        }

        private long[] buildIndex() {
            long[] idx = new long[size];
            for (int e = 0; e < size; e++) {
                int hash = dealHashes != null ? dealHashes[e] : dealIds[e].hashCode();
                idx[e] = (long) hash << 32 | e;
            }
            io.salesops.comp.internal.HashIndex.sort(idx);
            return idx;
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
