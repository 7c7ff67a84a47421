package io.salesops.comp.engine;

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
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A year-to-date true-up ("the rate reached on everything booked this year, less what earlier periods paid")
 * with reversals that reduce attainment pays, over the year, exactly the rate reached on the net bookings
 * times the net bookings: a reversal is clawed back once, never again by a later true-up.
 */
class YearToDateReversalProperties {

    private static final Org ALICE = Fixtures.solo("alice");

    private static Credit booked(String id, LocalDate date, long cents) {
        return new Credit(id, "alice", date, Money.ofMinor(cents, "USD"), "new", "", id, CreditStatus.BOOKED, List.of(), Map.of());
    }

    private static Credit reversed(String id, LocalDate date, long cents, String deal) {
        return new Credit(id, "alice", date, Money.ofMinor(cents, "USD"), "", "", deal, CreditStatus.REVERSED, List.of(), Map.of());
    }

    /**
     * Deals booked in January to April ({@code a1..a4} cents), part of the first ({@code r} of {@code a1}) reversed
     * in month {@code m}, a quiet May: January to May pay {@code round(rate x (a1 + ... + a4 - r))}, the rate being
     * 5% up to 100% of the year-to-date quota and 7% above, at the net bookings' attainment.
     */
    @Property(tries = 200)
    void theYearPaysTheRateReachedOnNetBookings(@ForAll @LongRange(min = 1, max = 50_000_000L) long a1,
                                                @ForAll @LongRange(min = 0, max = 50_000_000L) long a2,
                                                @ForAll @LongRange(min = 0, max = 50_000_000L) long a3,
                                                @ForAll @LongRange(min = 0, max = 50_000_000L) long a4,
                                                @ForAll @LongRange(min = 0, max = 1_000_000) long rPer1e6,
                                                @ForAll @IntRange(min = 1, max = 4) int m,
                                                @ForAll @LongRange(min = 100, max = 20_000_000L) long monthlyQuota) {
        long r = BigDecimal.valueOf(a1).multiply(BigDecimal.valueOf(rPer1e6)).divide(BigDecimal.valueOf(1_000_000), 0,
                RoundingMode.DOWN).longValueExact();
        CompPlan plan = CompPlan.builder("AE").currency("USD").clawback(Clawback.within(365))
                .component(c -> c.name("Bookings").measure(Measure.attainment().yearToDate())
                        .pay(TierTable.retroactive(TierTable.Basis.ATTAINMENT).upTo("100", "5").above("7")))
                .build();
        CompContext ctx = CompContext.of(ALICE, Fixtures.monthlyQuotas(ALICE, BigDecimal.valueOf(monthlyQuota, 2).toPlainString()));
        List<Credit> credits = new ArrayList<>(List.of(booked("d1", day(1, 10), a1), booked("d2", day(2, 10), a2),
                booked("d3", day(3, 10), a3), booked("d4", day(4, 10), a4)));
        credits.add(reversed("r1", day(m, 20), r, "d1"));
        CompState state = CompState.empty();
        long paid = 0;
        for (int month = 1; month <= 5; month++) {
            CalculationResult res = CommissionEngine.calculate(plan, ctx, credits, month(month), state);
            paid += res.statement("alice").orElseThrow().earned().minorUnits();
            state = res.state();
        }
        long net = a1 + a2 + a3 + a4 - r;
        boolean over = BigDecimal.valueOf(net).compareTo(BigDecimal.valueOf(5 * monthlyQuota)) > 0;
        long expected = BigDecimal.valueOf(net).multiply(new BigDecimal(over ? "0.07" : "0.05"))
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        assertThat(paid).isEqualTo(expected);
    }
}
