package io.salesops.comp.internal;

import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.DealPay;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * One payee's deal-pay entries of one period, as columns, built by the engine and appended to the payee's
 * {@link DealHistory}, which copies them into its compact chunk: no {@link DealPay} is made per credit (a year of
 * a large org credits millions), only for entries that are read. A rule is a {@code String} or a {@code
 * Supplier<String>} rendered when read. Confined to the thread calculating the payee, which reuses the columns
 * for its next payee once they are appended ({@link #reused}).
 *
 * <p>{@link DealHistory} takes columns through {@link #appendTo}, which it registers (the JDK's "shared
 * secrets" pattern): the engine package offers no public method that takes this non-exported type.
 */
public final class HistoryColumns {

    private static volatile BiFunction<DealHistory, HistoryColumns, DealHistory> appender;

    /** Columns up to this many entries are kept for the thread's next payee; larger ones are left to the collector. */
    private static final int REUSE_AT_MOST = 1 << 12;
    /** Per thread, the columns its last payee built, to be refilled by its next one. */
    private static final ThreadLocal<HistoryColumns> SPARE = new ThreadLocal<>();

    private String period;
    private String[] dealIds;
    private String[] components;
    private LocalDate[] dates;
    private long[] pay;
    private long[] base;
    private Object[] rules;
    private long[] dealMinor;
    /** Per entry, its deal id's {@link String#hashCode}, so that indexing the history reads no deal id string. */
    private int[] dealHashes;
    /** Per entry, its deal's int id in the period ({@link CreditRouter#deals()}); not kept in the history. */
    private int[] periodDeals;
    private int size;

    /** @param expected the most entries expected; more may be added, at the cost of growing the columns */
    HistoryColumns(String period, int expected) {
        this.period = period;
        int n = Math.max(4, expected);
        dealIds = new String[n];
        components = new String[n];
        dates = new LocalDate[n];
        pay = new long[n];
        base = new long[n];
        rules = new Object[n];
        dealMinor = new long[n];
        dealHashes = new int[n];
        periodDeals = new int[n];
    }

    /**
     * Columns for one payee's period, reusing the calling thread's: {@link DealHistory} copies what it keeps, so
     * the columns are scratch once appended, and a year of payees would otherwise allocate them afresh each time.
     * The caller must append them (or drop them) before it asks for columns again on this thread.
     *
     * @param expected the most entries expected; more may be added, at the cost of growing the columns
     */
    static HistoryColumns reused(String period, int expected) {
        HistoryColumns c = SPARE.get();
        if (c == null || c.dealIds.length < expected) {
            c = new HistoryColumns(period, expected);
            if (c.dealIds.length <= REUSE_AT_MOST) {
                SPARE.set(c);
            }
            return c;
        }
        // Forget the last payee's references, so that the spare keeps nothing of it alive.
        Arrays.fill(c.dealIds, 0, c.size, null);
        Arrays.fill(c.components, 0, c.size, null);
        Arrays.fill(c.dates, 0, c.size, null);
        Arrays.fill(c.rules, 0, c.size, null);
        c.size = 0;
        c.period = period;
        return c;
    }

    /**
     * Lets {@link DealHistory} receive columns; called once, from its class initializer.
     *
     * @param append makes the history plus one chunk of columns
     */
    public static void useAppender(BiFunction<DealHistory, HistoryColumns, DealHistory> append) {
        appender = append;
    }

    /** @return {@code history} followed by these entries, or {@code history} itself if there are none */
    DealHistory appendTo(DealHistory history) {
        return size == 0 ? history : appender.apply(history, this);
    }

    void add(String dealId, int dealHash, String component, LocalDate date, long payMinor, long baseMinor, Object rule,
             long deal, int periodDeal) {
        if (size == dealIds.length) {
            int n = size * 2;
            dealIds = Arrays.copyOf(dealIds, n);
            components = Arrays.copyOf(components, n);
            dates = Arrays.copyOf(dates, n);
            pay = Arrays.copyOf(pay, n);
            base = Arrays.copyOf(base, n);
            rules = Arrays.copyOf(rules, n);
            dealMinor = Arrays.copyOf(dealMinor, n);
            dealHashes = Arrays.copyOf(dealHashes, n);
            periodDeals = Arrays.copyOf(periodDeals, n);
        }
        dealIds[size] = dealId;
        components[size] = component;
        dates[size] = date;
        pay[size] = payMinor;
        base[size] = baseMinor;
        rules[size] = rule;
        dealMinor[size] = deal;
        dealHashes[size] = dealHash;
        periodDeals[size] = periodDeal;
        size++;
    }

    /** Adds entry {@code from} into entry {@code into} of the same deal: earliest date, sums, both rules. */
    void merge(int into, int from) {
        dates[into] = dates[into].isBefore(dates[from]) ? dates[into] : dates[from];
        pay[into] = Math.addExact(pay[into], pay[from]);
        base[into] = Math.addExact(base[into], base[from]);
        dealMinor[into] = Math.addExact(dealMinor[into], dealMinor[from]);
        Object a = rules[into];
        Object b = rules[from];
        if (a instanceof String x && b instanceof String y) {
            rules[into] = joined(x, y);
        } else if (a != b) {
            rules[into] = (Supplier<String>) () -> joined(rule(a), rule(b));
        }
    }

    private static String joined(String x, String y) {
        return x.equals(y) ? x : x + " + " + y;
    }

    /** Keeps the entries from {@code from} on whose {@code keep} is true, in order. */
    void compact(int from, boolean[] keep) {
        int n = from;
        for (int i = from; i < size; i++) {
            if (keep[i - from]) {
                dealIds[n] = dealIds[i];
                components[n] = components[i];
                dates[n] = dates[i];
                pay[n] = pay[i];
                base[n] = base[i];
                rules[n] = rules[i];
                dealMinor[n] = dealMinor[i];
                dealHashes[n] = dealHashes[i];
                periodDeals[n] = periodDeals[i];
                n++;
            }
        }
        Arrays.fill(dealIds, n, size, null);
        Arrays.fill(rules, n, size, null);
        Arrays.fill(dates, n, size, null);
        size = n;
    }

    /** @return the number of entries */
    public int size() {
        return size;
    }

    int periodDeal(int i) {
        return periodDeals[i];
    }

    /** @return entry {@code i}, its rule rendered */
    DealPay get(int i) {
        return new DealPay(dealIds[i], components[i], period, dates[i], pay[i], base[i], rule(rules[i]), dealMinor[i]);
    }

    @SuppressWarnings("unchecked")
    private static String rule(Object rule) {
        return rule instanceof String s ? s : ((Supplier<String>) rule).get();
    }

    /** @return the period the entries were paid in */
    public String period() {
        return period;
    }

    /** @return the deal ids, one per entry, in an array of at least {@link #size()}, the rest unused; scratch, to be copied */
    public String[] dealIds() {
        return dealIds;
    }

    /** @return the component labels, one per entry, in an array of at least {@link #size()}, the rest unused */
    public String[] components() {
        return components;
    }

    /** @return the deal dates, one per entry, in an array of at least {@link #size()}, the rest unused */
    public LocalDate[] dates() {
        return dates;
    }

    /** @return the pay in minor units, one per entry, in an array of at least {@link #size()}, the rest unused */
    public long[] pay() {
        return pay;
    }

    /** @return the credited base in minor units, one per entry, in an array of at least {@link #size()}, the rest unused */
    public long[] base() {
        return base;
    }

    /** @return the whole deal amounts in minor units, one per entry, in an array of at least {@link #size()}, the rest unused */
    public long[] dealMinor() {
        return dealMinor;
    }

    /** @return the deal ids' hashes, one per entry, in an array of at least {@link #size()}, the rest unused */
    public int[] dealHashes() {
        return dealHashes;
    }

    /** @return the rules, each a {@code String} or a {@code Supplier<String>}, in an array of at least {@link #size()}, the rest unused */
    public Object[] rules() {
        return rules;
    }

    /**
     * @param rule a rule from {@link #rules()}
     * @return its text
     */
    public static String text(Object rule) {
        return rule(rule);
    }
}
