package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.monthlyQuotas;
import static io.salesops.comp.Fixtures.reversal;
import static io.salesops.comp.Fixtures.solo;
import static io.salesops.comp.Fixtures.split;
import static io.salesops.comp.Fixtures.usd;
import static io.salesops.comp.plan.Condition.and;
import static io.salesops.comp.plan.Condition.atLeast;
import static io.salesops.comp.plan.Condition.eq;
import static io.salesops.comp.plan.Crediting.when;
import static io.salesops.comp.plan.Measure.attainment;
import static io.salesops.comp.plan.Measure.sum;
import static io.salesops.comp.plan.TierTable.Basis.AMOUNT;
import static io.salesops.comp.plan.TierTable.Basis.ATTAINMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.Fixtures;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.ExchangeRates;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.RoundingPoint;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked examples. Every expected value is computed by hand in the comment above the assertion; none comes
 * from running the engine.
 */
class CommissionEngineTest {

    private static final Org ALICE = solo("alice");
    private static final CompContext ALICE_100K = CompContext.of(ALICE, monthlyQuotas(ALICE, "100000.00"));

    private static CompPlan tiered(TierTable table) {
        return CompPlan.builder("AE").currency("USD").rounding(RoundingMode.HALF_EVEN)
                .component(c -> c.name("Bookings").credit(Crediting.all()).measure(attainment()).pay(table))
                .build();
    }

    private static Statement alice(CompPlan plan, CompContext ctx, List<Credit> credits, int m) {
        return Fixtures.calc(plan, ctx, credits, month(m)).statement("alice").orElseThrow();
    }

    // The common textbook tiered-commission example ("10% up to quota, 15% above"), as used in sales-comp
    // guides comparing marginal and retroactive tiers: quota USD 100,000, sales USD 150,000.
    //   marginal:    10% x 100,000 + 15% x 50,000 = 10,000 + 7,500 = 17,500
    //   retroactive: 15% x 150,000 (the tier reached)                = 22,500
    private static final List<Credit> SALES_150K = List.of(
            deal("d1", "alice", day(3, 5), "80000.00"), deal("d2", "alice", day(3, 20), "70000.00"));

    // Credits are taken in (date, id) order whatever the input order: ids sharing their first nine characters
    // and ids with non-ASCII characters are ordered by the whole id within their day.
    @Test
    void credits_areOrderedByDateThenWholeId_whateverTheRowOrder() {
        CompPlan flat = CompPlan.builder("AE").currency("USD").rounding(RoundingMode.HALF_EVEN)
                .component(c -> c.name("Bookings").credit(Crediting.all()).flatRate("10")).build();
        List<Credit> credits = List.of(
                deal("opportunity-10", "alice", day(3, 9), "10.00"), deal("opportunity-02", "alice", day(3, 9), "10.00"),
                deal("opportunity-1", "alice", day(3, 9), "10.00"), deal("a", "alice", day(3, 10), "10.00"),
                deal("zz", "alice", day(3, 1), "10.00"));
        List<Credit> reversed = new ArrayList<>(credits);
        java.util.Collections.reverse(reversed);
        List<String> expected = List.of("zz", "opportunity-02", "opportunity-1", "opportunity-10", "a");
        assertThat(alice(flat, ALICE_100K, credits, 3).lines().get(0).creditIds()).containsExactlyElementsOf(expected);
        assertThat(alice(flat, ALICE_100K, reversed, 3).lines().get(0).creditIds()).containsExactlyElementsOf(expected);
        List<Credit> accented = List.of(deal("\u00e9t\u00e9-2", "alice", day(3, 9), "10.00"),
                deal("\u00e9t\u00e9-1", "alice", day(3, 9), "10.00"), deal("b", "alice", day(3, 9), "10.00"),
                deal("c", "alice", day(3, 2), "10.00"));
        assertThat(alice(flat, ALICE_100K, accented, 3).lines().get(0).creditIds())
                .containsExactly("c", "b", "\u00e9t\u00e9-1", "\u00e9t\u00e9-2");
    }

    @Test
    void marginalTiers_textbook10And15_pay17500() {
        Statement s = alice(tiered(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")), ALICE_100K, SALES_150K, 3);

        assertThat(s.earned()).isEqualTo(usd("17500.00"));
        assertThat(s.lines()).extracting(PayoutLine::formula).containsExactly(
                "10% x USD 100,000.00 (tier 1: 0%-100% of quota)",
                "15% x USD 50,000.00 (tier 2: over 100% of quota)");
        // d2 straddles quota: 20,000 in tier 1 and 50,000 in tier 2, so both lines name it.
        assertThat(s.lines().get(0).creditIds()).containsExactly("d1", "d2");
        assertThat(s.lines().get(1).creditIds()).containsExactly("d2");
        assertThat(s.component("Bookings").orElseThrow().attainment().orElseThrow().value()).isEqualByComparingTo("150");
    }

    @Test
    void retroactiveTiers_textbook10And15_pay22500() {
        Statement s = alice(tiered(TierTable.retroactive(ATTAINMENT).upTo("100", "10").above("15")), ALICE_100K, SALES_150K, 3);

        assertThat(s.earned()).isEqualTo(usd("22500.00"));
        assertThat(s.lines()).singleElement().extracting(PayoutLine::formula)
                .isEqualTo("15% x USD 150,000.00 (tier 2 reached: over 100% of quota at 150.00% attainment)");
    }

    @Test
    void retroactiveTiers_exactlyAtInclusiveBoundary_staysInLowerTier() {
        // upTo("100") is inclusive: exactly 100,000.00 (100%) is still tier 1, 10% x 100,000 = 10,000;
        // with below("100") the same sales reach tier 2: 15% x 100,000 = 15,000.
        List<Credit> atQuota = List.of(deal("d1", "alice", day(3, 5), "100000.00"));
        assertThat(alice(tiered(TierTable.retroactive(ATTAINMENT).upTo("100", "10").above("15")), ALICE_100K, atQuota, 3)
                .earned()).isEqualTo(usd("10000.00"));
        assertThat(alice(tiered(TierTable.retroactive(ATTAINMENT).below("100", "10").above("15")), ALICE_100K, atQuota, 3)
                .earned()).isEqualTo(usd("15000.00"));
    }

    @Test
    void accelerator_1point5AboveQuota_paysSliceAboveQuotaAtOneAndAHalfTimes() {
        // 10% flat, 1.5x accelerator above 100% of a 100,000 quota, sales 120,000:
        //   10% x 100,000 + 10% x 1.5 x 20,000 = 10,000 + 3,000 = 13,000
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10").accelerate("100", "1.5")).build();
        Statement s = alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 5), "120000.00")), 3);

        assertThat(s.earned()).isEqualTo(usd("13000.00"));
        assertThat(s.lines().get(1).formula())
                .isEqualTo("10% x 1.5 x USD 20,000.00 (flat rate; accelerator 1.5x over 100%)");
        assertThat(s.lines().get(1).multiplier()).isEqualByComparingTo("1.5");
    }

    @Test
    void decelerator_halfBelow50Percent_slowsOnlyTheSliceBelowThreshold() {
        // 10% flat, 0.5x below 50% of a 100,000 quota.
        //   sales 40,000: 10% x 0.5 x 40,000                       = 2,000
        //   sales 60,000: 10% x 0.5 x 50,000 + 10% x 10,000 = 2,500 + 1,000 = 3,500
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10").decelerate("50", "0.5")).build();
        assertThat(alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 5), "40000.00")), 3).earned())
                .isEqualTo(usd("2000.00"));
        assertThat(alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 5), "60000.00")), 3).earned())
                .isEqualTo(usd("3500.00"));
    }

    @Test
    void gate_at50PercentInclusive_paysNothingOneCentBelowAndFullyAtTheGate() {
        // 10% flat gated at 50% attainment of a 100,000 quota.
        //   49,999.99 -> gate closed, 0;   50,000.00 -> 10% x 50,000 = 5,000
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10").gate(Gate.minAttainment("50"))).build();
        Statement below = alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 5), "49999.99")), 3);
        Statement at = alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 5), "50000.00")), 3);

        assertThat(below.earned()).isEqualTo(usd("0.00"));
        assertThat(below.lines()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LineKind.GATE);
            assertThat(l.formula()).contains("attainment of Bookings >= 50%").contains("49.99");
        });
        assertThat(at.earned()).isEqualTo(usd("5000.00"));
    }

    @Test
    void gate_onAnotherComponentsDealCount_opensAtTheCount() {
        // Renewals pay 5% only if the rep closed at least 2 new-logo deals this month.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("New logos").credit(when(eq("type", "new"))).measure(Measure_count()).spiff("USD 100.00"))
                .component(c -> c.name("Renewals").credit(when(eq("type", "renewal"))).flatRate("5")
                        .gate(Gate.onCountOf("New logos", 2)))
                .build();
        List<Credit> one = List.of(deal("n1", "alice", day(3, 1), "1000.00", "new", ""),
                deal("r1", "alice", day(3, 2), "10000.00", "renewal", ""));
        List<Credit> two = new ArrayList<>(one);
        two.add(deal("n2", "alice", day(3, 3), "1000.00", "new", ""));
        // one new logo: 100 SPIFF, renewals gated -> 100;  two: 200 + 5% x 10,000 = 700
        assertThat(alice(plan, CompContext.of(ALICE), one, 3).earned()).isEqualTo(usd("100.00"));
        assertThat(alice(plan, CompContext.of(ALICE), two, 3).earned()).isEqualTo(usd("700.00"));
    }

    private static io.salesops.comp.plan.Measure Measure_count() {
        return io.salesops.comp.plan.Measure.count();
    }

    @Test
    void capPerPeriod_5000_isReportedWhenItBites() {
        // 10% x 80,000 = 8,000 earned; cap 5,000 per period removes 3,000.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10").cap(Cap.perPeriod("USD 5,000.00"))).build();
        Statement s = alice(plan, CompContext.of(ALICE), List.of(deal("d1", "alice", day(3, 5), "80000.00")), 3);

        assertThat(s.earned()).isEqualTo(usd("5000.00"));
        PayoutLine cap = s.lines(LineKind.CAP).get(0);
        assertThat(cap.amount()).isEqualTo(usd("-3000.00"));
        assertThat(cap.formula()).isEqualTo("cap per period USD 5,000.00 bites: earned USD 8,000.00 in 2026-03; "
                + "cap per period USD 5,000.00 allows USD 5,000.00, so USD 3,000.00 is not paid");
    }

    @Test
    void capPerDeal_limitsEachDealSeparately() {
        // 10% flat, at most 1,000 per deal: deals 5,000 (500) and 30,000 (3,000 -> 1,000): 1,500
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10").cap(Cap.perDeal("USD 1,000.00"))).build();
        Statement s = alice(plan, CompContext.of(ALICE), List.of(deal("d1", "alice", day(3, 5), "5000.00"),
                deal("d2", "alice", day(3, 6), "30000.00")), 3);
        assertThat(s.earned()).isEqualTo(usd("1500.00"));
        assertThat(s.lines(LineKind.CAP)).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(usd("-2000.00"));
            assertThat(l.creditIds()).containsExactly("d2");
        });
    }

    @Test
    void split_threeWaysOfOneThousand_creditsEachPartExactlyToTheCent() {
        // 1,000.00 split 33.33 / 33.33 / 33.34 -> credits 333.30, 333.30, 333.40; at 10%: 33.33, 33.33, 33.34.
        Org org = Org.of(List.of(Rep.of("a", null), Rep.of("b", null), Rep.of("c", null)));
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("10")).build();
        Credit d = split("d1", "a", day(3, 5), "1000.00", Split.of("a", "33.33"), Split.of("b", "33.33"), Split.of("c", "33.34"));
        CalculationResult r = Fixtures.calc(plan, CompContext.of(org), List.of(d), month(3));

        assertThat(r.statements()).extracting(s -> s.component("Bookings").orElseThrow().measure())
                .containsExactly(usd("333.30"), usd("333.30"), usd("333.40"));
        assertThat(r.statements()).extracting(Statement::earned)
                .containsExactly(usd("33.33"), usd("33.33"), usd("33.34"));
    }

    @Test
    void split_tenCentsThreeWays_givesTheOddCentToTheLargestRemainder() {
        // 0.10 x 33.33% = 3.333c, x 33.33% = 3.333c, x 33.34% = 3.334c: floors 3,3,3, one cent left,
        // largest remainder .334 -> the third part: 0.03, 0.03, 0.04.
        Org org = Org.of(List.of(Rep.of("a", null), Rep.of("b", null), Rep.of("c", null)));
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("100")).build();
        Credit d = split("d1", "a", day(3, 5), "0.10", Split.of("a", "33.33"), Split.of("b", "33.33"), Split.of("c", "33.34"));
        assertThat(Fixtures.calc(plan, CompContext.of(org), List.of(d), month(3)).statements())
                .extracting(Statement::earned).containsExactly(usd("0.03"), usd("0.03"), usd("0.04"));
    }

    @Test
    void managerOverride_2PercentOfTeamBookings() {
        // a books 100,000 and b 50,000; both report to mgr. Reps earn 10% of their own bookings;
        // mgr earns a 2% override on the team: 2% x 150,000 = 3,000.
        CompPlan plan = CompPlan.builder("Team").currency("USD")
                .component(c -> c.name("Own").credit(Crediting.all()).flatRate("10"))
                .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("2"))
                .build();
        CalculationResult r = Fixtures.calc(plan, CompContext.of(Fixtures.team()),
                List.of(deal("d1", "a", day(3, 5), "100000.00"), deal("d2", "b", day(3, 9), "50000.00")), month(3));

        assertThat(r.statement("mgr").orElseThrow().payOf("Override")).isEqualTo(usd("3000.00"));
        assertThat(r.statement("mgr").orElseThrow().payOf("Own")).isEqualTo(usd("0.00"));
        assertThat(r.statement("a").orElseThrow().earned()).isEqualTo(usd("10000.00"));
        assertThat(r.statement("b").orElseThrow().earned()).isEqualTo(usd("5000.00"));
        assertThat(r.statement("mgr").orElseThrow().lines().get(0).creditIds()).containsExactly("d1", "d2");
    }

    @Test
    void spiff_500PerNewProductXDealOf10000OrMore() {
        // Three qualifying deals (10,000.00, 12,000, 50,000) -> 3 x 500 = 1,500; a 9,999.99 deal and a
        // renewal do not qualify.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("X launch").credit(when(and(eq("type", "new"), eq("product", "X"),
                        atLeast("amount", "10000")))).spiff("USD 500.00"))
                .build();
        List<Credit> credits = List.of(deal("d1", "alice", day(3, 1), "10000.00", "new", "X"),
                deal("d2", "alice", day(3, 2), "12000.00", "new", "X"),
                deal("d3", "alice", day(3, 3), "50000.00", "new", "X"),
                deal("d4", "alice", day(3, 4), "9999.99", "new", "X"),
                deal("d5", "alice", day(3, 5), "20000.00", "renewal", "X"));
        Statement s = alice(plan, CompContext.of(ALICE), credits, 3);

        assertThat(s.earned()).isEqualTo(usd("1500.00"));
        assertThat(s.lines()).singleElement().satisfies(l -> {
            assertThat(l.formula()).isEqualTo("USD 500.00 x 3 qualifying deals");
            assertThat(l.creditIds()).containsExactly("d1", "d2", "d3");
        });
    }

    @Test
    void proratedQuota_midQuarterStart_byDays() {
        // Q1 2026 quota 90,000 over 90 days (Jan 31 + Feb 28 + Mar 31). Rep starts 15 Feb: active
        // 14 days of Feb + 31 of March = 45 days -> quota 90,000 x 45 / 90 = 45,000.
        // Sales 45,000 are then exactly 100% attainment, paid 10% in tier 1 = 4,500.
        Org org = Org.of(List.of(new Rep("bob", null, null, null, null, day(2, 15), null)));
        Quotas q = Quotas.of(List.of(new Quota("bob", Fixtures.CAL.quarter(2026, 1), usd("90000.00"))));
        CompPlan plan = CompPlan.builder("AE").currency("USD").proration(QuotaProration.byDays())
                .component(c -> c.name("Bookings").measure(attainment())
                        .pay(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15"))).build();
        Statement s = Fixtures.calc(plan, CompContext.of(org, q), List.of(deal("d1", "bob", day(3, 1), "45000.00")),
                Fixtures.CAL.quarter(2026, 1)).statement("bob").orElseThrow();

        assertThat(s.component("Bookings").orElseThrow().quota()).isEqualTo(usd("45000.00"));
        assertThat(s.component("Bookings").orElseThrow().attainment().orElseThrow().value()).isEqualByComparingTo("100");
        assertThat(s.earned()).isEqualTo(usd("4500.00"));
    }

    @Test
    void proratedQuota_byMonthWeights30_30_40_startInFebruary() {
        // Weights 30/30/40, rep starts 1 Feb: 30 x 0 + 30 x 1 + 40 x 1 = 70 of 100 -> 90,000 x 0.7 = 63,000.
        Org org = Org.of(List.of(new Rep("bob", null, null, null, null, day(2, 1), null)));
        Quotas q = Quotas.of(List.of(new Quota("bob", Fixtures.CAL.quarter(2026, 1), usd("90000.00"))));
        CompPlan plan = CompPlan.builder("AE").currency("USD").proration(QuotaProration.byWeights("30", "30", "40"))
                .component(c -> c.name("Bookings").measure(attainment()).flatRate("10")).build();
        Statement s = Fixtures.calc(plan, CompContext.of(org, q), List.of(), Fixtures.CAL.quarter(2026, 1))
                .statement("bob").orElseThrow();
        assertThat(s.component("Bookings").orElseThrow().quota()).isEqualTo(usd("63000.00"));
    }

    @Test
    void recoverableDraw_overSixMonths_advancesThenRecovers() {
        // Draw 3,000/month Jan-Jun, recoverable; 10% of sales 10k, 20k, 40k, 50k, 25k, 60k earns
        // 1,000, 2,000, 4,000, 5,000, 2,500, 6,000.
        //   Jan: advance 2,000 -> net 3,000, balance 2,000
        //   Feb: advance 1,000 -> net 3,000, balance 3,000
        //   Mar: recover min(3,000, 4,000-3,000) = 1,000 -> net 3,000, balance 2,000
        //   Apr: recover min(2,000, 5,000-3,000) = 2,000 -> net 3,000, balance 0
        //   May: advance 500 -> net 3,000, balance 500
        //   Jun: recover min(500, 6,000-3,000) = 500 -> net 5,500, balance 0
        //   Total net 20,500 = total earned 20,500.
        CompPlan plan = CompPlan.builder("Ramp").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10"))
                .recoverableDraw("USD 3,000.00", day(1, 1), day(6, 30)).build();
        String[] sales = {"10000.00", "20000.00", "40000.00", "50000.00", "25000.00", "60000.00"};
        String[] net = {"3000.00", "3000.00", "3000.00", "3000.00", "3000.00", "5500.00"};
        String[] balance = {"2000.00", "3000.00", "2000.00", "0.00", "500.00", "0.00"};
        List<Credit> credits = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            credits.add(deal("d" + m, "alice", day(m, 10), sales[m - 1]));
        }
        CompState state = CompState.empty();
        for (int m = 1; m <= 6; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, CompContext.of(ALICE), credits, month(m), state);
            Statement s = r.statement("alice").orElseThrow();
            assertThat(s.netPay()).as("net pay in month %d", m).isEqualTo(usd(net[m - 1]));
            assertThat(s.drawBalance()).as("balance after month %d", m).isEqualTo(usd(balance[m - 1]));
            state = r.state();
        }
        assertThat(state.payee("alice").orElseThrow().ytdPaid()).isEqualTo(usd("20500.00"));
        assertThat(state.payee("alice").orElseThrow().ytdEarned()).isEqualTo(usd("20500.00"));
    }

    @Test
    void guarantee_topsUpAndIsNotRecovered() {
        // Guarantee 2,000 in January: 10% x 5,000 = 500 earned -> top-up 1,500, net 2,000.
        CompPlan plan = CompPlan.builder("New hire").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10"))
                .guarantee("USD 2,000.00", day(1, 1), day(1, 31)).build();
        Statement s = alice(plan, CompContext.of(ALICE), List.of(deal("d1", "alice", day(1, 5), "5000.00")), 1);
        assertThat(s.earned()).isEqualTo(usd("500.00"));
        assertThat(s.netPay()).isEqualTo(usd("2000.00"));
        assertThat(s.lines(LineKind.GUARANTEE)).singleElement().extracting(PayoutLine::amount).isEqualTo(usd("1500.00"));
        assertThat(s.drawBalance()).isEqualTo(usd("0.00"));
    }

    @Test
    void clawback_reversesExactlyWhatTheDealPaid_atTheRateItWasPaid() {
        // January, quota 100,000, marginal 10% to quota / 15% above: deal A 80,000 then B 50,000.
        //   A: 10% x 80,000 = 8,000.  B: 10% x 20,000 + 15% x 30,000 = 2,000 + 4,500 = 6,500.
        // February: B is reversed (within 90 days) and C 100,000 is booked: C pays 10% x 100,000 = 10,000;
        //   the clawback of B is -6,500 (what B paid), not -10% x 50,000 at February's tier.
        //   February net: 10,000 - 6,500 = 3,500. B's pay nets to exactly zero.
        CompPlan plan = CompPlan.builder("AE").currency("USD").clawback(Clawback.within(90))
                .component(c -> c.name("Bookings").measure(attainment())
                        .pay(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15"))).build();
        List<Credit> credits = List.of(deal("A", "alice", day(1, 5), "80000.00"), deal("B", "alice", day(1, 20), "50000.00"),
                deal("C", "alice", day(2, 3), "100000.00"), reversal("B-rev", "alice", day(2, 14), "50000.00", "B"));
        CalculationResult jan = CommissionEngine.calculate(plan, ALICE_100K, credits, month(1), CompState.empty());
        CalculationResult feb = CommissionEngine.calculate(plan, ALICE_100K, credits, month(2), jan.state());

        assertThat(jan.statement("alice").orElseThrow().earned()).isEqualTo(usd("14500.00"));
        Statement s = feb.statement("alice").orElseThrow();
        assertThat(s.lines(LineKind.CLAWBACK)).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(usd("-6500.00"));
            assertThat(l.formula()).startsWith("clawback of deal B (reversed by B-rev on 2026-02-14, 25 days after booking)")
                    .contains("USD 6,500.00 in 2026-01");
        });
        assertThat(s.earned()).isEqualTo(usd("3500.00"));
        long netOfB = feb.state().payee("alice").orElseThrow().history().forDeal("B").stream()
                .mapToLong(DealPay::payMinor).sum();
        assertThat(netOfB).isZero();
    }

    @Test
    void clawback_outsideTheWindow_reversesNothingButSaysSo() {
        // Booked 5 Jan, reversed 20 May: 135 days > 90-day window.
        CompPlan plan = CompPlan.builder("AE").currency("USD").clawback(Clawback.within(90))
                .component(c -> c.name("Bookings").flatRate("10")).build();
        List<Credit> credits = List.of(deal("A", "alice", day(1, 5), "1000.00"), reversal("A-rev", "alice", day(5, 20), "1000.00", "A"));
        CompState state = CompState.empty();
        Statement may = null;
        for (int m = 1; m <= 5; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, CompContext.of(ALICE), credits, month(m), state);
            state = r.state();
            may = r.statement("alice").orElseThrow();
        }
        assertThat(may.lines(LineKind.CLAWBACK)).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(usd("0.00"));
            assertThat(l.formula()).contains("135 days after booking on 2026-01-05, outside the 90-day window");
        });
    }

    @Test
    void clawback_ofASplitDealWithOverride_reversesEveryPayee() {
        // d1 10,000 split 50/50 between a and b; reps earn 10% (500 each), mgr 2% override on each half
        // (100 + 100). Reversal in the next month claws back 500, 500 and 200.
        CompPlan plan = CompPlan.builder("Team").currency("USD").clawback(Clawback.within(90))
                .component(c -> c.name("Own").flatRate("10"))
                .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("2")).build();
        List<Credit> credits = List.of(split("d1", "a", day(1, 5), "10000.00", Split.of("a", "50"), Split.of("b", "50")),
                reversal("r1", "a", day(2, 1), "10000.00", "d1"));
        CompContext ctx = CompContext.of(Fixtures.team());
        CalculationResult jan = CommissionEngine.calculate(plan, ctx, credits, month(1), CompState.empty());
        CalculationResult feb = CommissionEngine.calculate(plan, ctx, credits, month(2), jan.state());
        assertThat(feb.statement("a").orElseThrow().earned()).isEqualTo(usd("-500.00"));
        assertThat(feb.statement("b").orElseThrow().earned()).isEqualTo(usd("-500.00"));
        assertThat(feb.statement("mgr").orElseThrow().earned()).isEqualTo(usd("-200.00"));
    }

    @Test
    void yearToDateRetroactive_truesUpEarlierMonths() {
        // Retroactive on YTD amount: up to 100,000 at 5%, above at 8%.
        //   Jan 60,000 YTD -> 5% x 60,000 = 3,000.
        //   Feb 60,000 more, YTD 120,000 -> 8% x 120,000 = 9,600 earned to date, less 3,000 = 6,600.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").measure(sum().yearToDate())
                        .pay(TierTable.retroactive(AMOUNT).upTo("100000", "5").above("8"))).build();
        List<Credit> credits = List.of(deal("d1", "alice", day(1, 5), "60000.00"), deal("d2", "alice", day(2, 5), "60000.00"));
        CalculationResult jan = CommissionEngine.calculate(plan, CompContext.of(ALICE), credits, month(1), CompState.empty());
        CalculationResult feb = CommissionEngine.calculate(plan, CompContext.of(ALICE), credits, month(2), jan.state());
        assertThat(jan.statement("alice").orElseThrow().earned()).isEqualTo(usd("3000.00"));
        Statement s = feb.statement("alice").orElseThrow();
        assertThat(s.earned()).isEqualTo(usd("6600.00"));
        assertThat(s.lines().get(0).formula()).isEqualTo("8% x USD 120,000.00 year to date (tier 2 reached: over USD 100,000.00 "
                + "at USD 120,000.00) less USD 3,000.00 earned earlier this year");
        assertThat(s.ytdEarned()).isEqualTo(usd("9600.00"));
    }

    @Test
    void yearToDateMarginal_continuesFromWhereLastMonthEnded() {
        // Marginal on YTD amount, 10% up to 100,000, 15% above. Jan 80,000 -> 8,000.
        // Feb 40,000: 20,000 still at 10% + 20,000 at 15% = 2,000 + 3,000 = 5,000.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Bookings").measure(sum().yearToDate())
                        .pay(TierTable.marginal(AMOUNT).upTo("100000", "10").above("15"))).build();
        List<Credit> credits = List.of(deal("d1", "alice", day(1, 5), "80000.00"), deal("d2", "alice", day(2, 5), "40000.00"));
        CalculationResult jan = CommissionEngine.calculate(plan, CompContext.of(ALICE), credits, month(1), CompState.empty());
        CalculationResult feb = CommissionEngine.calculate(plan, CompContext.of(ALICE), credits, month(2), jan.state());
        assertThat(feb.statement("alice").orElseThrow().earned()).isEqualTo(usd("5000.00"));
    }

    @Test
    void bonus_5000AtQuota_isPaidFromExactly100Percent() {
        // 99,999.99 is 99.99999% -> 0; 100,000.00 is 100% -> 5,000.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("Quota bonus").measure(attainment())
                        .bonus("USD 5,000.00", TierTable.retroactive(ATTAINMENT).below("100", "0").above("100"))).build();
        assertThat(alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 1), "99999.99")), 3).earned()).isEqualTo(usd("0.00"));
        assertThat(alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 1), "100000.00")), 3).earned()).isEqualTo(usd("5000.00"));
    }

    @Test
    void mbo_paysTargetTimesAttainment_upToTheMaximum() {
        // Target 2,000: 80% -> 1,600; 200% capped at 150% -> 3,000.
        CompPlan plan = CompPlan.builder("AE").currency("USD")
                .component(c -> c.name("MBO").measure(attainment()).mbo("USD 2,000.00", "150")).build();
        assertThat(alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 1), "80000.00")), 3).earned()).isEqualTo(usd("1600.00"));
        assertThat(alice(plan, ALICE_100K, List.of(deal("d1", "alice", day(3, 1), "200000.00")), 3).earned()).isEqualTo(usd("3000.00"));
    }

    @Test
    void foreignCurrencyCredit_isConvertedAtTheRateEffectiveOnItsDate() {
        // EUR 10,000.00 on 10 March; EUR->USD 1.05 from 1 Jan, 1.10 from 1 March -> USD 11,000.00 x 10% = 1,100.
        ExchangeRates fx = ExchangeRates.none().with("EUR", "USD", day(1, 1), "1.05").with("EUR", "USD", day(3, 1), "1.10");
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("10")).build();
        Credit eur = deal("d1", "alice", day(3, 10), "0.00").withAmount(Money.of("10000.00", "EUR"));
        Statement s = alice(plan, CompContext.of(ALICE).withRates(fx), List.of(eur), 3);
        assertThat(s.earned()).isEqualTo(usd("1100.00"));
    }

    @Test
    void foreignCurrencyCredit_withoutARate_isAMissingRateNamingTheCredit_notAnInvalidPlan() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("10")).build();
        Credit eur = deal("d1", "alice", day(3, 10), "0.00").withAmount(Money.of("10000.00", "EUR"));
        assertThatThrownBy(() -> alice(plan, CompContext.of(ALICE), List.of(eur), 3))
                .isInstanceOf(io.salesops.comp.input.MissingRateException.class)
                .isNotInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((io.salesops.core.problem.SalesopsInputException) e).problems())
                        .extracting(io.salesops.core.problem.Problem::path).containsExactly("credits[0].amount"))
                .hasMessageContaining("credits[0].amount: credit d1 is in EUR, which has no exchange rate to USD effective on 2026-03-10");
    }

    @Test
    void roundingAtTotal_versusEachLine() {
        // Two marginal slices of USD 1.01 each at 50%: exact 50.5 cents each.
        //   each line, HALF_EVEN: 50 + 50 = 1.00;  total, HALF_EVEN: round(101) = 1.01, lines 0.51 + 0.50.
        CompPlan eachLine = CompPlan.builder("AE").currency("USD").rounding(RoundingMode.HALF_EVEN)
                .component(c -> c.name("B").pay(TierTable.marginal(AMOUNT).upTo("1.01", "50").above("50"))).build();
        CompPlan total = eachLine.toBuilder().roundingAt(RoundingPoint.TOTAL).build();
        List<Credit> credits = List.of(deal("d1", "alice", day(3, 1), "2.02"));
        assertThat(alice(eachLine, CompContext.of(ALICE), credits, 3).earned()).isEqualTo(usd("1.00"));
        Statement t = alice(total, CompContext.of(ALICE), credits, 3);
        assertThat(t.earned()).isEqualTo(usd("1.01"));
        assertThat(t.lines()).extracting(PayoutLine::amount).containsExactly(usd("0.51"), usd("0.50"));
    }

    @Test
    void midPeriodPlanChange_eachVersionPaysItsOwnDays() {
        // v1 (10%) until 15 March, v2 (12%) from 16 March: 10,000 on 10 March -> 1,000; 10,000 on 20 March -> 1,200.
        CompPlan v1 = CompPlan.builder("AE v1").currency("USD").effective(null, day(3, 15))
                .component(c -> c.name("Bookings").flatRate("10")).build();
        CompPlan v2 = CompPlan.builder("AE v2").currency("USD").effective(day(3, 16), null)
                .component(c -> c.name("Bookings").flatRate("12")).build();
        CalculationResult r = CommissionEngine.calculate(List.of(v1, v2), CompContext.of(ALICE),
                List.of(deal("d1", "alice", day(3, 10), "10000.00"), deal("d2", "alice", day(3, 20), "10000.00")),
                month(3), CompState.empty());
        Statement s = r.statement("alice").orElseThrow();
        assertThat(s.earned()).isEqualTo(usd("2200.00"));
        assertThat(s.payOf("Bookings [AE v1]")).isEqualTo(usd("1000.00"));
        assertThat(s.payOf("Bookings [AE v2]")).isEqualTo(usd("1200.00"));
    }

    @Test
    void overlappingVersions_fromJava_areRefusedAtTheLaterVersion_notCutShort() {
        // v2 starts on 16 March while v1 runs to 20 March: 16-20 March would be paid by whichever won.
        CompPlan v1 = CompPlan.builder("AE v1").currency("USD").effective(null, day(3, 20))
                .component(c -> c.name("Bookings").flatRate("10")).build();
        CompPlan v2 = CompPlan.builder("AE v2").currency("USD").effective(day(3, 16), null)
                .component(c -> c.name("Bookings").flatRate("12")).build();
        assertThatThrownBy(() -> CommissionEngine.calculate(List.of(v1, v2), CompContext.of(ALICE),
                List.of(deal("d1", "alice", day(3, 18), "10000.00")), month(3), CompState.empty()))
                .isInstanceOf(PlanValidationException.class)
                .hasMessageContaining("versions[1].effectiveFrom: version \"AE v2\" (2026-03-16..(open)) overlaps versions[0]")
                .hasMessageContaining("on 2026-03-16..2026-03-20")
                .hasMessageContaining("end versions[0] with effectiveTo 2026-03-15");
    }

    @Test
    void midPeriodPlanChange_proratesTheQuotaByDays() {
        // March has 31 days; v1 covers 1-15 (15 days), v2 16-31 (16 days). Quota 31,000 ->
        // 15,000 for v1 and 16,000 for v2.
        CompPlan v1 = CompPlan.builder("v1").currency("USD").effective(null, day(3, 15))
                .component(c -> c.name("Bookings").measure(attainment()).flatRate("10")).build();
        CompPlan v2 = v1.toBuilder().effective(day(3, 16), null).build();
        CompPlan v2named = CompPlan.builder("v2").currency("USD").effective(day(3, 16), null)
                .component(v2.components().get(0)).build();
        CompContext ctx = CompContext.of(ALICE, monthlyQuotas(ALICE, "31000.00"));
        Statement s = CommissionEngine.calculate(List.of(v1, v2named), ctx, List.of(), month(3), CompState.empty())
                .statement("alice").orElseThrow();
        assertThat(s.components()).extracting(c -> c.quota()).containsExactly(usd("15000.00"), usd("16000.00"));
    }

    @Test
    void recalculatingAPastPeriod_yieldsTheDifferenceAsAdjustments() {
        // March paid on 100,000 at 10% = 10,000. A 5,000 deal was missing: recalculated 10,500, adjustment +500.
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("10")).build();
        List<Credit> first = List.of(deal("d1", "alice", day(3, 1), "100000.00"));
        List<Credit> corrected = List.of(deal("d1", "alice", day(3, 1), "100000.00"), deal("d2", "alice", day(3, 30), "5000.00"));
        CalculationResult paid = CommissionEngine.calculate(plan, CompContext.of(ALICE), first, month(3), CompState.empty());
        CalculationResult again = CommissionEngine.calculate(plan, CompContext.of(ALICE), corrected, month(3), CompState.empty());

        Map<String, List<PayoutLine>> adj = CommissionEngine.adjustments(paid, again);
        assertThat(adj.get("alice")).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(usd("500.00"));
            assertThat(l.formula()).isEqualTo("recalculated component Bookings for 2026-03: USD 10,500.00 less USD 10,000.00 paid = USD 500.00");
        });
    }

    @Test
    void whatIf_oneMoreDealStraddlingQuota_paysBothRates() {
        // At 90,000 of a 100,000 quota (10% / 15% marginal), a 20,000 deal pays
        //   10% x 10,000 + 15% x 10,000 = 1,000 + 1,500 = 2,500; the state is not touched.
        CompPlan plan = tiered(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15"));
        List<Credit> credits = List.of(deal("d1", "alice", day(3, 1), "90000.00"));
        WhatIf w = CommissionEngine.whatIf(plan, ALICE_100K, credits, month(3), CompState.empty(),
                deal("maybe", "alice", day(3, 31), "20000.00"));
        assertThat(w.extraPay()).isEqualTo(usd("2500.00"));
        assertThat(w.effects()).containsExactly(Map.entry("alice", usd("2500.00")));
    }

    @Test
    void teamCredit_givesEveryTeamMemberTheFullAmount() {
        Org org = Org.of(List.of(new Rep("a", null, null, "east", null, null, null),
                new Rep("b", null, null, "east", null, null, null), new Rep("c", null, null, "west", null, null, null)));
        CompPlan plan = CompPlan.builder("Pool").currency("USD")
                .component(c -> c.name("Team").credit(Crediting.all().toTeam()).flatRate("1")).build();
        CalculationResult r = Fixtures.calc(plan, CompContext.of(org), List.of(deal("d1", "a", day(3, 1), "10000.00")), month(3));
        // 1% x 10,000 = 100 to a and to b (both on team east); c is on another team.
        assertThat(r.statements()).extracting(Statement::earned).containsExactly(usd("100.00"), usd("100.00"), usd("0.00"));
    }

    @Test
    void statement_explain_listsEveryLineAndTheTotals() {
        Statement s = alice(tiered(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")), ALICE_100K, SALES_150K, 3);
        assertThat(s.explain()).contains("Bookings: measured USD 150,000.00 against quota USD 100,000.00 = 150.00% attainment")
                .contains("15% x USD 50,000.00 (tier 2: over 100% of quota)")
                .contains("earned USD 17,500.00, net pay USD 17,500.00");
    }

    @Test
    void duplicateCreditIds_areRejectedNamingTheId() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("10")).build();
        assertThatThrownBy(() -> alice(plan, CompContext.of(ALICE), List.of(deal("d1", "alice", day(3, 1), "1.00"),
                deal("d1", "alice", day(3, 2), "2.00")), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credit id d1 appears more than once");
    }

    @Test
    void missingQuota_ofANamedPayee_isAnInputProblemNamingTheRep_notAnInvalidPlan() {
        CompPlan plan = tiered(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15"));
        assertThatThrownBy(() -> alice(plan, CompContext.of(ALICE).withPayees(List.of("alice")), List.of(), 3))
                .isInstanceOf(io.salesops.core.problem.SalesopsInputException.class)
                .isNotInstanceOf(PlanValidationException.class)
                .hasMessageContaining("quotas[alice]: rep alice has no quota for 2026-03, which Bookings needs");
    }

    @Test
    void creditForARepOutsideTheOrg_isAWarningNotAPayment() {
        CompPlan plan = CompPlan.builder("AE").currency("USD").component(c -> c.name("Bookings").flatRate("10")).build();
        CalculationResult r = Fixtures.calc(plan, CompContext.of(ALICE), List.of(deal("d1", "zed", day(3, 1), "1.00")), month(3));
        assertThat(r.warnings()).containsExactly("credit d1: payee zed is not in the org; not credited to Bookings");
        assertThat(r.totalEarned()).isEqualTo(usd("0.00"));
    }

}
