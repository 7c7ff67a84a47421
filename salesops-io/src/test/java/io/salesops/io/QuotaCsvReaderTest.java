package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import java.io.IOException;
import java.io.StringReader;
import java.time.Month;
import org.junit.jupiter.api.Test;

class QuotaCsvReaderTest {

    @Test
    void readQuotas_fixture_givesQuotasThatTileUp() throws IOException {
        Quotas q = QuotaCsvReader.builder().build().readQuotas(OpportunityCsvReaderTest.fixture("quotas.csv"));
        FiscalCalendar cal = FiscalCalendar.calendarYear();

        assertThat(q.quota("ann", cal.quarter(2026, 1))).contains(Money.ofMinor(15_000_000, "USD"));
        // H1 = Q1 + Q2 = 150,000.00 + 160,000 USD.
        assertThat(q.quota("ann", cal.half(2026, 1))).contains(Money.ofMinor(31_000_000, "USD"));
        assertThat(q.quota("bob", cal.year(2026))).contains(Money.ofMinor(50_000_000, "EUR"));
    }

    @Test
    void read_fiscalCalendar_readsPeriodsInIt() throws IOException {
        FiscalCalendar feb = FiscalCalendar.startingIn(Month.FEBRUARY);
        Quota q = QuotaCsvReader.builder().fiscalCalendar(feb).build()
                .read(new StringReader("rep,period,amount\nann,2027-Q1,100\n"), "q.csv").orThrow().get(0);

        // FY2027 starting in February 2026: Q1 is February to April 2026.
        assertThat(q.period()).isEqualTo(feb.quarter(2027, 1));
        assertThat(q.period().start()).hasToString("2026-02-01");
        assertThat(q.amount()).isEqualTo(Money.ofMinor(10000, "USD"));
    }

    @Test
    void read_badCells_areLocatedProblems() throws IOException {
        ImportResult<Quota> r = QuotaCsvReader.builder().lenient().build().read(new StringReader(
                "rep,period,amount,currency\n"
                        + "ann,2026-Q5,100,USD\n"
                        + ",2026-Q1,100,USD\n"
                        + "bob,2026-Q1,-1,USD\n"
                        + "bob,2026-Q2,1,usd\n"
                        + "bob,2026-q2,2,USD\n"), "q.csv");

        assertThat(r.records()).extracting(Quota::repId).containsExactly("bob");
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "q.csv:2:2 (period): period \"2026-Q5\" does not parse; expected a month (2026-07), quarter (2026-Q3), half (2026-H1) or year (FY2026)",
                "q.csv:3:1 (rep): rep is empty; it is required",
                "q.csv:4:3 (amount): \"-1\" is negative; amount must be zero or more",
                "q.csv:6:2 (period): duplicate quota for rep bob in 2026-Q2; first seen on line 5");
        assertThat(r.rowsRead()).isEqualTo(5);
    }

    @Test
    void read_missingAmountColumn_throwsEvenWhenLenient() {
        assertThatThrownBy(() -> QuotaCsvReader.builder().lenient().build().read(
                new StringReader("rep,period\nann,2026-Q1\n"), "q.csv"))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("q.csv:1: header lacks required column \"amount\"; required columns are [rep, period, amount], found [rep, period]");
    }
}
