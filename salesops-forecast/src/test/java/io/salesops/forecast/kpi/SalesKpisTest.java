package io.salesops.forecast.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SalesKpisTest {

    static final FiscalCalendar CAL = FiscalCalendar.calendarYear();

    static LocalDate d(int m, int day) {
        return LocalDate.of(2026, m, day);
    }

    static List<Opportunity> deals() {
        return List.of(
                Opportunity.builder("W1").owner("ann").stage("Closed Won").amount("100.00", "USD").created(d(1, 1))
                        .change(new StageChange(d(1, 1), "Prospecting", null, d(1, 5))).change(d(1, 11), "Closed Won").won(d(1, 11)).build(),
                Opportunity.builder("W2").owner("ann").stage("Closed Won").amount("300.00", "USD").created(d(1, 1))
                        .change(new StageChange(d(1, 1), "Prospecting", null, d(3, 15))).change(d(4, 30), "Closed Won").won(d(4, 30)).build(),
                Opportunity.builder("L1").owner("bob").stage("Closed Lost").amount("200.00", "USD").created(d(2, 1))
                        .change(d(2, 1), "Prospecting").change(d(2, 10), "Qualification").change(d(3, 3), "Closed Lost").lost(d(3, 3)).build(),
                Opportunity.builder("O1").owner("bob").stage("Proposal").amount("500.00", "USD").created(d(3, 1)).build(),
                Opportunity.builder("X1").owner("bob").stage("Closed Won").amount("999.00", "USD").created(d(7, 1)).won(d(7, 2)).build());
    }

    static Money usd(String s) {
        return Money.of(s, "USD");
    }

    @Test
    void total_matchesTheHandComputedKpis() {
        KpiReport r = SalesKpis.of(deals()).window(CAL.parse("2026-Q1"), CAL.parse("2026-Q2")).run();
        KpiRow t = r.total();
        assertThat(t.won()).isEqualTo(2);
        assertThat(t.lost()).isEqualTo(1);
        assertThat(t.winRateByCount().getAsDouble()).isCloseTo(2.0 / 3, Offset.offset(1e-12));
        assertThat(t.winRateByValue().getAsDouble()).isCloseTo(400.0 / 600, Offset.offset(1e-12));
        assertThat(t.averageDealSize()).isEqualTo(usd("200.00"));
        assertThat(t.medianCycleWon().getAsDouble()).isEqualTo(64.5);   // (10 + 119) / 2
        assertThat(t.meanCycleWon().getAsDouble()).isEqualTo(64.5);
        assertThat(t.medianCycleLost().getAsDouble()).isEqualTo(30);
        assertThat(t.slippageRate().getAsDouble()).isEqualTo(0.5);      // W2 expected in Q1, closed in Q2; W1 on time
        assertThat(t.openDeals()).isEqualTo(1);
        assertThat(t.openPipeline()).isEqualTo(usd("500.00"));
        // 1 open x 2/3 x 200.00 / 64.5 days = 2.0671... per day
        assertThat(t.pipelineVelocity()).isEqualTo(usd("2.07"));
        assertThat(t.bookings()).containsExactly(usd("100.00"), usd("300.00"));
    }

    @Test
    void stageConversion_countsTheFurthestStageReached() {
        KpiRow t = SalesKpis.of(deals()).window(CAL.parse("2026-Q1"), CAL.parse("2026-Q2")).run().total();
        StageConversion first = t.conversions().get(0);
        assertThat(first.from()).isEqualTo("Prospecting");
        assertThat(first.to()).isEqualTo("Qualification");
        assertThat(first.reached()).isEqualTo(3);
        assertThat(first.converted()).isEqualTo(3);
        StageConversion second = t.conversions().get(1);
        assertThat(second.reached()).isEqualTo(3);
        assertThat(second.converted()).isEqualTo(2);                    // L1 was lost at Qualification
        StageConversion last = t.conversions().get(4);
        assertThat(last.to()).isEqualTo("Closed Won");
        assertThat(last.rate()).isEqualTo(1.0);
    }

    static List<Opportunity> ownStages() {
        // an export with its own stage names (Engaging; Won; Lost): 3 won of 5 closed, one deal open at Engaging
        return List.of(
                Opportunity.builder("E1").owner("ann").stage("Engaging").amount("100.00", "USD").created(d(5, 1)).build(),
                Opportunity.builder("W1").owner("ann").stage("Won").amount("400.00", "USD").created(d(4, 1)).won(d(5, 2)).build(),
                Opportunity.builder("W2").owner("bob").stage("Won").amount("300.00", "USD").created(d(4, 3)).won(d(5, 20)).build(),
                Opportunity.builder("W3").owner("bob").stage("Won").amount("200.00", "USD").created(d(4, 5)).won(d(6, 2)).build(),
                Opportunity.builder("L1").owner("ann").stage("Lost").amount("100.00", "USD").created(d(4, 1)).lost(d(5, 3)).build(),
                Opportunity.builder("L2").owner("bob").stage("Lost").amount("100.00", "USD").created(d(4, 2)).lost(d(6, 10)).build());
    }

    @Test
    void withoutAStageModel_anExportsOwnStages_areItsConversionSteps_andTheReportSaysSo() {
        // Before, the built-in model's steps were reported: Prospecting -> Qualification ... each "5 of 5".
        KpiReport r = SalesKpis.of(ownStages()).window(CAL.parse("2026-Q2"), CAL.parse("2026-Q2")).run();
        List<StageConversion> steps = r.total().conversions();
        assertThat(steps).containsExactly(new StageConversion("Engaging", "Won", 5, 3));
        assertThat(r.assumptions()).singleElement().asString().startsWith("stages inferred from the data")
                .contains("open [Engaging]").contains("won [Won]; lost [Lost]");
    }

    @Test
    void aGivenStageModel_isUsedAsGiven_andTheDefaultModelsOwnExport_assumesNothing() {
        io.salesops.core.crm.StageModel given = io.salesops.core.crm.StageModel.defaultModel();
        KpiReport r = SalesKpis.of(ownStages()).window(CAL.parse("2026-Q2"), CAL.parse("2026-Q2")).stages(given).run();
        assertThat(r.total().conversions().get(0).from()).isEqualTo(given.openStages().get(0).name());
        assertThat(r.assumptions()).noneMatch(a -> a.startsWith("stages inferred")); // only the one-step note
        assertThat(SalesKpis.of(deals()).window(CAL.parse("2026-Q1"), CAL.parse("2026-Q2")).run().assumptions()).isEmpty();
    }

    @Test
    void stageConversion_withoutHistory_keepsLostDealsInTheDenominator() {
        List<Opportunity> opps = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opps.add(Opportunity.builder("W" + i).owner("ann").stage("Won").amount("10.00", "USD").created(d(1, 1)).won(d(2, 1)).build());
        }
        for (int i = 0; i < 3; i++) {
            opps.add(Opportunity.builder("L" + i).owner("ann").stage("Lost").amount("10.00", "USD").created(d(1, 1)).lost(d(2, 1)).build());
        }
        KpiReport r = SalesKpis.of(opps).window(CAL.parse("2026-Q1"), CAL.parse("2026-Q1")).run();
        // every deal entered the process; the export does not say where the lost ones left it, so the steps between
        // open stages are unknown: one step, first open stage to won (before: four steps at "8 of 8 (100.0%)")
        assertThat(r.total().conversions()).containsExactly(new StageConversion("Prospecting", "Closed Won", 8, 5));
        assertThat(r.total().conversions().get(0).rate()).isEqualTo(5 / 8.0);
        assertThat(r.assumptions()).containsExactly("no stage history and no lost deal at an open stage, so where lost"
                + " deals left the process is unknown: conversion is one step, Prospecting -> Closed Won, over all deals"
                + " closed in the window");
    }

    @Test
    void stageConversion_withoutHistory_keepsTheStepsWhenALostDealSaysWhereItLeft() {
        List<Opportunity> opps = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opps.add(Opportunity.builder("W" + i).owner("ann").stage("Won").amount("10.00", "USD").created(d(1, 1)).won(d(2, 1)).build());
        }
        for (int i = 0; i < 2; i++) {
            opps.add(Opportunity.builder("L" + i).owner("ann").stage("Lost").amount("10.00", "USD").created(d(1, 1)).lost(d(2, 1)).build());
        }
        opps.add(Opportunity.builder("Q").owner("ann").stage("Qualification").amount("10.00", "USD").created(d(1, 1)).lost(d(2, 1)).build());
        KpiReport r = SalesKpis.of(opps).window(CAL.parse("2026-Q1"), CAL.parse("2026-Q1")).run();
        List<StageConversion> steps = r.total().conversions();
        assertThat(steps).hasSize(5);
        // Q was lost at Qualification; the two lost at a closing stage count at the last open stage
        assertThat(steps.get(1)).isEqualTo(new StageConversion("Qualification", "Needs Analysis", 8, 7));
        assertThat(steps.get(4)).isEqualTo(new StageConversion("Negotiation", "Closed Won", 7, 5));
        assertThat(r.assumptions()).isEmpty();
    }

    @Test
    void byOwner_splitsTheKpisPerGroup() {
        KpiReport r = SalesKpis.of(deals()).window(CAL.parse("2026-Q1"), CAL.parse("2026-Q2")).by("owner").run();
        assertThat(r.rows()).extracting(KpiRow::group).containsExactly("Total", "ann", "bob");
        KpiRow bob = r.row("bob").orElseThrow();
        assertThat(bob.won()).isZero();
        assertThat(bob.winRateByCount().getAsDouble()).isZero();
        assertThat(bob.averageDealSize()).isNull();
        assertThat(bob.pipelineVelocity()).isNull();
        assertThat(r.row("ann").orElseThrow().wonAmount()).isEqualTo(usd("400.00"));
    }

    @Test
    void window_mustBeOfOneKindAndInOrder() {
        assertThatThrownBy(() -> SalesKpis.of(deals()).window(CAL.parse("2026-Q2"), CAL.parse("2026-Q1")))
                .hasMessageContaining("2026-Q1");
        assertThatThrownBy(() -> SalesKpis.of(deals()).run()).isInstanceOf(IllegalStateException.class);
    }
}
