package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.RandomAccess;

/**
 * The per-deal results of a forecast in primitive arrays, so a million deals cost no million objects to keep
 * and the arrays hold no references for the garbage collector to trace; {@link #asList} shows them as
 * {@link DealForecast}s made on access, asking an {@link Explainer} for each deal's probabilities and their
 * explanations. Filled by one thread (or by chunks writing disjoint windows), then read-only.
 */
final class DealTable {

    private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();

    /** Gives a recorded deal's P(win) and P(in period | win) with their explanations, as the pass found them. */
    interface Explainer {
        /** @return P(win) of the deal in table row {@code tableRow} at stage code {@code stageCode} (-1 unknown) */
        LearnedWinRates.Estimate win(int tableRow, int stageCode);

        /** @return P(in period | win) of the deal in table row {@code tableRow} with close day {@code closeDay} */
        CloseTiming.Estimate inPeriod(int tableRow, int closeDay);
    }

    // The deal's row in the input table plus what the as-of snapshot changed: stage code (-1 unknown), close day.
    int[] row = new int[256];
    int[] stage = new int[256];
    int[] closeDay = new int[256];
    int[] node = new int[256];
    long[] amount = new long[256];
    long[] pE9 = new long[256];
    long[] expected = new long[256];
    byte[] category = new byte[256];
    int size;

    void ensure(int cap) {
        if (cap > node.length) {
            int c = Math.max(cap, node.length * 2);
            row = Arrays.copyOf(row, c);
            stage = Arrays.copyOf(stage, c);
            closeDay = Arrays.copyOf(closeDay, c);
            node = Arrays.copyOf(node, c);
            amount = Arrays.copyOf(amount, c);
            pE9 = Arrays.copyOf(pE9, c);
            expected = Arrays.copyOf(expected, c);
            category = Arrays.copyOf(category, c);
        }
    }

    /** Records the deal's row and what its snapshot on the as-of day changed, in row {@code i}. */
    void deal(int i, int tableRow, int stageCode, int close) {
        row[i] = tableRow;
        stage[i] = stageCode;
        closeDay[i] = close;
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
        row = shared.row;
        stage = shared.stage;
        closeDay = shared.closeDay;
        node = shared.node;
        amount = shared.amount;
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
        System.arraycopy(row, from, row, to, n);
        System.arraycopy(stage, from, stage, to, n);
        System.arraycopy(closeDay, from, closeDay, to, n);
        System.arraycopy(node, from, node, to, n);
        System.arraycopy(amount, from, amount, to, n);
        System.arraycopy(pE9, from, pE9, to, n);
        System.arraycopy(expected, from, expected, to, n);
        System.arraycopy(category, from, category, to, n);
    }

    /** Reserves the next row and returns its index. */
    int add() {
        ensure(size + 1);
        return size++;
    }

    /** @return the probability of each deal winning inside the period, as the simulation draws it */
    double[] probabilities() {
        double[] p = new double[size];
        for (int i = 0; i < size; i++) {
            p[i] = pE9[i] / 1e9;
        }
        return p;
    }

    /** @return an unmodifiable list view making each {@link DealForecast} on access from the rows of {@code deals} */
    List<DealForecast> asList(OpportunityTable deals, List<String> groups, LocalDate asOf, Currency currency,
                              Explainer explainer) {
        long day = asOf.toEpochDay();
        List<String> stages = deals.stages();
        final class View extends AbstractList<DealForecast> implements RandomAccess {
            @Override
            public DealForecast get(int i) {
                if (i < 0 || i >= size) {
                    throw new IndexOutOfBoundsException("deal " + i + " of " + size);
                }
                int r = row[i];
                String stageName = stage[i] < 0 ? Opportunity.UNKNOWN_STAGE : stages.get(stage[i]);
                LearnedWinRates.Estimate win = explainer.win(r, stage[i]);
                CloseTiming.Estimate in = explainer.inPeriod(r, closeDay[i]);
                return new DealForecast(deals.id(r), groups.get(node[i]), deals.ownerId(r), stageName,
                        CATEGORIES[category[i]], Money.ofMinor(amount[i], currency), OpportunityTable.date(closeDay[i]),
                        day - deals.createdDay(r), win.p(), win.source(), win.explanation(), in.p(), in.source(),
                        in.explanation(), pE9[i], expected[i]);
            }

            @Override
            public int size() {
                return size;
            }
        }
        return new View();
    }
}
