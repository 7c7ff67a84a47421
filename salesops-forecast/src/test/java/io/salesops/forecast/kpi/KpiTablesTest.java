package io.salesops.forecast.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Stage durations, win rate by creation cohort and bookings consistency, on deals small enough to check by hand. */
class KpiTablesTest {

    private static LocalDate d(int m, int day) {
        return SalesKpisTest.d(m, day);
    }

    private static KpiReport firstHalf(List<Opportunity> deals, boolean byOwner) {
        SalesKpis k = SalesKpis.of(deals).window(SalesKpisTest.CAL.parse("2026-Q1"), SalesKpisTest.CAL.parse("2026-Q2"));
        return (byOwner ? k.by("owner") : k).run();
    }

    @Test
    void stageDurations_areTheFinishedStaysFromHistory() {
        KpiReport r = firstHalf(SalesKpisTest.deals(), false);
        assertThat(r.hasStageHistory()).isTrue();
        List<StageDuration> s = r.details().get(0).stageDurations();
        assertThat(s).extracting(StageDuration::stage).containsExactly("Prospecting", "Qualification");
        // Prospecting: W1 Jan 1 -> Jan 11 = 10 days, W2 Jan 1 -> Apr 30 = 119, L1 Feb 1 -> Feb 10 = 9
        assertThat(s.get(0).stays()).isEqualTo(3);
        assertThat(s.get(0).medianDays()).isEqualTo(10);
        assertThat(s.get(0).meanDays()).isEqualTo(46);
        // Qualification: L1 Feb 10 -> Mar 3 = 21 days; the closed stages are where deals end, not stays
        assertThat(s.get(1).stays()).isEqualTo(1);
        assertThat(s.get(1).medianDays()).isEqualTo(21);
    }

    @Test
    void stageDurations_mergeRepeatedStagesAndLeaveOutRunningAndOutOfWindowStays() {
        List<Opportunity> deals = List.of(
                // an amount change at Prospecting on Jan 5 does not end the stay: Jan 1 -> Jan 20 = 19 days
                Opportunity.builder("A").owner("ann").stage("Qualification").amount("10.00", "USD").created(d(1, 1))
                        .change(d(1, 1), "Prospecting").change(new StageChange(d(1, 5), "Prospecting", Money.of("20.00", "USD"), null))
                        .change(d(1, 20), "Qualification").build(),
                // left Prospecting on Jul 10, after the window: not a stay of the window
                Opportunity.builder("B").owner("ann").stage("Qualification").amount("10.00", "USD").created(d(6, 1))
                        .change(d(6, 1), "Prospecting").change(d(7, 10), "Qualification").build());
        List<StageDuration> s = firstHalf(deals, false).details().get(0).stageDurations();
        assertThat(s).hasSize(1);
        assertThat(s.get(0).stage()).isEqualTo("Prospecting");
        assertThat(s.get(0).stays()).isEqualTo(1);
        assertThat(s.get(0).meanDays()).isEqualTo(19);
    }

    @Test
    void stageDurations_withoutHistory_areEmptyAndTheReportSaysWhy() {
        List<Opportunity> deals = List.of(
                Opportunity.builder("W").owner("ann").stage("Closed Won").amount("10.00", "USD").created(d(1, 1)).won(d(2, 1)).build());
        KpiReport r = firstHalf(deals, false);
        assertThat(r.hasStageHistory()).isFalse();
        assertThat(r.details().get(0).stageDurations()).isEmpty();
    }

    @Test
    void cohorts_countTheDealsByThePeriodTheyWereCreatedIn() {
        List<CohortWinRate> c = firstHalf(SalesKpisTest.deals(), false).details().get(0).cohorts();
        assertThat(c).extracting(x -> x.cohort().toString()).containsExactly("2026-Q1", "2026-Q2");
        CohortWinRate q1 = c.get(0);
        // W1, W2 (won Apr 30, still inside the window), L1 lost, O1 open; X1 was created after the window
        assertThat(List.of(q1.created(), q1.won(), q1.lost(), q1.open())).containsExactly(4L, 2L, 1L, 1L);
        assertThat(q1.wonAmount()).isEqualTo(Money.of("400.00", "USD"));
        assertThat(q1.winRateByCount().getAsDouble()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
        assertThat(q1.winRateByValue().getAsDouble()).isCloseTo(400.0 / 600, Offset.offset(1e-12));
        CohortWinRate q2 = c.get(1);
        assertThat(q2.created()).isZero();
        assertThat(q2.winRateByCount()).isEmpty();
    }

    @Test
    void cohorts_countADealWonAfterTheWindowAsOpen() {
        List<Opportunity> deals = List.of(
                Opportunity.builder("W").owner("ann").stage("Closed Won").amount("10.00", "USD").created(d(5, 1)).won(d(8, 1)).build(),
                Opportunity.builder("L").owner("ann").stage("Closed Lost").amount("30.00", "USD").created(d(5, 2)).lost(d(6, 1)).build());
        CohortWinRate q2 = firstHalf(deals, false).details().get(0).cohorts().get(1);
        assertThat(List.of(q2.created(), q2.won(), q2.lost(), q2.open())).containsExactly(2L, 0L, 1L, 1L);
        assertThat(q2.winRateByCount().getAsDouble()).isZero();
    }

    @Test
    void consistency_isTheCoefficientOfVariationOfBookingsPerActivePeriod() {
        KpiReport r = firstHalf(SalesKpisTest.deals(), true);
        // bookings 100 and 300: mean 200, population standard deviation 100
        assertThat(r.details().get(0).consistency().coefficientOfVariation().getAsDouble()).isCloseTo(0.5, Offset.offset(1e-12));
        assertThat(r.detail("ann").orElseThrow().consistency().coefficientOfVariation().getAsDouble()).isCloseTo(0.5, Offset.offset(1e-12));
        // bob's deals were all created and closed in Q1 (X1 is after the window)
        BookingsConsistency bob = r.detail("bob").orElseThrow().consistency();
        assertThat(bob.activePeriods()).isEqualTo(1);
        assertThat(bob.coefficientOfVariation()).isEmpty();
        assertThat(bob.note()).isEqualTo("fewer than 2 periods");
    }

    @Test
    void consistency_judgesARepWhoJoinedMidYearOnlyOnHerOwnPeriods() {
        List<Opportunity> deals = new ArrayList<>();
        // ann books 100 every quarter; cara joins in Q3 and books 200 in Q3 and Q4; dan books 0, 0, 0, 400
        for (int q = 0; q < 4; q++) {
            deals.add(won("A" + q, "ann", "100.00", d(1 + 3 * q, 2), d(2 + 3 * q, 1)));
        }
        deals.add(won("C1", "cara", "200.00", d(7, 5), d(8, 1)));
        deals.add(won("C2", "cara", "200.00", d(10, 1), d(11, 1)));
        deals.add(won("D1", "dan", "400.00", d(1, 3), d(12, 1)));
        KpiReport r = SalesKpis.of(deals).window(SalesKpisTest.CAL.parse("2026-Q1"), SalesKpisTest.CAL.parse("2026-Q4"))
                .by("owner").run();
        assertThat(r.detail("ann").orElseThrow().consistency().coefficientOfVariation().getAsDouble()).isZero();
        BookingsConsistency cara = r.detail("cara").orElseThrow().consistency();
        assertThat(cara.activePeriods()).isEqualTo(2);          // not 4: [0, 0, 200, 200] would give 1.0
        assertThat(cara.coefficientOfVariation().getAsDouble()).isZero();
        // dan: mean 100, deviations -100, -100, -100, 300 -> sd sqrt(120000 / 4) = 173.2..., cv sqrt(3)
        assertThat(r.detail("dan").orElseThrow().consistency().coefficientOfVariation().getAsDouble())
                .isCloseTo(Math.sqrt(3), Offset.offset(1e-12));
    }

    @Test
    void consistency_withNothingBooked_saysSo() {
        List<Opportunity> deals = List.of(
                Opportunity.builder("L").owner("eve").stage("Closed Lost").amount("30.00", "USD").created(d(1, 2)).lost(d(5, 1)).build());
        BookingsConsistency c = firstHalf(deals, false).details().get(0).consistency();
        assertThat(c.activePeriods()).isEqualTo(2);
        assertThat(c.coefficientOfVariation()).isEmpty();
        assertThat(c.note()).isEqualTo("no bookings");
    }

    private static Opportunity won(String id, String owner, String amount, LocalDate created, LocalDate closed) {
        return Opportunity.builder(id).owner(owner).stage("Closed Won").amount(amount, "USD").created(created).won(closed).build();
    }
}
