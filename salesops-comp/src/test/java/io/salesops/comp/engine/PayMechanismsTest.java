package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.CAL;
import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.monthlyQuotas;
import static io.salesops.comp.Fixtures.reversal;
import static io.salesops.comp.Fixtures.solo;
import static io.salesops.comp.Fixtures.split;
import static io.salesops.comp.Fixtures.usd;
import static io.salesops.comp.plan.Measure.attainment;
import static io.salesops.comp.plan.Measure.sum;
import static io.salesops.comp.plan.TierTable.Basis.AMOUNT;
import static io.salesops.comp.plan.TierTable.Basis.ATTAINMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.PlanProblem;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.RoundingPoint;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.Statement;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the pay mechanisms, in the form public comp-plan guides state them. Every expected value is
 * computed by hand in the comment above its assertion.
 */
class PayMechanismsTest {

    private static final Org ALICE = solo("alice");
    private static final CompContext ALICE_100K = CompContext.of(ALICE, monthlyQuotas(ALICE, "100000.00"));

    private static Statement run(List<CompPlan> versions, CompContext ctx, List<Credit> credits, Period p, CompState prior,
                                 String payee) {
        return CommissionEngine.calculate(versions, ctx, credits, p, prior).statement(payee).orElseThrow();
    }

    private static CompPlan bonusPlan(String target, TierTable table) {
        return CompPlan.builder("Bonus").currency("USD")
                .component(c -> c.name("Bonus").measure(attainment()).pay(new PayRule.Bonus(usd(target), table)))
                .build();
    }

    // Accelerated bonus: target 100,000 paid per 100% of attainment, 1.5x on attainment above 100%.
    // Attainment 130%: marginal 100% x 100% + 30% x 150% = 145% of target = 145,000;
    // retroactive would pay the whole target at the 150% reached = 150,000.
    @Test
    void marginalBonus_acceleratedAbove100_pays145000Not150000() {
        List<Credit> sales = List.of(deal("d1", "alice", day(3, 10), "130000.00"));
        TierTable marginal = new TierTable(TierTable.Mode.MARGINAL, ATTAINMENT, List.of())
                .upTo("100", "100").above("150");
        TierTable retro = new TierTable(TierTable.Mode.RETROACTIVE, ATTAINMENT, List.of())
                .upTo("100", "100").above("150");
        assertThat(run(List.of(bonusPlan("100000.00", marginal)), ALICE_100K, sales, month(3), CompState.empty(), "alice")
                .earned()).isEqualTo(usd("145000.00"));
        assertThat(run(List.of(bonusPlan("100000.00", retro)), ALICE_100K, sales, month(3), CompState.empty(), "alice")
                .earned()).isEqualTo(usd("150000.00"));
    }

    // Gated bonus: nothing below quota, then 100% of target per 100% of attainment above it.
    // Attainment 102.5%: marginal pays 2.5% x 15,000 = 375; retroactive pays the whole 15,000.
    @Test
    void marginalBonus_gatedAtQuota_pays375Not15000() {
        List<Credit> sales = List.of(deal("d1", "alice", day(3, 10), "102500.00"));
        TierTable marginal = new TierTable(TierTable.Mode.MARGINAL, ATTAINMENT, List.of()).below("100", "0").above("100");
        TierTable retro = new TierTable(TierTable.Mode.RETROACTIVE, ATTAINMENT, List.of()).below("100", "0").above("100");
        assertThat(run(List.of(bonusPlan("15000.00", marginal)), ALICE_100K, sales, month(3), CompState.empty(), "alice")
                .earned()).isEqualTo(usd("375.00"));
        assertThat(run(List.of(bonusPlan("15000.00", retro)), ALICE_100K, sales, month(3), CompState.empty(), "alice")
                .earned()).isEqualTo(usd("15000.00"));
    }

    @Test
    void marginalBonusOnAmounts_isAValidationError() {
        CompPlan plan = new CompPlan("B", java.util.Currency.getInstance("USD"), RoundingMode.HALF_EVEN,
                RoundingPoint.EACH_LINE, null, List.of(new io.salesops.comp.plan.Component.Builder().name("Bonus")
                .measure(sum()).pay(new PayRule.Bonus(usd("1000.00"),
                        new TierTable(TierTable.Mode.MARGINAL, AMOUNT, List.of()).above("100"))).build()),
                null, null, null, null, null, null, null);
        assertThat(plan.validate()).extracting(PlanProblem::path).contains("components[0].pay.table.mode");
    }

    /** 5% up to a 120,000 quota, 8% above; a 4,000 recoverable draw paid in advance each month. */
    private static CompPlan drawPlan(Draw.Kind kind) {
        return CompPlan.builder("AE draw").currency("USD")
                .component(c -> c.name("Bookings").measure(attainment())
                        .pay(TierTable.marginal(ATTAINMENT).upTo("100", "5").above("8")))
                .draw(new Draw(kind, usd("4000.00"), day(1, 1), null, Draw.Timing.IN_ADVANCE))
                .build();
    }

    // March: 150,000 sold. 5% x 120,000 + 8% x 30,000 = 6,000 + 2,400 = 8,400 earned; the 4,000 advance paid
    // during March is deducted: net 4,400. Paid to date counts the advance: 4,000 + 4,400 = 8,400.
    @Test
    void drawInAdvance_deductedFromTheSamePeriod_nets4400() {
        CompContext ctx = CompContext.of(ALICE, monthlyQuotas(ALICE, "120000.00"));
        Statement s = run(List.of(drawPlan(Draw.Kind.RECOVERABLE)), ctx,
                List.of(deal("d1", "alice", day(3, 10), "150000.00")), month(3), CompState.empty(), "alice");
        assertThat(s.earned()).isEqualTo(usd("8400.00"));
        assertThat(s.netPay()).isEqualTo(usd("4400.00"));
        assertThat(s.lines(LineKind.DRAW_RECOVERY)).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualTo(usd("-4000.00")));
        assertThat(s.ytdPaid()).isEqualTo(usd("8400.00"));
        assertThat(s.drawBalance()).isEqualTo(usd("0.00"));
    }

    // January: 50,000 sold, 5% = 2,500 earned; all of it is deducted from the 4,000 advance, net 0, and the
    // 1,500 not covered becomes the draw balance (recoverable) or is forgiven (non-recoverable).
    // February: 150,000 sold, 8,400 earned: the 4,000 advance is deducted and the 1,500 balance recovered,
    // net 8,400 - 4,000 - 1,500 = 2,900; non-recoverable, net 4,400.
    @Test
    void drawInAdvance_shortfallCarriedWhenRecoverable_forgivenWhenNot() {
        CompContext ctx = CompContext.of(ALICE, monthlyQuotas(ALICE, "120000.00"));
        List<Credit> credits = List.of(deal("d1", "alice", day(1, 10), "50000.00"), deal("d2", "alice", day(2, 10), "150000.00"));
        for (Draw.Kind kind : Draw.Kind.values()) {
            CalculationResult jan = CommissionEngine.calculate(drawPlan(kind), ctx, credits, month(1), CompState.empty());
            Statement j = jan.statement("alice").orElseThrow();
            assertThat(j.earned()).isEqualTo(usd("2500.00"));
            assertThat(j.netPay()).isEqualTo(usd("0.00"));
            boolean recoverable = kind == Draw.Kind.RECOVERABLE;
            assertThat(j.drawBalance()).isEqualTo(usd(recoverable ? "1500.00" : "0.00"));
            Statement f = CommissionEngine.calculate(drawPlan(kind), ctx, credits, month(2), jan.state())
                    .statement("alice").orElseThrow();
            assertThat(f.earned()).isEqualTo(usd("8400.00"));
            assertThat(f.netPay()).isEqualTo(usd(recoverable ? "2900.00" : "4400.00"));
            assertThat(f.drawBalance()).isEqualTo(usd("0.00"));
        }
    }

    /** A fixed annual bonus (100% of target on any sales) in a version effective from..to. */
    private static CompPlan annualBonus(String name, String target, LocalDate from, LocalDate to, RoundingPoint point) {
        return CompPlan.builder(name).currency("USD").roundingAt(point).effective(from, to)
                .component(c -> c.name("Bonus").measure(sum())
                        .bonus(target, TierTable.retroactive(AMOUNT).above("100")))
                .build();
    }

    // The bonus target rises from 20,000/yr to 24,000/yr on 1 June: 151 days (Jan-May) then 214 days.
    // 20,000 x 151/365 = 8,273.9726..., 24,000 x 214/365 = 14,071.2328...; sum 22,345.2054... = 22,345.21
    // rounded once (roundingPoint total), 8,273.97 + 14,071.23 = 22,345.20 rounded per line.
    @Test
    void bonusTargetsProratedByDaysAcrossVersions_roundedOnceAtTotal() {
        Period year = CAL.year(2026);
        List<Credit> sales = List.of(deal("d1", "alice", day(3, 10), "1000.00"));
        for (RoundingPoint point : RoundingPoint.values()) {
            List<CompPlan> versions = List.of(
                    annualBonus("H1", "USD 20000.00", day(1, 1), day(5, 31), point),
                    annualBonus("H2", "USD 24000.00", day(6, 1), null, point));
            Statement s = run(versions, CompContext.of(ALICE), sales, year, CompState.empty(), "alice");
            assertThat(s.earned()).isEqualTo(usd(point == RoundingPoint.TOTAL ? "22345.21" : "22345.20"));
        }
    }

    // Draws are per period too: a 3,000 draw for 15 of June's 30 days, then 4,000 for the other 15, is a
    // 3,500 draw; with nothing earned the top-up pays 3,500 (not the last version's 4,000).
    @Test
    void drawBlendedAcrossVersionsByDays() {
        List<CompPlan> versions = new ArrayList<>();
        versions.add(CompPlan.builder("v1").currency("USD").effective(day(1, 1), day(6, 15))
                .component(c -> c.name("C").flatRate("5")).recoverableDraw("USD 3000.00", day(1, 1), null).build());
        versions.add(CompPlan.builder("v2").currency("USD").effective(day(6, 16), null)
                .component(c -> c.name("C").flatRate("5")).recoverableDraw("USD 4000.00", day(1, 1), null).build());
        Statement s = run(versions, CompContext.of(ALICE), List.of(), month(6), CompState.empty(), "alice");
        assertThat(s.netPay()).isEqualTo(usd("3500.00"));
        assertThat(s.drawBalance()).isEqualTo(usd("3500.00"));
    }

    // June shared 15/15 by a non-recoverable 3,000 draw topped up (v1) and a recoverable 4,000 draw paid in
    // advance (v2): an advance of 2,000 and a top-up part of 1,500. 500 earned: the advance takes all 500
    // (1,500 of it unpaid, recoverable); the top-up part then pays its 1,500 in full (forgiven). Net 1,500,
    // paid in all 2,000 + 1,500 = 3,500 = the blended draw; balance 1,500, not 3,000 (all recoverable) or 0.
    @Test
    void drawsOfDifferentKindAndTimingAcrossVersions_eachSettlesItsShare() {
        List<CompPlan> versions = List.of(
                CompPlan.builder("v1").currency("USD").effective(day(1, 1), day(6, 15)).component(c -> c.name("C").flatRate("5"))
                        .nonRecoverableDraw("USD 3000.00", day(1, 1), null).build(),
                CompPlan.builder("v2").currency("USD").effective(day(6, 16), null).component(c -> c.name("C").flatRate("5"))
                        .draw(new Draw(Draw.Kind.RECOVERABLE, usd("4000.00"), day(1, 1), null, Draw.Timing.IN_ADVANCE)).build());
        Statement s = run(versions, CompContext.of(ALICE), List.of(deal("d", "alice", day(6, 20), "10000.00")), month(6),
                CompState.empty(), "alice");
        assertThat(s.earned()).isEqualTo(usd("500.00"));
        assertThat(s.netPay()).isEqualTo(usd("1500.00"));
        assertThat(s.ytdPaid()).isEqualTo(usd("3500.00"));
        assertThat(s.drawBalance()).isEqualTo(usd("1500.00"));
    }

    // A per-year cap raised mid-year: 1,000,000 booked in each half at 10% earns 100,000 + 100,000; the cap
    // of 100,000 to 30 June and 150,000 from 1 July is 100,000 x 181/365 + 150,000 x 184/365 = 125,205.48
    // for 2026, not the last version's 150,000.
    @Test
    void perYearCapAcrossVersions_isTheBlendOverTheYear() {
        List<CompPlan> versions = List.of(
                CompPlan.builder("H1").currency("USD").effective(day(1, 1), day(6, 30))
                        .component(c -> c.name("C").flatRate("10").cap(io.salesops.comp.plan.Cap.perYear("USD 100000.00"))).build(),
                CompPlan.builder("H2").currency("USD").effective(day(7, 1), null)
                        .component(c -> c.name("C").flatRate("10").cap(io.salesops.comp.plan.Cap.perYear("USD 150000.00"))).build());
        List<Credit> sales = List.of(deal("a", "alice", day(3, 1), "1000000.00"), deal("b", "alice", day(9, 1), "1000000.00"));
        Statement s = run(versions, CompContext.of(ALICE), sales, CAL.year(2026), CompState.empty(), "alice");
        assertThat(s.earned()).isEqualTo(usd("125205.48"));
    }

    private static final CompPlan TEN_PERCENT = CompPlan.builder("Flat").currency("USD").clawback(Clawback.within(90))
            .component(c -> c.name("Bookings").flatRate("10")).build();

    // A 10,000 deal pays 1,000 in March. In April 4,000 of it is cancelled: 40% of the pay, 400, is clawed
    // back. In May the other 6,000 goes: the remaining 600.
    @Test
    void partialReversal_clawsBackOnlyItsShare() {
        List<Credit> credits = List.of(deal("d1", "alice", day(3, 10), "10000.00"),
                reversal("r1", "alice", day(4, 5), "4000.00", "d1"),
                reversal("r2", "alice", day(5, 5), "6000.00", "d1"));
        CalculationResult mar = CommissionEngine.calculate(TEN_PERCENT, CompContext.of(ALICE), credits, month(3), CompState.empty());
        CalculationResult apr = CommissionEngine.calculate(TEN_PERCENT, CompContext.of(ALICE), credits, month(4), mar.state());
        CalculationResult may = CommissionEngine.calculate(TEN_PERCENT, CompContext.of(ALICE), credits, month(5), apr.state());
        assertThat(mar.statement("alice").orElseThrow().earned()).isEqualTo(usd("1000.00"));
        assertThat(apr.statement("alice").orElseThrow().earned()).isEqualTo(usd("-400.00"));
        assertThat(may.statement("alice").orElseThrow().earned()).isEqualTo(usd("-600.00"));
    }

    // A 10,000 deal split 60/40 pays alice 600 and bob 400; cancelling 4,000 of it claws back 40% of each:
    // 240 from alice, 160 from bob.
    @Test
    void partialReversalOfASplitDeal_clawsBackEachPayeesShare() {
        Org org = Org.of(List.of(Rep.of("alice", null), Rep.of("bob", null)));
        List<Credit> credits = List.of(split("d1", "alice", day(3, 10), "10000.00", Split.of("alice", "60"), Split.of("bob", "40")),
                reversal("r1", "alice", day(4, 5), "4000.00", "d1"));
        CalculationResult mar = CommissionEngine.calculate(TEN_PERCENT, CompContext.of(org), credits, month(3), CompState.empty());
        CalculationResult apr = CommissionEngine.calculate(TEN_PERCENT, CompContext.of(org), credits, month(4), mar.state());
        assertThat(apr.statement("alice").orElseThrow().earned()).isEqualTo(usd("-240.00"));
        assertThat(apr.statement("bob").orElseThrow().earned()).isEqualTo(usd("-160.00"));
    }

    // A 500 SPIFF per new-logo deal; the deal is split 60/40. By share: 300 and 200. In full: 500 each.
    @Test
    void spiffOnASplitDeal_paidBySplitShareUnlessThePlanSaysInFull() {
        Org org = Org.of(List.of(Rep.of("alice", null), Rep.of("bob", null)));
        List<Credit> credits = List.of(split("d1", "alice", day(3, 10), "10000.00", Split.of("alice", "60"), Split.of("bob", "40")));
        for (PayRule.Spiff.SplitDeals how : PayRule.Spiff.SplitDeals.values()) {
            CompPlan plan = CompPlan.builder("SPIFF").currency("USD")
                    .component(c -> c.name("New logo").pay(new PayRule.Spiff(usd("500.00"), how))).build();
            CalculationResult r = CommissionEngine.calculate(plan, CompContext.of(org), credits, month(3), CompState.empty());
            boolean byShare = how == PayRule.Spiff.SplitDeals.BY_SHARE;
            assertThat(r.statement("alice").orElseThrow().earned()).isEqualTo(usd(byShare ? "300.00" : "500.00"));
            assertThat(r.statement("bob").orElseThrow().earned()).isEqualTo(usd(byShare ? "200.00" : "500.00"));
        }
    }

    private static CompPlan tenThenFifteen(QuotaProration proration) {
        return CompPlan.builder("AE").currency("USD").proration(proration)
                .component(c -> c.name("Bookings").measure(attainment())
                        .pay(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")))
                .build();
    }

    // An annual quota of 1,200,000 serves monthly periods: 100,000 a month in equal shares. 150,000 sold in
    // March: 10% x 100,000 + 15% x 50,000 = 17,500.
    @Test
    void annualQuotaServesAMonth_inEqualMonthlyShares() {
        CompContext ctx = CompContext.of(ALICE, Quotas.of(List.of(new Quota("alice", CAL.year(2026), usd("1200000.00")))));
        Statement s = run(List.of(tenThenFifteen(QuotaProration.none())), ctx,
                List.of(deal("d1", "alice", day(3, 10), "150000.00")), month(3), CompState.empty(), "alice");
        assertThat(s.component("Bookings").orElseThrow().quota()).isEqualTo(usd("100000.00"));
        assertThat(s.earned()).isEqualTo(usd("17500.00"));
    }

    // Quarter weights 20/20/30/30 of a 1,200,000 year: Q1 carries 240,000, each of its months 80,000.
    // 100,000 sold in January: 10% x 80,000 + 15% x 20,000 = 8,000 + 3,000 = 11,000. The whole of Q1 as one
    // period carries 240,000.
    @Test
    void quarterWeightsForAYear_serveMonthsAndQuarters() {
        CompContext ctx = CompContext.of(ALICE, Quotas.of(List.of(new Quota("alice", CAL.year(2026), usd("1200000.00")))));
        CompPlan plan = tenThenFifteen(QuotaProration.byWeights("20", "20", "30", "30"));
        Statement jan = run(List.of(plan), ctx, List.of(deal("d1", "alice", day(1, 10), "100000.00")), month(1),
                CompState.empty(), "alice");
        assertThat(jan.component("Bookings").orElseThrow().quota()).isEqualTo(usd("80000.00"));
        assertThat(jan.earned()).isEqualTo(usd("11000.00"));
        Statement q1 = run(List.of(plan), ctx, List.of(), CAL.quarter(2026, 1), CompState.empty(), "alice");
        assertThat(q1.component("Bookings").orElseThrow().quota()).isEqualTo(usd("240000.00"));
    }

    // Month weights for the year (12 of them) serve a month by its own weight: December's 3 of 24 is
    // 1,200,000 x 3/24 = 150,000.
    @Test
    void monthWeightsForAYear_serveAMonthByItsWeight() {
        CompContext ctx = CompContext.of(ALICE, Quotas.of(List.of(new Quota("alice", CAL.year(2026), usd("1200000.00")))));
        CompPlan plan = tenThenFifteen(QuotaProration.byWeights("1", "1", "2", "1", "1", "2", "1", "1", "2", "3", "3", "6"));
        Statement dec = run(List.of(plan), ctx, List.of(), month(12), CompState.empty(), "alice");
        assertThat(dec.component("Bookings").orElseThrow().quota()).isEqualTo(usd("300000.00"));
    }
}
