package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Snapshot;
import io.salesops.core.money.Money;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Currency;
import java.util.List;
import java.util.RandomAccess;

/**
 * The open deals a {@link DealPass} recorded in a {@link DealTable}, shown as {@link DealForecast}s made on access
 * and as the simulation's arrays: each deal's snapshot on the as-of day is replayed from the input table again, and
 * its leaf, probability and expected value come from the pass's own methods, so the deals shown are exactly those
 * summed; P(win) and P(in period | win) with their explanations are asked of the models again. Read-only once the
 * pass is done (the overall rate known); each access makes its own cursor, so it may be read from several threads.
 */
final class RecordedDeals {

    /** The simulation's inputs, one entry per recorded deal in record order. */
    record Draws(int[] node, long[] amount, double[] probability) {
    }

    private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();

    private final DealPass pass;
    private final OpportunityTable deals;
    private final DealTable table;
    private final List<String> groups;
    private final int asOfDay;
    private final Currency currency;
    private final RoundingMode rounding;

    RecordedDeals(DealPass pass, OpportunityTable deals, DealTable table, List<String> groups, LocalDate asOf,
                  Currency currency, RoundingMode rounding) {
        this.pass = pass;
        this.deals = deals;
        this.table = table;
        this.groups = groups;
        this.asOfDay = (int) asOf.toEpochDay();
        this.currency = currency;
        this.rounding = rounding;
    }

    /** @return each recorded deal's leaf, amount on the as-of day and probability of winning inside the period */
    Draws draws() {
        int n = table.size;
        int[] node = new int[n];
        long[] amount = new long[n];
        double[] p = new double[n];
        int[] rows = table.rows();
        Snapshot snap = new Snapshot();
        for (int i = 0; i < n; i++) {
            int r = rows[i];
            snapshot(r, snap);
            node[i] = pass.leafOf(table, i);
            amount[i] = snap.amountMinor();
            p[i] = pass.probabilityE9(r, snap.stageCode(), snap.closeDay()) / 1e9;
        }
        return new Draws(node, amount, p);
    }

    /** @return deal {@code i} of the record */
    DealForecast get(int i) {
        int r = table.row(i);
        Snapshot snap = new Snapshot();
        snapshot(r, snap);
        int stage = snap.stageCode();
        DealProbabilities.StageInfo info = pass.stageInfo(stage);
        long amount = snap.amountMinor();
        int closeDay = snap.closeDay();
        LearnedWinRates.Estimate win = pass.win(r, info);
        CloseTiming.Estimate in = pass.inPeriod(r, closeDay);
        long pE9 = pass.probabilityE9(r, stage, closeDay);
        return new DealForecast(deals.id(r), groups.get(pass.leafOf(table, i)), deals.ownerId(r),
                stage < 0 ? Opportunity.UNKNOWN_STAGE : deals.stages().get(stage), CATEGORIES[pass.categoryOf(snap)],
                Money.ofMinor(amount, currency), OpportunityTable.date(closeDay), asOfDay - (long) deals.createdDay(r),
                win.p(), win.source(), win.explanation(), in.p(), in.source(), in.explanation(), pE9,
                ExpectedValue.expectedMinor(amount, pE9, rounding));
    }

    private void snapshot(int r, Snapshot snap) {
        if (!deals.snapshot(r, asOfDay, snap)) {
            throw new IllegalStateException("recorded deal " + deals.id(r) + " has no snapshot on the as-of day");
        }
    }

    /** @return an unmodifiable list view of the recorded deals, each made on access */
    List<DealForecast> asList() {
        final class View extends AbstractList<DealForecast> implements RandomAccess {
            @Override
            public DealForecast get(int i) {
                if (i < 0 || i >= table.size) {
                    throw new IndexOutOfBoundsException("deal " + i + " of " + table.size);
                }
                return RecordedDeals.this.get(i);
            }

            @Override
            public int size() {
                return table.size;
            }
        }
        return new View();
    }
}
