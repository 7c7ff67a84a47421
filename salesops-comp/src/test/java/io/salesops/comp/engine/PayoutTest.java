package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.monthlyQuotas;
import static io.salesops.comp.Fixtures.reversal;
import static io.salesops.comp.Fixtures.solo;
import static io.salesops.comp.Fixtures.split;
import static io.salesops.comp.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.DealPayment;
import io.salesops.comp.input.DealPayments;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Payout;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.Statement;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commission earned at booking and paid later: on collection (in part at booking) or in instalments. */
class PayoutTest {

    private static CompPlan flat(String rate, Payout payout) {
        return CompPlan.builder("Later").currency("USD").clawback(Clawback.within(365))
                .component(c -> c.name("Commission").flatRate(rate).payout(payout)).build();
    }

    private static DealPayment paid(String deal, int m, int d, String usd) {
        return new DealPayment(deal, day(m, d), usd(usd));
    }

    /** Runs months 1..last, each on the state of the one before; returns each month's statement of {@code payee}. */
    private static List<Statement> months(CompPlan plan, CompContext ctx, List<Credit> credits, int last, String payee) {
        CompState state = CompState.empty();
        List<Statement> out = new ArrayList<>();
        for (int m = 1; m <= last; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, ctx, credits, month(m), state);
            out.add(r.statement(payee).orElseThrow());
            state = r.state();
        }
        return out;
    }

    // Oracle Incentive Compensation's 50/50: a 10,000 order at 10% earns 1,000; 500 is paid on order and 250 as each
    // of two 5,000 invoices is collected.
    @Test
    void halfOnOrder_halfAsInvoicesAreCollected() {
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(
                paid("o1", 2, 10, "5000.00"), paid("o1", 3, 12, "5000.00"))));
        List<Statement> s = months(flat("10", Payout.onCollection("50")), ctx,
                List.of(deal("o1", "rep", day(1, 15), "10000.00")), 3, "rep");
        assertThat(s).extracting(Statement::earned).containsExactly(usd("1000.00"), usd("0.00"), usd("0.00"));
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("500.00"), usd("250.00"), usd("250.00"));
        assertThat(s.get(0).lines(LineKind.HELD)).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(usd("-1000.00"));
            assertThat(l.formula()).contains("50% at booking, the rest on collection");
        });
        assertThat(s.get(1).lines(LineKind.RELEASED).get(0).formula()).isEqualTo("deal o1: USD 5,000.00 of USD 10,000.00"
                + " collected by 2026-02-28: 50% at booking + 50% x 5,000.00 / 10,000.00 of USD 1,000.00 earned ="
                + " USD 750.00 due, less USD 500.00 paid before");
        assertThat(s.get(2).ytdPaid()).isEqualTo(usd("1000.00"));
        assertThat(s).extracting(Statement::held).containsExactly(usd("500.00"), usd("250.00"), usd("0.00"));
        assertThat(s.get(0).explain()).contains("earned USD 1,000.00, net pay USD 500.00, held until due USD 500.00");
    }

    // The tier is set at booking: A and B earn 10%, C crosses the quota and earns 12% on its part above it. C is paid
    // in January when collected; A only in June when its customer pays; B is never collected and stays held.
    @Test
    void theBookingSetsTheRate_andCollectionSetsWhenItIsPaid() {
        Org org = solo("rep");
        CompPlan plan = CompPlan.builder("Two clocks").currency("USD")
                .component(c -> c.name("Commission").measure(Measure.attainment())
                        .pay(TierTable.marginal(TierTable.Basis.ATTAINMENT).upTo("100", "10").above("12"))
                        .payout(Payout.onCollection()))
                .build();
        CompContext ctx = new CompContext(org, monthlyQuotas(org, "100000.00"), io.salesops.comp.input.ExchangeRates.none(),
                List.of()).withPayments(DealPayments.of(List.of(paid("C", 1, 30, "40000.00"), paid("A", 6, 5, "40000.00"))));
        List<Credit> credits = List.of(deal("A", "rep", day(1, 5), "40000.00"), deal("B", "rep", day(1, 6), "40000.00"),
                deal("C", "rep", day(1, 20), "40000.00"));
        List<Statement> s = months(plan, ctx, credits, 6, "rep");
        // 10% x 100,000 + 12% x 20,000 = 12,400 earned; C earned 2,000 + 2,400 = 4,400.
        assertThat(s.get(0).earned()).isEqualTo(usd("12400.00"));
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("4400.00"), usd("0.00"), usd("0.00"),
                usd("0.00"), usd("0.00"), usd("4000.00"));
    }

    // A payment of part of the deal pays that part; more than the deal counts as the deal.
    @Test
    void aPartialPaymentPaysItsShare_andOverpaymentCountsAsTheDeal() {
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(
                paid("i1", 1, 20, "96000.00"), paid("i1", 2, 3, "10000.00"))));
        List<Statement> s = months(flat("10", Payout.onCollection()), ctx,
                List.of(deal("i1", "rep", day(1, 10), "100000.00")), 3, "rep");
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("9600.00"), usd("400.00"), usd("0.00"));
    }

    // Sales Cookie's "only pay commissions when the balance is zero": 96,000 of a 100,000 invoice pays nothing; the
    // last 4,000 pays all 10,000.
    @Test
    void inFull_paysNothingUntilTheWholeDealIsPaid() {
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(
                paid("i1", 2, 9, "96000.00"), paid("i1", 3, 2, "4000.00"))));
        List<Statement> s = months(flat("10", Payout.onCollectionInFull()), ctx,
                List.of(deal("i1", "rep", day(1, 12), "100000.00")), 3, "rep");
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("0.00"), usd("0.00"), usd("10000.00"));
        assertThat(s.get(2).lines(LineKind.RELEASED).get(0).formula()).isEqualTo("deal i1: USD 100,000.00 of USD"
                + " 100,000.00 collected by 2026-03-31, in full: 100,000.00 / 100,000.00 of USD 10,000.00 earned ="
                + " USD 10,000.00 due, less USD 0.00 paid before");
    }

    // 10,000 booked earns 1,000; 4,000 collected pays 400. Reversing the whole deal claws back 1,000 of earnings,
    // 600 of which were never paid: the payee gives back 400. Reversing only the 6,000 not collected takes nothing.
    @Test
    void aReversalAfterPartialCollection_takesBackOnlyWhatWasPaid() {
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(paid("d", 1, 25, "4000.00"))));
        CompPlan plan = flat("10", Payout.onCollection());
        List<Statement> whole = months(plan, ctx, List.of(deal("d", "rep", day(1, 10), "10000.00"),
                reversal("r", "rep", day(2, 5), "10000.00", "d")), 2, "rep");
        assertThat(whole).extracting(Statement::netPay).containsExactly(usd("400.00"), usd("-400.00"));
        assertThat(whole.get(1).earned()).isEqualTo(usd("-1000.00"));
        List<Statement> part = months(plan, ctx, List.of(deal("d", "rep", day(1, 10), "10000.00"),
                reversal("r", "rep", day(2, 5), "6000.00", "d")), 2, "rep");
        assertThat(part).extracting(Statement::netPay).containsExactly(usd("400.00"), usd("0.00"));
        assertThat(part.get(1).earned()).isEqualTo(usd("-600.00"));
    }

    // A deal paid in full leaves the held pay; a later booking on the same deal (an upsell) brings it back with what
    // it was paid, so the earlier payments do not pay for the upsell: 10,000 collected, then 5,000 more booked,
    // which pays only as its own 5,000 comes in.
    @Test
    void aLaterBookingOnADealPaidInFull_waitsForItsOwnCollection() {
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(
                paid("d", 1, 20, "10000.00"), paid("d", 4, 2, "5000.00"))));
        List<Statement> s = months(flat("10", Payout.onCollection()), ctx, List.of(deal("d", "rep", day(1, 10), "10000.00"),
                new Credit("up", "rep", day(2, 10), usd("5000.00"), "new", "", "d", io.salesops.comp.input.CreditStatus.BOOKED,
                        List.of(), java.util.Map.of())), 4, "rep");
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("1000.00"), usd("0.00"), usd("0.00"), usd("500.00"));
    }

    // Sales Cookie's look-back example: a 1,000 deal at 6% pays 60, a third in each of three months.
    @Test
    void instalmentsPayTheScheduleFromThePeriodOfBooking() {
        List<Statement> s = months(flat("6", Payout.instalments("33.33", "33.33", "33.34")), CompContext.of(solo("john")),
                List.of(deal("D1", "john", day(1, 10), "1000.00")), 4, "john");
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("20.00"), usd("20.00"), usd("20.00"), usd("0.00"));
        assertThat(s.get(1).lines(LineKind.RELEASED).get(0).formula()).isEqualTo("deal D1: booked 2026-01-10,"
                + " instalment 2 of 3: 66.66% of USD 60.00 earned = USD 40.00 due, less USD 20.00 paid before");
    }

    // On a split deal each payee's share of the commission is released by the deal's collected share.
    @Test
    void onASplitDealEachPayeeIsReleasedTheCollectedShare() {
        Org org = Org.of(List.of(Rep.of("a", null), Rep.of("b", null)));
        CompContext ctx = CompContext.of(org).withPayments(DealPayments.of(List.of(paid("s", 2, 1, "5000.00"))));
        CompPlan plan = flat("10", Payout.onCollection());
        List<Credit> credits = List.of(split("s", "a", day(1, 10), "10000.00", Split.of("a", "60"), Split.of("b", "40")));
        assertThat(months(plan, ctx, credits, 2, "a")).extracting(Statement::netPay)
                .containsExactly(usd("0.00"), usd("300.00"));
        assertThat(months(plan, ctx, credits, 2, "b")).extracting(Statement::netPay)
                .containsExactly(usd("0.00"), usd("200.00"));
    }

    // Held pay crosses the fiscal year: booked in December, paid in January, where it counts as paid in the new year
    // (earned stays in the old one).
    @Test
    void heldPayCrossesTheYear() {
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(
                new DealPayment("d", java.time.LocalDate.of(2027, 1, 15), usd("10000.00")))));
        CompPlan plan = flat("10", Payout.onCollection());
        List<Credit> credits = List.of(deal("d", "rep", day(12, 10), "10000.00"));
        CalculationResult dec = CommissionEngine.calculate(plan, ctx, credits, month(12), CompState.empty());
        CalculationResult jan = CommissionEngine.calculate(plan, ctx, credits, io.salesops.comp.Fixtures.CAL.month(2027, 1),
                dec.state());
        assertThat(dec.statement("rep").orElseThrow().netPay()).isEqualTo(usd("0.00"));
        Statement s = jan.statement("rep").orElseThrow();
        assertThat(s.netPay()).isEqualTo(usd("1000.00"));
        assertThat(s.ytdEarned()).isEqualTo(usd("0.00"));
        assertThat(s.ytdPaid()).isEqualTo(usd("1000.00"));
        assertThat(jan.state().payee("rep").orElseThrow().held()).isEmpty();
    }

    // Two plan versions share January (10% to the 15th, 12% after): each deal keeps its version's rate and is
    // released by its own collection.
    @Test
    void versionsSharingThePeriod_eachDealKeepsItsVersionsRate() {
        CompPlan v1 = CompPlan.builder("v1").currency("USD").effective(day(1, 1), day(1, 15))
                .component(c -> c.name("Commission").flatRate("10").payout(Payout.onCollection())).build();
        CompPlan v2 = CompPlan.builder("v2").currency("USD").effective(day(1, 16), null)
                .component(c -> c.name("Commission").flatRate("12").payout(Payout.onCollection())).build();
        CompContext ctx = CompContext.of(solo("rep")).withPayments(DealPayments.of(List.of(
                paid("a", 2, 3, "10000.00"), paid("b", 3, 3, "5000.00"))));
        List<Credit> credits = List.of(deal("a", "rep", day(1, 10), "10000.00"), deal("b", "rep", day(1, 20), "10000.00"));
        CompState state = CompState.empty();
        List<Statement> s = new ArrayList<>();
        for (int m = 1; m <= 3; m++) {
            CalculationResult r = CommissionEngine.calculate(List.of(v1, v2), ctx, credits, month(m), state);
            s.add(r.statement("rep").orElseThrow());
            state = r.state();
        }
        assertThat(s.get(0).earned()).isEqualTo(usd("2200.00"));
        assertThat(s).extracting(Statement::netPay).containsExactly(usd("0.00"), usd("1000.00"), usd("600.00"));
    }

    @Test
    void whatTheEngineCannotHonourWithAPayout_isAProblemAtItsPath() {
        assertThatThrownBy(() -> CompPlan.builder("P").currency("USD").recoverableDraw("USD 1000.00", day(1, 1), null)
                .component(c -> c.name("C").flatRate("10").payout(Payout.onCollection())).build())
                .isInstanceOf(PlanValidationException.class).hasMessageContaining("draw: a draw is settled against");
        assertThatThrownBy(() -> CompPlan.builder("P").currency("USD")
                .component(c -> c.name("C").mbo("USD 1000.00", null).payout(Payout.onCollection())).build())
                .isInstanceOf(PlanValidationException.class).hasMessageContaining("components[0].payout");
        assertThatThrownBy(() -> Payout.instalments("50", "25", "20"))
                .hasMessage("instalments 50% + 25% + 20% sum to 95%; they must sum to exactly 100%");
        assertThatThrownBy(() -> Payout.onCollection("100")).hasMessageContaining("outside 0% to under 100%");
    }

    // A plan that pays as it earns keeps no held pay in its state.
    @Test
    void aPlanWithoutPayoutHoldsNothing() {
        CalculationResult r = CommissionEngine.calculate(flat("10", null), CompContext.of(solo("rep")),
                List.of(deal("d", "rep", day(1, 10), "1000.00")), month(1), CompState.empty());
        assertThat(r.state().payee("rep").orElseThrow().held()).isEmpty();
        assertThat(r.statement("rep").orElseThrow().lines(LineKind.HELD)).isEmpty();
    }
}
