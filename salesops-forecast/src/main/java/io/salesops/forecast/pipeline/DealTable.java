package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The per-deal results of a forecast in parallel arrays, so a million deals cost no million objects to keep;
 * {@link #asList} shows them as {@link DealForecast}s made on access. Filled by one thread, then read-only.
 */
final class DealTable {

    // The deal as the CRM holds it plus what the as-of snapshot changed, so that no snapshot outlives the pass.
    Opportunity[] source = new Opportunity[256];
    String[] stage = new String[256];
    Money[] money = new Money[256];
    LocalDate[] closeDate = new LocalDate[256];
    int[] node = new int[256];
    long[] amount = new long[256];
    double[] pWin = new double[256];
    double[] pIn = new double[256];
    ProbabilitySource[] winSource = new ProbabilitySource[256];
    String[] winWhy = new String[256];
    TimingSource[] timingSource = new TimingSource[256];
    String[] timingWhy = new String[256];
    long[] pE9 = new long[256];
    long[] expected = new long[256];
    ForecastCategory[] category = new ForecastCategory[256];
    int size;

    void ensure(int cap) {
        if (cap > node.length) {
            int c = Math.max(cap, node.length * 2);
            source = Arrays.copyOf(source, c);
            stage = Arrays.copyOf(stage, c);
            money = Arrays.copyOf(money, c);
            closeDate = Arrays.copyOf(closeDate, c);
            node = Arrays.copyOf(node, c);
            amount = Arrays.copyOf(amount, c);
            pWin = Arrays.copyOf(pWin, c);
            pIn = Arrays.copyOf(pIn, c);
            winSource = Arrays.copyOf(winSource, c);
            winWhy = Arrays.copyOf(winWhy, c);
            timingSource = Arrays.copyOf(timingSource, c);
            timingWhy = Arrays.copyOf(timingWhy, c);
            pE9 = Arrays.copyOf(pE9, c);
            expected = Arrays.copyOf(expected, c);
            category = Arrays.copyOf(category, c);
        }
    }

    /** Records the deal's fields from its snapshot {@code s} of the CRM record {@code o} in row {@code i}. */
    void deal(int i, Opportunity o, Opportunity s) {
        source[i] = o;
        stage[i] = s.stage();
        money[i] = s.amount();
        closeDate[i] = s.closeDate();
    }

    /**
     * A table writing into this one's arrays from row {@code from} on, for one chunk of a parallel pass; the
     * caller guarantees this table has room for every row the window adds, so the window never regrows.
     */
    DealTable window(int from) {
        DealTable w = new DealTable(this);
        w.size = from;
        return w;
    }

    private DealTable(DealTable shared) {
        source = shared.source;
        stage = shared.stage;
        money = shared.money;
        closeDate = shared.closeDate;
        node = shared.node;
        amount = shared.amount;
        pWin = shared.pWin;
        pIn = shared.pIn;
        winSource = shared.winSource;
        winWhy = shared.winWhy;
        timingSource = shared.timingSource;
        timingWhy = shared.timingWhy;
        pE9 = shared.pE9;
        expected = shared.expected;
        category = shared.category;
    }

    DealTable() {
    }

    /** Moves {@code n} rows from row {@code from} to row {@code to} (overlap allowed), as when closing gaps. */
    void moveRows(int from, int to, int n) {
        if (from == to || n == 0) {
            return;
        }
        System.arraycopy(source, from, source, to, n);
        System.arraycopy(stage, from, stage, to, n);
        System.arraycopy(money, from, money, to, n);
        System.arraycopy(closeDate, from, closeDate, to, n);
        System.arraycopy(node, from, node, to, n);
        System.arraycopy(amount, from, amount, to, n);
        System.arraycopy(pWin, from, pWin, to, n);
        System.arraycopy(pIn, from, pIn, to, n);
        System.arraycopy(winSource, from, winSource, to, n);
        System.arraycopy(winWhy, from, winWhy, to, n);
        System.arraycopy(timingSource, from, timingSource, to, n);
        System.arraycopy(timingWhy, from, timingWhy, to, n);
        System.arraycopy(pE9, from, pE9, to, n);
        System.arraycopy(expected, from, expected, to, n);
        System.arraycopy(category, from, category, to, n);
    }

    /** Reserves the next row and returns its index. */
    int add() {
        ensure(size + 1);
        return size++;
    }

    /** Appends every row of {@code o}. */
    void append(DealTable o) {
        ensure(size + o.size);
        System.arraycopy(o.source, 0, source, size, o.size);
        System.arraycopy(o.stage, 0, stage, size, o.size);
        System.arraycopy(o.money, 0, money, size, o.size);
        System.arraycopy(o.closeDate, 0, closeDate, size, o.size);
        System.arraycopy(o.node, 0, node, size, o.size);
        System.arraycopy(o.amount, 0, amount, size, o.size);
        System.arraycopy(o.pWin, 0, pWin, size, o.size);
        System.arraycopy(o.pIn, 0, pIn, size, o.size);
        System.arraycopy(o.winSource, 0, winSource, size, o.size);
        System.arraycopy(o.winWhy, 0, winWhy, size, o.size);
        System.arraycopy(o.timingSource, 0, timingSource, size, o.size);
        System.arraycopy(o.timingWhy, 0, timingWhy, size, o.size);
        System.arraycopy(o.pE9, 0, pE9, size, o.size);
        System.arraycopy(o.expected, 0, expected, size, o.size);
        System.arraycopy(o.category, 0, category, size, o.size);
        size += o.size;
    }

    /** @return the probability of each deal winning inside the period, as the simulation draws it */
    double[] probabilities() {
        double[] p = new double[size];
        for (int i = 0; i < size; i++) {
            p[i] = pE9[i] / 1e9;
        }
        return p;
    }

    /** @return an unmodifiable list view making each {@link DealForecast} on access */
    List<DealForecast> asList(List<String> groups, LocalDate asOf) {
        long day = asOf.toEpochDay();
        final class View extends AbstractList<DealForecast> implements RandomAccess {
            @Override
            public DealForecast get(int i) {
                if (i < 0 || i >= size) {
                    throw new IndexOutOfBoundsException("deal " + i + " of " + size);
                }
                Opportunity s = source[i];
                return new DealForecast(s.id(), groups.get(node[i]), s.ownerId(), stage[i], category[i], money[i],
                        closeDate[i], day - s.createdDate().toEpochDay(), pWin[i], winSource[i], winWhy[i], pIn[i],
                        timingSource[i], timingWhy[i], pE9[i], expected[i]);
            }

            @Override
            public int size() {
                return size;
            }
        }
        return new View();
    }
}
