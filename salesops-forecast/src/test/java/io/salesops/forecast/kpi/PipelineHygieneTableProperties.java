package io.salesops.forecast.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The upkeep report over the columnar table equals, flag by flag and word for word, the report the object path
 * made before it moved onto the table ({@link ObjectHygiene}, kept unchanged as the oracle), on generated CRM data:
 * histories that repeat, regress, change case and name unknown stages, deals closed after the day, accounts and
 * products blank, padded or in other cases, zero amounts, two currencies, and deals that repeat another's account,
 * product and amount.
 */
class PipelineHygieneTableProperties {

    private static final String[] ACCOUNTS = {"Acme", " acme ", "ACME", "Beta", "", "  ", null};
    private static final String[] PRODUCTS = {"p1", "P1 ", "p2", "", null};

    /** {@link KpiDeals} with accounts, products and amounts that make likely duplicates, and a second currency. */
    static List<Opportunity> deals(long seed, int n) {
        Random r = new Random(seed);
        List<Opportunity> out = new ArrayList<>();
        for (Opportunity o : KpiDeals.deals(seed, n)) {
            Opportunity.Builder b = o.toBuilder().account(ACCOUNTS[r.nextInt(ACCOUNTS.length)]);
            if (r.nextBoolean()) {
                b.product(PRODUCTS[r.nextInt(PRODUCTS.length)]);
            }
            boolean historyAmounts = o.history().stream().anyMatch(c -> c.amount() != null);
            if (r.nextInt(3) == 0) {
                String currency = !historyAmounts && r.nextInt(4) == 0 ? "USD" : "EUR";
                b.amount(Money.ofMinor(r.nextInt(3) * 50_000L, currency));
            }
            out.add(b.build());
        }
        return out;
    }

    @Property(tries = 200)
    void tableReport_equalsTheObjectReport(@ForAll long seed, @ForAll @IntRange(max = 250) int n,
                                           @ForAll @IntRange(min = -1, max = 1200) int asOf,
                                           @ForAll @IntRange(max = 3) int factor, @ForAll boolean model) {
        List<Opportunity> deals = deals(seed, n);
        double stale = new double[] {1, 1.5, 3, 7.25}[factor];
        PipelineHygiene table = PipelineHygiene.of(OpportunityTable.of(deals)).staleAfter(stale);
        ObjectHygiene objects = ObjectHygiene.of(deals).staleAfter(stale);
        if (asOf >= 0) {
            LocalDate day = LocalDate.of(2024, 1, 1).plusDays(asOf);
            table = table.asOf(day);
            objects = objects.asOf(day);
        }
        if (model) {
            table = table.stages(StageModel.defaultModel());
            objects = objects.stages(StageModel.defaultModel());
        }
        List<HygieneFlag> expected = objects.run();
        assertThat(table.run()).isEqualTo(expected);
        if (asOf >= 0) {
            // the collection entry point is the table's
            assertThat(PipelineHygiene.of(deals).staleAfter(stale).asOf(LocalDate.of(2024, 1, 1).plusDays(asOf)).run())
                    .isEqualTo(expected);
        }
    }

    /** The comparison above can fail: one deal's product changed on one side changes the report. */
    @Example
    void comparison_seesOneChangedProduct() {
        List<Opportunity> deals = deals(11, 200);
        LocalDate day = LocalDate.of(2025, 6, 30);
        List<HygieneFlag> expected = ObjectHygiene.of(deals).asOf(day).run();
        assertThat(expected).extracting(HygieneFlag::rule).contains(HygieneFlag.Rule.LIKELY_DUPLICATE,
                HygieneFlag.Rule.STALE, HygieneFlag.Rule.MISSING_FIELD, HygieneFlag.Rule.STAGE_REGRESSION,
                HygieneFlag.Rule.PAST_CLOSE_DATE);
        HygieneFlag dup = expected.stream().filter(f -> f.rule() == HygieneFlag.Rule.LIKELY_DUPLICATE).findFirst()
                .orElseThrow();
        List<Opportunity> changed = new ArrayList<>(deals);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).id().equals(dup.dealId())) {
                changed.set(i, changed.get(i).toBuilder().product("another").build());
            }
        }
        assertThat(PipelineHygiene.of(OpportunityTable.of(changed)).asOf(day).run()).isNotEqualTo(expected);
    }
}
