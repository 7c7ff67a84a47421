package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.CAL;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.Fixtures;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A period shared by two plan versions equals the day-weighted blend of them: draws (whatever each version's
 * kind and timing), guarantees, caps (per period, per year, on a component or the plan total) and component
 * floors are each version's amount for its share of the days, never the last version's; a component's
 * per-period cap and floor bind the period's total of the component. Each property states the blend in
 * figures a reader can check by eye.
 */
class VersionBlendProperties {

    private static final CompContext CTX = CompContext.of(Fixtures.solo("alice"));
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    private static String usd(long cents) {
        return "USD " + BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static Credit booked(String id, LocalDate date, long cents) {
        return new Credit(id, "alice", date, Money.ofMinor(cents, "USD"), "new", "", id, CreditStatus.BOOKED, List.of(), Map.of());
    }

    /** {@code (a x da + b x db) / days}, rounded half-even once. */
    private static long blend(long a, long da, long b, long db, long days) {
        return BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(da)).add(BigDecimal.valueOf(b).multiply(BigDecimal.valueOf(db)))
                .divide(BigDecimal.valueOf(days), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /**
     * Draws {@code w1, w2} over {@code d1, d2} days of the year make one draw of {@code D = (w1 d1 + w2 d2) / 365}:
     * whatever each version's timing, the period pays {@code max(earned, D)} in all (the advance included), the
     * advance paid is the blend of the in-advance versions' draws, and the balance carried is the whole shortfall
     * {@code D - earned} when both draws are recoverable, nothing when neither is, and part of it otherwise.
     */
    @Property(tries = 300)
    void drawsOfAnyKindAndTiming_payTheBlendedDraw(@ForAll @IntRange(min = 1, max = 364) int d1,
                                                   @ForAll @LongRange(min = 1, max = 100_000_000L) long w1,
                                                   @ForAll @LongRange(min = 1, max = 100_000_000L) long w2,
                                                   @ForAll Draw.Kind kind1, @ForAll Draw.Kind kind2,
                                                   @ForAll Draw.Timing timing1, @ForAll Draw.Timing timing2,
                                                   @ForAll @LongRange(min = 0, max = 20_000_000L) long earned) {
        Period year = CAL.year(2026);
        int d2 = year.days() - d1;
        LocalDate cut = JAN_1.plusDays(d1);
        CompPlan v1 = tenPercent("v1", JAN_1, cut.minusDays(1)).draw(new Draw(kind1, Money.parse(usd(w1)), JAN_1, null, timing1)).build();
        CompPlan v2 = tenPercent("v2", cut, null).draw(new Draw(kind2, Money.parse(usd(w2)), JAN_1, null, timing2)).build();
        // 10% of 10 x earned is exactly earned, whichever version's days the booking falls on.
        Statement s = CommissionEngine.calculate(List.of(v1, v2), CTX, List.of(booked("b", JAN_1, earned * 10)), year,
                CompState.empty()).statement("alice").orElseThrow();
        long draw = blend(w1, d1, w2, d2, year.days());
        long advance = blend(timing1 == Draw.Timing.IN_ADVANCE ? w1 : 0, d1, timing2 == Draw.Timing.IN_ADVANCE ? w2 : 0, d2, year.days());
        long paidInAdvance = s.ytdPaid().minorUnits() - s.netPay().minorUnits();
        assertThat(s.earned().minorUnits()).isEqualTo(earned);
        assertThat(paidInAdvance).isEqualTo(advance);
        assertThat(s.netPay().minorUnits() + paidInAdvance).isEqualTo(Math.max(earned, draw));
        long shortfall = Math.max(0, draw - earned);
        long balance = s.drawBalance().minorUnits();
        if (kind1 == Draw.Kind.RECOVERABLE && kind2 == Draw.Kind.RECOVERABLE) {
            assertThat(balance).isEqualTo(shortfall);
        } else if (kind1 == Draw.Kind.NON_RECOVERABLE && kind2 == Draw.Kind.NON_RECOVERABLE) {
            assertThat(balance).isZero();
        } else {
            assertThat(balance).isBetween(0L, shortfall);
        }
    }

    /**
     * June 2026 shared by two versions, {@code k} days under the first and {@code 30 - k} under the second. Each
     * version's per-period component cap limits its own days' pay at {@code cap x days / 30}; the total per-period
     * cap is {@code (t1 k + t2 (30 - k)) / 30}; a per-year cap (component and total) is the blend of the two
     * versions' limits over the days of 2026 each is in force; the guarantee is {@code (g1 k + g2 (30 - k)) / 30}.
     */
    @Property(tries = 300)
    void capsAndGuaranteesOfASharedPeriod_areTheDayWeightedBlend(
            @ForAll @IntRange(min = 1, max = 29) int k,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long pay1, @ForAll @LongRange(min = 0, max = 5_000_000L) long pay2,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long cap1, @ForAll @LongRange(min = 0, max = 5_000_000L) long cap2,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long year1, @ForAll @LongRange(min = 0, max = 5_000_000L) long year2,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long total1, @ForAll @LongRange(min = 0, max = 5_000_000L) long total2,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long g1, @ForAll @LongRange(min = 0, max = 5_000_000L) long g2) {
        Period june = CAL.month(2026, 6);
        LocalDate cut = june.start().plusDays(k);
        CompPlan v1 = capped("v1", JAN_1, cut.minusDays(1), cap1, year1, total1, g1);
        CompPlan v2 = capped("v2", cut, null, cap2, year2, total2, g2);
        List<Credit> credits = List.of(booked("b1", june.start(), pay1 * 10), booked("b2", cut, pay2 * 10));
        Statement s = CommissionEngine.calculate(List.of(v1, v2), CTX, credits, june, CompState.empty())
                .statement("alice").orElseThrow();

        long yearDays1 = ChronoUnit.DAYS.between(JAN_1, cut);
        long yearLimit1 = blend(year1, yearDays1, year2, 365 - yearDays1, 365);
        // The component's year cap on each version's days in turn, then one per-period cap on June's total of the
        // component: the blend of the versions' caps (12,000 for 14 days and 15,000 for 16 allow 13,600).
        long first = Math.min(pay1, yearLimit1);
        long second = Math.min(pay2, Math.max(0, yearLimit1 - first));
        long component = Math.min(first + second, blend(cap1, k, cap2, 30 - k, 30));
        long earned = Math.min(component, Math.min(blend(total1, k, total2, 30 - k, 30), yearLimit1));
        assertThat(s.earned().minorUnits()).isEqualTo(earned);
        assertThat(s.netPay().minorUnits()).isEqualTo(Math.max(earned, blend(g1, k, g2, 30 - k, 30)));
    }

    /**
     * A component floor in both versions is one floor on June's total of the component, the blend of the two:
     * June pays {@code max(pay1 + pay2, (f1 k + f2 (30 - k)) / 30)}, however the pay falls between the versions.
     */
    @Property(tries = 200)
    void componentFloorsOfASharedPeriod_areOneBlendedFloorOnThePeriodsTotal(
            @ForAll @IntRange(min = 1, max = 29) int k,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long pay1, @ForAll @LongRange(min = 0, max = 5_000_000L) long pay2,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long f1, @ForAll @LongRange(min = 0, max = 5_000_000L) long f2) {
        Period june = CAL.month(2026, 6);
        LocalDate cut = june.start().plusDays(k);
        CompPlan v1 = floored("v1", JAN_1, cut.minusDays(1), f1);
        CompPlan v2 = floored("v2", cut, null, f2);
        List<Credit> credits = List.of(booked("b1", june.start(), pay1 * 10), booked("b2", cut, pay2 * 10));
        Statement s = CommissionEngine.calculate(List.of(v1, v2), CTX, credits, june, CompState.empty())
                .statement("alice").orElseThrow();
        assertThat(s.earned().minorUnits()).isEqualTo(Math.max(pay1 + pay2, blend(f1, k, f2, 30 - k, 30)));
    }

    /** A cap in one version only stays on that version's days: the other version's days are uncapped. */
    @Property(tries = 200)
    void aPerPeriodCapInOneVersionOnly_capsThatVersionsShareOfTheDays(
            @ForAll @IntRange(min = 1, max = 29) int k,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long pay1, @ForAll @LongRange(min = 0, max = 5_000_000L) long pay2,
            @ForAll @LongRange(min = 0, max = 5_000_000L) long cap1) {
        Period june = CAL.month(2026, 6);
        LocalDate cut = june.start().plusDays(k);
        CompPlan v1 = CompPlan.builder("v1").currency("USD").effective(JAN_1, cut.minusDays(1))
                .component(c -> c.name("Bookings").flatRate("10").cap(Cap.perPeriod(usd(cap1)))).build();
        CompPlan v2 = tenPercent("v2", cut, null).build();
        List<Credit> credits = List.of(booked("b1", june.start(), pay1 * 10), booked("b2", cut, pay2 * 10));
        Statement s = CommissionEngine.calculate(List.of(v1, v2), CTX, credits, june, CompState.empty())
                .statement("alice").orElseThrow();
        assertThat(s.earned().minorUnits()).isEqualTo(Math.min(pay1, blend(cap1, k, 0, 0, 30)) + pay2);
    }

    private static CompPlan floored(String name, LocalDate from, LocalDate to, long floor) {
        return CompPlan.builder(name).currency("USD").effective(from, to)
                .component(c -> c.name("Bookings").flatRate("10").floor(usd(floor))).build();
    }

    private static CompPlan.Builder tenPercent(String name, LocalDate from, LocalDate to) {
        return CompPlan.builder(name).currency("USD").effective(from, to).component(c -> c.name("Bookings").flatRate("10"));
    }

    /** The total per-year cap has the component's year limit: if either were the last version's, the property fails. */
    private static CompPlan capped(String name, LocalDate from, LocalDate to, long cap, long year, long total, long g) {
        return CompPlan.builder(name).currency("USD").effective(from, to)
                .component(c -> c.name("Bookings").flatRate("10").cap(Cap.perPeriod(usd(cap))).cap(Cap.perYear(usd(year))))
                .totalCap(Cap.perPeriod(usd(total))).totalCap(Cap.perYear(usd(year)))
                .guarantee(usd(g), JAN_1, null).build();
    }
}
