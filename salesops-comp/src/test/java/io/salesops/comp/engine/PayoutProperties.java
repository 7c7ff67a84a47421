package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.file.LedgerEntry;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.DealPayment;
import io.salesops.comp.input.DealPayments;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Payout;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Commission paid later telescopes: each period pays the change in what is due, so over the periods a deal pays
 * what it earned once it is due in full, and never more. The state is carried through the ledger's JSON, as
 * {@code --state} carries it.
 */
class PayoutProperties {

    private static final Org ORG = Org.of(List.of(Rep.of("rep", null)));

    private static CompPlan plan(boolean tiered, Payout payout) {
        return CompPlan.builder("Later").currency("USD").clawback(Clawback.within(365))
                .component(c -> {
                    c.name("Commission").payout(payout);
                    if (tiered) {
                        c.pay(TierTable.marginal(TierTable.Basis.AMOUNT).upTo("30000", "5").above("9"));
                    } else {
                        c.flatRate("7.5");
                    }
                })
                .build();
    }

    private static Credit booking(String deal, int m, int d, long cents) {
        return new Credit(deal, "rep", day(m, d), Money.ofMinor(cents, "USD"), "new", "", deal, CreditStatus.BOOKED,
                List.of(), Map.of());
    }

    private static Credit reversal(String deal, int m, long cents) {
        return new Credit("r-" + deal, "rep", day(m, 20), Money.ofMinor(cents, "USD"), "new", "", deal,
                CreditStatus.REVERSED, List.of(), Map.of());
    }

    private static DealPayment payment(String deal, int m, long cents) {
        return new DealPayment(deal, day(m, 15), Money.ofMinor(cents, "USD"));
    }

    /** Each month's statement, the state passing through the ledger entry's bytes between months. */
    private static List<Statement> run(CompPlan plan, List<Credit> credits, List<DealPayment> payments, int months) {
        CompContext ctx = CompContext.of(ORG).withPayments(DealPayments.of(payments));
        List<Statement> out = new ArrayList<>();
        LedgerEntry entry = null;
        CompState state = CompState.empty();
        for (int m = 1; m <= months; m++) {
            CalculationResult r = CommissionEngine.calculate(plan, ctx, credits, month(m), state);
            out.add(r.statement("rep").orElseThrow());
            entry = LedgerEntry.of(month(m), r.state(), entry, List.of());
            state = LedgerEntry.parse(entry.toBytes(), "state").state();
        }
        return out;
    }

    private static long[] cumulative(List<Statement> s, boolean net) {
        long[] c = new long[s.size()];
        long sum = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += (net ? s.get(i).netPay() : s.get(i).earned()).minorUnits();
            c[i] = sum;
        }
        return c;
    }

    /**
     * Deals booked in months 1-3, each collected in up to three payments over the months after: month by month
     * the payee is never paid more than earned, nor less than nothing, and once every deal is collected the
     * payee has been paid exactly what was earned.
     */
    @Property(tries = 60)
    void onCollection_paidNeverExceedsEarned_andEqualsItOnceAllIsCollected(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 5_000_000) Integer> amounts,
            @ForAll @Size(value = 5) List<@IntRange(min = 1, max = 3) Integer> booked,
            @ForAll @Size(value = 10) List<@IntRange(min = 0, max = 100) Integer> cuts,
            @ForAll @Size(value = 15) List<@IntRange(min = 0, max = 3) Integer> delays,
            @ForAll @IntRange(min = 0, max = 99) int atBooking, @ForAll boolean tiered, @ForAll boolean inFull) {
        List<Credit> credits = new ArrayList<>();
        List<DealPayment> payments = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            long cents = amounts.get(i) * 10L;
            int m = booked.get(i);
            credits.add(booking("d" + i, m, 5 + i, cents));
            int a = Math.min(cuts.get(2 * i), cuts.get(2 * i + 1));
            int b = Math.max(cuts.get(2 * i), cuts.get(2 * i + 1));
            long first = cents * a / 100;
            long second = cents * b / 100 - first;
            payments.add(payment("d" + i, m + delays.get(3 * i), first));
            payments.add(payment("d" + i, m + delays.get(3 * i + 1), second));
            payments.add(payment("d" + i, m + delays.get(3 * i + 2), cents - first - second));
        }
        Payout payout = new Payout(inFull ? Payout.Kind.ON_COLLECTION_IN_FULL : Payout.Kind.ON_COLLECTION,
                Percent.of(atBooking), List.of());
        List<Statement> s = run(plan(tiered, payout), credits, payments, 7);
        long[] paid = cumulative(s, true);
        long[] earned = cumulative(s, false);
        for (int i = 0; i < s.size(); i++) {
            assertThat(paid[i]).as("paid to month %d", i + 1).isBetween(0L, earned[i]);
        }
        assertThat(paid[6]).isEqualTo(earned[6]);
    }

    /**
     * A deal collected in part and then reversed in full: the reversal takes back exactly what was paid, not what
     * was earned, and over the months the payee keeps nothing. Reversing part of it never takes back more than was
     * paid, and once the rest is collected the payee has been paid what the deal still earns.
     */
    @Property(tries = 60)
    void aReversalAfterPartialCollection_takesBackOnlyWhatWasPaid(
            @ForAll @IntRange(min = 100, max = 5_000_000) int amount, @ForAll @IntRange(min = 0, max = 100) int collectedPct,
            @ForAll @IntRange(min = 1, max = 100) int reversedPct, @ForAll @IntRange(min = 0, max = 99) int atBooking) {
        long cents = amount * 10L;
        long collected = cents * collectedPct / 100;
        long reversed = Math.max(1, cents * reversedPct / 100);
        CompPlan plan = plan(false, Payout.onCollection(Integer.toString(atBooking)));
        List<DealPayment> payments = new ArrayList<>(List.of(payment("d", 1, collected)));
        List<Statement> s = run(plan, List.of(booking("d", 1, 5, cents), reversal("d", 2, reversed)), payments, 2);
        long paidBefore = s.get(0).netPay().minorUnits();
        long takenBack = -s.get(1).netPay().minorUnits();
        assertThat(takenBack).isLessThanOrEqualTo(paidBefore);
        if (reversed == cents) {
            assertThat(takenBack).isEqualTo(paidBefore);
            assertThat(s.get(0).earned().minorUnits() + s.get(1).earned().minorUnits()).isZero();
        }
        // The customer then pays what is left of the deal: everything the deal still earns is paid.
        payments.add(payment("d", 3, Math.max(0, cents - reversed - collected)));
        List<Statement> all = run(plan, List.of(booking("d", 1, 5, cents), reversal("d", 2, reversed)), payments, 3);
        assertThat(cumulative(all, true)[2]).isEqualTo(cumulative(all, false)[2]);
    }

    /**
     * Instalments: each month pays {@code round(earned x shares to date) - round(earned x shares before)}, never more
     * in all than earned, and all of it once the schedule ends.
     */
    @Property(tries = 60)
    void instalments_payTheScheduleToTheCent_andAllOfItAtTheEnd(
            @ForAll @Size(min = 0, max = 5) List<@IntRange(min = 0, max = 200_000) Integer> parts,
            @ForAll @IntRange(min = 1, max = 5_000_000) int amount, @ForAll boolean tiered) {
        List<Percent> shares = io.salesops.comp.Fixtures.sharesTo100(parts);
        Payout payout = new Payout(Payout.Kind.INSTALMENTS, Percent.ZERO, shares);
        List<Statement> s = run(plan(tiered, payout), List.of(booking("d", 2, 10, amount * 10L)), List.of(), 9);
        long earned = s.get(1).earned().minorUnits();
        BigDecimal cum = BigDecimal.ZERO;
        long dueBefore = 0;
        assertThat(s.get(0).netPay().isZero()).isTrue();
        for (int k = 0; k < 7; k++) {
            cum = cum.add(k < shares.size() ? shares.get(k).value() : BigDecimal.ZERO);
            long due = BigDecimal.valueOf(earned).multiply(cum).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN)
                    .longValueExact();
            assertThat(s.get(k + 1).netPay().minorUnits()).as("instalment %d", k + 1).isEqualTo(due - dueBefore);
            dueBefore = due;
        }
        assertThat(cumulative(s, true)[8]).isEqualTo(earned);
    }
}
