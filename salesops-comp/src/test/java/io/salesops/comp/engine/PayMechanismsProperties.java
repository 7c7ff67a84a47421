package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.CAL;
import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.Fixtures;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.RoundingPoint;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of partial reversals and of periods shared by plan versions, each checkable by eye. */
class PayMechanismsProperties {

    private static final Org ALICE = Fixtures.solo("alice");
    private static final CompContext CTX = CompContext.of(ALICE);

    private static Money cents(long c) {
        return Money.ofMinor(c, "USD");
    }

    private static Credit booked(String id, LocalDate date, long c) {
        return new Credit(id, "alice", date, cents(c), "new", "", "deal", CreditStatus.BOOKED, List.of(), Map.of());
    }

    private static Credit reversed(String id, LocalDate date, long c) {
        return new Credit(id, "alice", date, cents(c), "", "", "deal", CreditStatus.REVERSED, List.of(), Map.of());
    }

    private static long roundHalfEven(BigDecimal v) {
        return v.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Pay for a partial reversal is linear in the reversed amount: a deal of {@code a} cents paid {@code p}
     * cents, reversed by {@code r} cents, claws back {@code p x r / a} rounded once; reversing the rest later
     * claws back exactly what is left, so the deal nets to zero.
     */
    @Property(tries = 200)
    void partialReversalIsLinearInTheReversedAmount(@ForAll @LongRange(min = 1, max = 10_000_000_000L) long a,
                                                    @ForAll @IntRange(min = 0, max = 3000) int rateBasisPoints,
                                                    @ForAll @LongRange(min = 0, max = 1_000_000) long per1e6) {
        long r = BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(per1e6)).divide(BigDecimal.valueOf(1_000_000), 0,
                RoundingMode.DOWN).longValueExact();
        String rate = BigDecimal.valueOf(rateBasisPoints, 2).toPlainString();
        CompPlan plan = CompPlan.builder("Flat").currency("USD").clawback(Clawback.within(365))
                .component(c -> c.name("C").flatRate(rate)).build();
        List<Credit> credits = List.of(booked("b", day(3, 1), a), reversed("r1", day(4, 1), r), reversed("r2", day(5, 1), a - r));
        CalculationResult mar = CommissionEngine.calculate(plan, CTX, credits, month(3), CompState.empty());
        CalculationResult apr = CommissionEngine.calculate(plan, CTX, credits, month(4), mar.state());
        CalculationResult may = CommissionEngine.calculate(plan, CTX, credits, month(5), apr.state());
        long paid = mar.statement("alice").orElseThrow().earned().minorUnits();
        long first = -apr.statement("alice").orElseThrow().earned().minorUnits();
        long rest = -may.statement("alice").orElseThrow().earned().minorUnits();
        assertThat(paid).isEqualTo(roundHalfEven(BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(rateBasisPoints, 4))));
        if (r < a) {
            assertThat(first).isEqualTo(roundHalfEven(BigDecimal.valueOf(paid).multiply(BigDecimal.valueOf(r))
                    .divide(BigDecimal.valueOf(a), java.math.MathContext.DECIMAL128)));
        } else {
            assertThat(first).isEqualTo(paid);
        }
        assertThat(first + rest).isEqualTo(paid); // whatever the first share, the deal nets to zero
    }

    /**
     * A period shared by two plan versions pays the day-weighted blend of their per-period amounts: bonus
     * targets {@code t1, t2} over {@code d1, d2} of {@code D} days pay {@code (t1 d1 + t2 d2) / D} rounded once,
     * and draws {@code w1, w2} top nothing earned up to {@code (w1 d1 + w2 d2) / D}.
     */
    @Property(tries = 200)
    void aMultiVersionPeriodEqualsTheDayWeightedBlend(@ForAll @IntRange(min = 1, max = 364) int d1,
                                                      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long t1,
                                                      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long t2,
                                                      @ForAll @LongRange(min = 1, max = 100_000_000L) long w1,
                                                      @ForAll @LongRange(min = 1, max = 100_000_000L) long w2) {
        Period year = CAL.year(2026);
        LocalDate cut = year.start().plusDays(d1);
        int days = year.days();
        CompPlan v1 = version("v1", t1, w1, year.start(), cut.minusDays(1));
        CompPlan v2 = version("v2", t2, w2, cut, null);
        // One booking of zero keeps the bonus measured; nothing is earned but the bonus.
        List<Credit> credits = List.of(booked("b", day(1, 1), 0));
        Statement s = CommissionEngine.calculate(List.of(v1, v2), CTX, credits, year, CompState.empty())
                .statement("alice").orElseThrow();
        long d2 = days - d1;
        long bonus = roundHalfEven(BigDecimal.valueOf(t1 * d1 + t2 * d2).divide(BigDecimal.valueOf(days), java.math.MathContext.DECIMAL128));
        long draw = roundHalfEven(BigDecimal.valueOf(w1 * d1 + w2 * d2).divide(BigDecimal.valueOf(days), java.math.MathContext.DECIMAL128));
        assertThat(s.earned().minorUnits()).isEqualTo(bonus);
        assertThat(s.netPay().minorUnits()).isEqualTo(Math.max(bonus, draw));
    }

    private static CompPlan version(String name, long target, long draw, LocalDate from, LocalDate to) {
        return CompPlan.builder(name).currency("USD").roundingAt(RoundingPoint.TOTAL).effective(from, to)
                .component(c -> c.name("Bonus").measure(Measure.sum())
                        .bonus("USD " + BigDecimal.valueOf(target, 2).toPlainString(), TierTable.retroactive(TierTable.Basis.AMOUNT).above("100")))
                .recoverableDraw("USD " + BigDecimal.valueOf(draw, 2).toPlainString(), LocalDate.of(2026, 1, 1), null)
                .build();
    }
}
