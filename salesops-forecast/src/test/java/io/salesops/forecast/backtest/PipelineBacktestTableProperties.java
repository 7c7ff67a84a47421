package io.salesops.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.synthetic.SyntheticCrm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The backtest over the columnar table equals, row by row and to the cent, the backtest the object path ran
 * before it moved onto the table ({@link ObjectBacktest}, kept unchanged as the oracle).
 */
class PipelineBacktestTableProperties {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();
    static final String[] DIMENSIONS = {"owner", "product", "region", "stage", "nosuchfield"};

    static void assertSameReport(BacktestReport table, BacktestReport objects) {
        assertThat(table.periods()).isEqualTo(objects.periods());
        assertThat(table.totals()).isEqualTo(objects.totals());
        assertThat(table.rows()).isEqualTo(objects.rows());
    }

    /** Messy generated CRM data (history with case changes, unknown stages, blanks) or the synthetic company. */
    static List<Opportunity> deals(long seed, int n, boolean synthetic) {
        return synthetic ? SyntheticCrm.generate(seed, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30))
                : io.salesops.forecast.kpi.KpiDeals.knownStages(seed, n);
    }

    @Property(tries = 40)
    void tableBacktest_equalsTheObjectBacktest_rowByRow(@ForAll long seed, @ForAll @IntRange(max = 150) int n,
                                                        @ForAll boolean synthetic, @ForAll @IntRange(max = 4) int dimension,
                                                        @ForAll boolean fixed, @ForAll @IntRange(max = 6) int first,
                                                        @ForAll @IntRange(max = 2) int length) {
        List<Opportunity> deals = deals(seed, n, synthetic);
        Period from = CAL.parse("2024-Q2").plus(first);
        Period to = from.plus(length);
        String by = DIMENSIONS[dimension];
        UnaryOperator<PipelineForecast> configure = f -> fixed ? f.fixedProbabilities() : f.learnedProbabilities();
        BacktestReport objects = ObjectBacktest.of(deals).periods(from, to).by(by).configure(configure).run();
        BacktestReport table = PipelineBacktest.of(OpportunityTable.of(deals)).periods(from, to).by(by).configure(configure).run();
        assertSameReport(table, objects);
    }

    @Property(tries = 20)
    void unknownStages_failWithTheObjectPathsMessage(@ForAll long seed, @ForAll @IntRange(min = 20, max = 100) int n) {
        List<Opportunity> deals = io.salesops.forecast.kpi.KpiDeals.deals(seed, n);
        Period q = CAL.parse("2024-Q4");
        String expected = null;
        try {
            ObjectBacktest.of(deals).periods(q, q.plus(1)).configure(PipelineForecast::fixedProbabilities).run();
        } catch (RuntimeException e) {
            expected = e.getMessage();
        }
        String actual = null;
        try {
            PipelineBacktest.of(OpportunityTable.of(deals)).periods(q, q.plus(1)).configure(PipelineForecast::fixedProbabilities).run();
        } catch (RuntimeException e) {
            actual = e.getMessage();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Example
    void defaultConfiguration_andTheObjectEntryPoint_equalTheObjectBacktest() {
        List<Opportunity> deals = deals(3, 0, true);
        Period from = CAL.parse("2024-Q3");
        Period to = CAL.parse("2025-Q2");
        assertSameReport(PipelineBacktest.of(deals).periods(from, to).run(), ObjectBacktest.of(deals).periods(from, to).run());
    }

    @Example
    void aWonDealInAnotherCurrency_failsWithTheObjectPathsMessage() {
        List<Opportunity> deals = new ArrayList<>(deals(5, 80, false));   // stages the model knows: the currency is the only fault
        deals.add(Opportunity.builder("X-1").owner("rep1").stage("Closed Won").amount(Money.ofMinor(100, "JPY"))
                .created(LocalDate.of(2023, 1, 2)).won(LocalDate.of(2023, 2, 3)).build());
        Period q = CAL.parse("2024-Q3");
        String expected = null;
        try {
            ObjectBacktest.of(deals).periods(q, q).configure(PipelineForecast::fixedProbabilities).run();
        } catch (RuntimeException e) {
            expected = e.getMessage();
        }
        assertThat(expected).contains("X-1");
        assertThatThrownBy(() -> PipelineBacktest.of(OpportunityTable.of(deals)).periods(q, q)
                .configure(PipelineForecast::fixedProbabilities).run()).hasMessage(expected);
    }

    /** The comparison can fail: one cent more on a deal won in a backtested period changes the report. */
    @Example
    void comparison_seesOneCentOnOneWonDeal() {
        List<Opportunity> deals = new ArrayList<>(deals(3, 0, true));
        Period q = CAL.parse("2025-Q1");
        int i = 0;
        while (!deals.get(i).isWon() || !q.contains(deals.get(i).closeDate())) {
            i++;
        }
        Opportunity o = deals.get(i);
        deals.set(i, o.toBuilder().amount(o.amount().plus(Money.ofMinor(1, o.amount().currency()))).build());
        BacktestReport changed = PipelineBacktest.of(OpportunityTable.of(deals)).periods(q, q).run();
        BacktestReport objects = ObjectBacktest.of(deals(3, 0, true)).periods(q, q).run();
        assertThatThrownBy(() -> assertSameReport(changed, objects)).isInstanceOf(AssertionError.class);
    }
}
