package io.salesops.forecast.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.forecast.pipeline.InferredStages;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The KPIs computed over the columnar table equal, field by field and to the cent, the KPIs the object path
 * computed before they moved onto the table ({@link ObjectKpis}, kept unchanged as the oracle), on generated CRM
 * data with the pathologies real exports have.
 */
class SalesKpisTableProperties {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();
    static final String[] DIMENSIONS = {null, "owner", "product", "region", "team", "territory", "status", "stage",
        "close_date", "amount", "forecast_category", "nosuchfield"};
    static final Org ORG = Org.of(List.of(new Rep("vp", "VP", null, null, null, null, null),
            new Rep("rep0", "Ann", "vp", "east", "T1", null, null), new Rep("rep1", "Bob", "vp", "west", null, null, null),
            new Rep("rep2", "Cy", "vp", null, "T2", null, null)));

    static SalesKpis configure(SalesKpis k, Period from, Period to, String by, boolean org, boolean model) {
        SalesKpis c = k.window(from, to);
        c = by == null ? c : c.by(by);
        c = org ? c.org(ORG) : c;
        return model ? c.stages(StageModel.defaultModel()) : c;
    }

    /**
     * The object oracle knows no inference: without a model it is given the one SalesKpis is documented to use,
     * the default model unless that lacks an open deal's stage, then the deals' own ({@link InferredStages}).
     */
    static ObjectKpis configure(ObjectKpis k, List<Opportunity> deals, Period from, Period to, String by, boolean org,
                                boolean model) {
        ObjectKpis c = k.window(from, to);
        c = by == null ? c : c.by(by);
        c = org ? c.org(ORG) : c;
        return c.stages(model ? StageModel.defaultModel() : InferredStages.from(OpportunityTable.of(deals),
                StageModel.defaultModel(), to.end()).map(InferredStages::model).orElse(StageModel.defaultModel()));
    }

    /** Asserts two reports are equal in every figure, naming the first part that differs. */
    static void assertSameReport(KpiReport table, KpiReport objects) {
        assertThat(table.periods()).isEqualTo(objects.periods());
        assertThat(table.dimension()).isEqualTo(objects.dimension());
        assertThat(table.hasStageHistory()).isEqualTo(objects.hasStageHistory());
        assertThat(table.rows()).isEqualTo(objects.rows());
        assertThat(table.details()).isEqualTo(objects.details());
    }

    @Property(tries = 150)
    void tableKpis_equalTheObjectKpis_inEveryFigure(@ForAll long seed, @ForAll @IntRange(max = 300) int n,
                                                    @ForAll @IntRange(max = 11) int dimension,
                                                    @ForAll boolean monthly, @ForAll @IntRange(max = 30) int firstPeriod,
                                                    @ForAll @IntRange(max = 12) int length, @ForAll boolean org) {
        List<Opportunity> deals = KpiDeals.deals(seed, n);
        PeriodKind kind = monthly ? PeriodKind.MONTH : PeriodKind.QUARTER;
        Period from = CAL.periodOf(LocalDate.of(2024, 1, 1), kind).plus(monthly ? firstPeriod : firstPeriod / 3);
        Period to = from.plus(length);
        String by = DIMENSIONS[dimension];
        KpiReport objects = configure(ObjectKpis.of(deals), deals, from, to, by, org, seed % 2 == 0).run();
        KpiReport table = configure(SalesKpis.of(OpportunityTable.of(deals)), from, to, by, org, seed % 2 == 0).run();
        assertSameReport(table, objects);
        KpiReport inferred = configure(SalesKpis.of(deals), from, to, by, org, false).run();
        assertSameReport(inferred, configure(ObjectKpis.of(deals), deals, from, to, by, org, false).run());
        // a note exactly when the default model lacks the stage of a deal open at the window's end
        assertThat(inferred.assumptions().stream().filter(a -> a.startsWith("stages inferred from the data")).count())
                .isEqualTo(InferredStages.from(OpportunityTable.of(deals), StageModel.defaultModel(), to.end()).isPresent() ? 1 : 0);
    }

    @Property(tries = 30)
    void mixedCurrencies_failWithTheObjectPathsMessage(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n) {
        List<Opportunity> deals = new ArrayList<>(KpiDeals.deals(seed, n));
        Opportunity other = Opportunity.builder("X-1").owner("rep1").stage("Closed Won").amount(Money.ofMinor(100, "JPY"))
                .created(LocalDate.of(2025, 1, 2)).won(LocalDate.of(2025, 2, 3)).build();
        deals.add((int) Math.floorMod(seed, (long) deals.size()), other);
        Period q = CAL.parse("2025-Q1");
        String expected = null;
        try {
            ObjectKpis.of(deals).window(q, q.plus(3)).run();
        } catch (IllegalArgumentException e) {
            expected = e.getMessage();
        }
        assertThat(expected).contains("convert amounts to one currency first");
        assertThatThrownBy(() -> SalesKpis.of(OpportunityTable.of(deals)).window(q, q.plus(3)).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected);
    }

    /** The comparison above can fail: one cent more on one closed deal in the window changes the report. */
    @Example
    void comparison_seesOneCentOnOneDeal() {
        List<Opportunity> deals = new ArrayList<>(KpiDeals.deals(7, 200));
        Period from = CAL.parse("2024-Q1");
        Period to = CAL.parse("2026-Q4");
        int i = 0;
        while (!deals.get(i).isWon()) {
            i++;
        }
        Opportunity o = deals.get(i);
        deals.set(i, o.toBuilder().amount(o.amount().plus(Money.ofMinor(1, "EUR"))).build());
        KpiReport changed = SalesKpis.of(OpportunityTable.of(deals)).window(from, to).by("owner").run();
        KpiReport objects = ObjectKpis.of(KpiDeals.deals(7, 200)).window(from, to).by("owner").run();
        assertThatThrownBy(() -> assertSameReport(changed, objects)).isInstanceOf(AssertionError.class);
    }
}
