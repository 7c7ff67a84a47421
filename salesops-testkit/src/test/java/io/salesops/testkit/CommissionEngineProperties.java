package io.salesops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the commission engine, each stated so a reader can check it by eye, on the test kit's own
 * arbitraries and fixtures: they live here, in the test kit's tests, because the comp module's tests cannot depend
 * on the test kit (which depends on comp) without a reactor cycle.
 */
class CommissionEngineProperties {

    private static final Org ALICE = Org.of(List.of(Rep.of("alice", null)));
    private static final CompContext CTX = CompContext.of(ALICE);

    private static Period month(int m) {
        return SmallOrg.CALENDAR.month(2026, m);
    }

    private static LocalDate day(int m, int d) {
        return LocalDate.of(2026, m, d);
    }

    private static Credit deal(String id, String rep, LocalDate date, long cents) {
        return SmallOrg.deal(id, rep, date, "0.00").withAmount(Money.ofMinor(cents, "USD"));
    }

    /** The same monthly quota for every rep for every month of 2026. */
    private static Quotas monthlyQuotas(Org org, String usd) {
        List<Quota> qs = new ArrayList<>();
        for (Rep r : org.reps()) {
            for (int m = 1; m <= 12; m++) {
                qs.add(new Quota(r.id(), month(m), Money.of(usd, "USD")));
            }
        }
        return Quotas.of(qs);
    }

    /** A tier table on amount: bounds in whole dollars, increasing; commission rates 0-99.99%. */
    @Provide
    Arbitrary<TierTable> marginalTables() {
        return SalesArbitraries.tierTables(TierTable.Mode.MARGINAL, false);
    }

    @Provide
    Arbitrary<TierTable> retroactiveTables() {
        return SalesArbitraries.tierTables(TierTable.Mode.RETROACTIVE, false);
    }

    @Provide
    Arbitrary<TierTable> risingRetroactiveTables() {
        return SalesArbitraries.tierTables(TierTable.Mode.RETROACTIVE, true);
    }

    private static CompPlan plan(TierTable table) {
        return CompPlan.builder("P").currency("USD").component(c -> c.name("B").pay(table)).build();
    }

    private static long pay(CompPlan plan, long cents) {
        return CommissionEngine.calculate(plan, CTX, List.of(deal("d", "alice", day(3, 1), cents)), month(3),
                CompState.empty()).statement("alice").orElseThrow().earned().minorUnits();
    }

    /**
     * With non-negative rates, pay never falls as the measure rises: for any marginal table, and for any
     * retroactive table whose rates do not fall from tier to tier.
     */
    @Property(tries = 100)
    void payNeverFallsAsTheMeasureRises(@ForAll("marginalTables") TierTable marginal,
                                        @ForAll("risingRetroactiveTables") TierTable retro,
                                        @ForAll @LongRange(min = 0, max = 30_000_000L) long cents,
                                        @ForAll @LongRange(min = 1, max = 5_000_000L) long more) {
        assertThat(pay(plan(marginal), cents + more)).isGreaterThanOrEqualTo(pay(plan(marginal), cents));
        assertThat(pay(plan(retro), cents + more)).isGreaterThanOrEqualTo(pay(plan(retro), cents));
    }

    /** A marginal table is continuous: one cent more or less at any boundary changes pay by at most one cent. */
    @Property(tries = 100)
    void marginalTableIsContinuousAtEveryBoundary(@ForAll("marginalTables") TierTable table) {
        CompPlan plan = plan(table);
        for (Tier t : table.tiers()) {
            if (t.upTo() == null) {
                continue;
            }
            long b = t.upTo().movePointRight(2).longValueExact();
            long at = pay(plan, b);
            assertThat(Math.abs(pay(plan, b + 1) - at)).isLessThanOrEqualTo(1);
            assertThat(Math.abs(at - pay(plan, b - 1))).isLessThanOrEqualTo(1);
        }
    }

    /**
     * A retroactive table jumps only where the plan puts a boundary: between m and m + 1 cent pay changes by
     * more than one cent only if a tier ends exactly there (inclusively at m, or exclusively at m + 1 cent).
     */
    @Property(tries = 200)
    void retroactiveTableJumpsOnlyAtBoundaries(@ForAll("retroactiveTables") TierTable table,
                                               @ForAll @LongRange(min = 0, max = 25_000_000L) long m,
                                               @ForAll boolean onABoundary) {
        CompPlan plan = plan(table);
        List<Tier> closed = table.tiers().stream().filter(t -> t.upTo() != null).toList();
        if (onABoundary && !closed.isEmpty()) {
            Tier t = closed.get((int) (m % closed.size()));
            long b = t.upTo().movePointRight(2).longValueExact();
            m = t.upToInclusive() ? b : b - 1;
        }
        long jump = Math.abs(pay(plan, m + 1) - pay(plan, m));
        boolean boundaryHere = false;
        for (Tier t : closed) {
            long b = t.upTo().movePointRight(2).longValueExact();
            if ((t.upToInclusive() && b == m) || (!t.upToInclusive() && b == m + 1)) {
                boundaryHere = true;
            }
        }
        if (!boundaryHere) {
            assertThat(jump).isLessThanOrEqualTo(1);
        }
    }

    @Provide
    Arbitrary<List<Long>> dealCents() {
        return Arbitraries.longs().between(0, 5_000_000L).list().ofMinSize(1).ofMaxSize(12);
    }

    private static List<Credit> deals(List<Long> cents, int month) {
        List<Credit> out = new ArrayList<>();
        for (int i = 0; i < cents.size(); i++) {
            out.add(deal("m" + month + "-" + i, "alice", day(month, 1 + i % 28), cents.get(i)));
        }
        return out;
    }

    /** No cap is ever exceeded: per deal (over all months), per period, and per year. */
    @Property(tries = 100)
    void noCapIsEverExceeded(@ForAll("dealCents") List<Long> jan, @ForAll("dealCents") List<Long> feb,
                             @ForAll @IntRange(min = 0, max = 3000) int ratePct100,
                             @ForAll @LongRange(min = 0, max = 500_000L) long perDeal,
                             @ForAll @LongRange(min = 0, max = 2_000_000L) long perPeriod,
                             @ForAll @LongRange(min = 0, max = 3_000_000L) long perYear) {
        Money d = Money.ofMinor(perDeal, "USD");
        Money p = Money.ofMinor(perPeriod, "USD");
        Money y = Money.ofMinor(perYear, "USD");
        CompPlan plan = CompPlan.builder("P").currency("USD").component(c -> c.name("B")
                .flatRate(BigDecimal.valueOf(ratePct100, 2).toPlainString())
                .cap(new Cap(Cap.Scope.PER_DEAL, d)).cap(new Cap(Cap.Scope.PER_PERIOD, p)).cap(new Cap(Cap.Scope.PER_YEAR, y))).build();
        List<Credit> credits = new ArrayList<>(deals(jan, 1));
        credits.addAll(deals(feb, 2));
        CompState state = CompState.empty();
        for (int m = 1; m <= 2; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, CTX, credits, month(m), state);
            state = r.state();
            assertThat(r.statement("alice").orElseThrow().earned().minorUnits()).isLessThanOrEqualTo(perPeriod);
        }
        PayeeState s = state.payee("alice").orElseThrow();
        assertThat(s.ytdEarned().minorUnits()).isLessThanOrEqualTo(perYear);
        for (DealPay dp : s.history().all()) {
            assertThat(dp.payMinor()).isLessThanOrEqualTo(perDeal);
        }
    }

    /**
     * A gate opens exactly at its threshold: with an inclusive gate at t% of a 100,000.00 quota, sales of
     * exactly t% pay and one cent less pays nothing; an exclusive gate pays from one cent above.
     */
    @Property(tries = 100)
    void gatesOpenExactlyAtTheirThreshold(@ForAll @IntRange(min = 1, max = 20_000) int thresholdPct100,
                                          @ForAll boolean inclusive) {
        BigDecimal t = BigDecimal.valueOf(thresholdPct100, 2);
        CompPlan plan = CompPlan.builder("P").currency("USD").component(c -> c.name("B").flatRate("10")
                .gate(new Gate(null, Gate.Basis.ATTAINMENT, t, inclusive))).build();
        CompContext ctx = CompContext.of(ALICE, monthlyQuotas(ALICE, "100000.00"));
        long at = 100_000_00L * thresholdPct100 / 10_000;
        java.util.function.LongUnaryOperator payAt = cents -> CommissionEngine.calculate(plan, ctx,
                List.of(deal("d", "alice", day(3, 1), cents)), month(3), CompState.empty())
                .statement("alice").orElseThrow().earned().minorUnits();
        assertThat(payAt.applyAsLong(at - 1)).isZero();
        if (inclusive) {
            assertThat(payAt.applyAsLong(at)).isPositive();
        } else {
            assertThat(payAt.applyAsLong(at)).isZero();
            assertThat(payAt.applyAsLong(at + 1)).isPositive();
        }
    }

    /** Deals for a small team: splits between reps, a manager override, marginal tiers on attainment. */
    private static CompPlan teamPlan() {
        return CompPlan.builder("Team").currency("USD").clawback(Clawback.within(365))
                .component(c -> c.name("Own").measure(Measure.attainment())
                        .pay(TierTable.marginal(TierTable.Basis.ATTAINMENT).upTo("50", "4").upTo("100", "8").above("13.5"))
                        .accelerate("120", "1.25").cap(Cap.perDeal("USD 9,000.00")))
                .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("1.5"))
                .component(c -> c.name("YTD bonus").measure(Measure.attainment().yearToDate())
                        .pay(TierTable.retroactive(TierTable.Basis.ATTAINMENT).upTo("100", "1").above("2")))
                .build();
    }

    private static List<Credit> teamDeals(long seed, int perMonth, int months) {
        Random rnd = new Random(seed);
        String[] reps = {"a", "b", "c"};
        List<Credit> out = new ArrayList<>();
        for (int m = 1; m <= months; m++) {
            for (int i = 0; i < perMonth; i++) {
                String owner = reps[rnd.nextInt(3)];
                Money amt = Money.ofMinor(rnd.nextInt(4_000_000), "USD");
                List<Split> splits = List.of();
                if (rnd.nextInt(4) == 0) {
                    String other = reps[(java.util.Arrays.asList(reps).indexOf(owner) + 1) % 3];
                    int share = 1 + rnd.nextInt(99);
                    splits = List.of(Split.of(owner, String.valueOf(share)), Split.of(other, String.valueOf(100 - share)));
                }
                out.add(new Credit("m" + m + "-" + i, owner, day(m, 1 + rnd.nextInt(28)), amt, "new", "", "deal-m" + m + "-" + i,
                        CreditStatus.BOOKED, splits, Map.of()));
            }
        }
        return out;
    }

    private static CompContext teamContext() {
        Org org = Org.of(List.of(Rep.of("mgr", null), Rep.of("a", "mgr"), Rep.of("b", "mgr"), Rep.of("c", "mgr")));
        return CompContext.of(org, monthlyQuotas(org, "60000.00"));
    }

    /** A clawback of a deal nets the deal's pay to exactly zero for every payee it paid. */
    @Property(tries = 60)
    void clawbackOfADealNetsItsPayToExactlyZero(@ForAll long seed, @ForAll @IntRange(min = 0, max = 7) int which,
                                                @ForAll @IntRange(min = 1, max = 3) int reversalMonth) {
        List<Credit> credits = new ArrayList<>(teamDeals(seed, 8, 3));
        Credit victim = credits.get(which);
        credits.add(new Credit("rev", victim.payeeId(), day(reversalMonth, 28), victim.amount(), "", "", victim.dealId(),
                CreditStatus.CANCELLED, List.of(), Map.of()));
        CompState state = CompState.empty();
        for (int m = 1; m <= 3; m++) {
            state = CommissionEngine.calculate(teamPlan(), teamContext(), credits, month(m), state).state();
        }
        for (PayeeState ps : state.payees().values()) {
            long net = ps.history().forDeal(victim.dealId()).stream().mapToLong(DealPay::payMinor).sum();
            assertThat(net).as("net pay of %s for %s", ps.payeeId(), victim.dealId()).isZero();
        }
    }

    /** Without draws, the sum of period payouts equals the year-to-date earned, reversals included. */
    @Property(tries = 40)
    void sumOfPeriodPayoutsEqualsYearToDateEarned(@ForAll long seed, @ForAll @IntRange(min = 0, max = 5) int which) {
        List<Credit> credits = new ArrayList<>(teamDeals(seed, 6, 4));
        Credit victim = credits.get(which);
        credits.add(new Credit("rev", victim.payeeId(), day(3, 2), victim.amount(), "", "", victim.dealId(),
                CreditStatus.REVERSED, List.of(), Map.of()));
        CompState state = CompState.empty();
        Map<String, Long> paid = new java.util.HashMap<>();
        for (int m = 1; m <= 4; m++) {
            CalculationResult r = CommissionEngine.calculate(teamPlan(), teamContext(), credits, month(m), state);
            for (Statement s : r.statements()) {
                paid.merge(s.payeeId(), s.netPay().minorUnits(), Long::sum);
            }
            state = r.state();
        }
        for (PayeeState ps : state.payees().values()) {
            assertThat(paid.get(ps.payeeId())).isEqualTo(ps.ytdEarned().minorUnits()).isEqualTo(ps.ytdPaid().minorUnits());
        }
    }

    /**
     * A draw balance is never negative, and while a guarantee is active net pay never falls below it, whatever
     * the monthly earnings.
     */
    @Property(tries = 100)
    void drawBalanceIsNeverNegative_andNetPayNeverFallsBelowAnActiveGuarantee(
            @ForAll("sixMonths") List<Long> monthlySales, @ForAll @LongRange(min = 0, max = 500_000L) long draw,
            @ForAll @LongRange(min = 0, max = 500_000L) long guarantee, @ForAll boolean recoverable) {
        CompPlan.Builder b = CompPlan.builder("Ramp").currency("USD").component(c -> c.name("B").flatRate("10"))
                .guarantee(Money.ofMinor(guarantee, "USD").toString(), day(1, 1), day(3, 31));
        b = recoverable ? b.recoverableDraw(Money.ofMinor(draw, "USD").toString(), day(1, 1), day(4, 30))
                : b.nonRecoverableDraw(Money.ofMinor(draw, "USD").toString(), day(1, 1), day(4, 30));
        CompPlan plan = b.build();
        List<Credit> credits = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            credits.add(deal("d" + m, "alice", day(m, 3), monthlySales.get(m - 1)));
        }
        CompState state = CompState.empty();
        for (int m = 1; m <= 6; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, CTX, credits, month(m), state);
            Statement s = r.statement("alice").orElseThrow();
            assertThat(s.drawBalance().minorUnits()).isNotNegative();
            if (m <= 3) {
                assertThat(s.netPay().minorUnits()).isGreaterThanOrEqualTo(guarantee);
            }
            if (!recoverable) {
                assertThat(s.drawBalance().minorUnits()).isZero();
            }
            state = r.state();
        }
    }

    @Provide
    Arbitrary<List<Long>> sixMonths() {
        return Arbitraries.longs().between(0, 8_000_000L).list().ofSize(6);
    }

    /** Crediting is independent of the order of transactions, and of the number of threads. */
    @Property(tries = 30)
    void creditingIsIndependentOfTheOrderOfTransactions(@ForAll long seed) {
        List<Credit> credits = new ArrayList<>(teamDeals(seed, 10, 1));
        CalculationResult inOrder = CommissionEngine.withParallelism(1).run(teamPlan(), teamContext(), credits, month(1), CompState.empty());
        Collections.shuffle(credits, new Random(seed + 1));
        CalculationResult shuffled = CommissionEngine.withParallelism(3).run(teamPlan(), teamContext(), credits, month(1), CompState.empty());
        assertThat(shuffled.statements()).isEqualTo(inOrder.statements());
        assertThat(shuffled.state()).isEqualTo(inOrder.state());
    }

    /** Every statement's totals equal the sum of its lines (the Statement constructor refuses otherwise). */
    @Property(tries = 30)
    void statementTotalsEqualTheSumOfTheirLines(@ForAll long seed) {
        CalculationResult r = CommissionEngine.calculate(teamPlan(), teamContext(), teamDeals(seed, 10, 1), month(1), CompState.empty());
        for (Statement s : r.statements()) {
            long sum = s.lines().stream().mapToLong(l -> l.amount().minorUnits()).sum();
            assertThat(s.netPay().minorUnits()).isEqualTo(sum);
            assertThat(s.lines()).allSatisfy(l -> assertThat(l.formula()).isNotBlank());
        }
    }

}
