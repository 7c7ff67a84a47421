package io.salesops.testkit;

import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for the salesops domain. Each makes only valid values, shrinks toward small ones, and is
 * deterministic for a given jqwik seed.
 *
 * <pre>{@code
 * @Property
 * void commissionNeverExceedsTheBooking(@ForAll("plans") CompPlan plan, @ForAll("credits") List<Credit> credits) {...}
 *
 * @Provide Arbitrary<CompPlan> plans() { return SalesArbitraries.compPlans("USD"); }
 * @Provide Arbitrary<List<Credit>> credits() { return SalesArbitraries.credits(SmallOrg.org(), SmallOrg.MARCH, "USD", 20); }
 * }</pre>
 *
 * Stateless and thread-safe.
 */
public final class SalesArbitraries {
    private SalesArbitraries() {
    }

    /**
     * Amounts in {@code currency} between two bounds in minor units (cents for USD).
     *
     * @param currencyCode an ISO 4217 code such as {@code USD}
     * @param minMinor     the smallest amount in minor units, may be negative
     * @param maxMinor     the largest amount in minor units, at least {@code minMinor}
     * @return the arbitrary; shrinks toward the bound nearest zero
     * @throws IllegalArgumentException if the code is unknown or the bounds are reversed
     */
    public static Arbitrary<Money> money(String currencyCode, long minMinor, long maxMinor) {
        Currency currency = Money.currency(currencyCode);
        if (minMinor > maxMinor) {
            throw new IllegalArgumentException("minMinor " + minMinor + " is above maxMinor " + maxMinor);
        }
        return Arbitraries.longs().between(minMinor, maxMinor).map(m -> Money.ofMinor(m, currency));
    }

    /**
     * Non-negative amounts up to one million in {@code currency}: deal sizes.
     *
     * @param currencyCode an ISO 4217 code such as {@code USD}
     * @return the arbitrary
     * @throws IllegalArgumentException if the code is unknown
     */
    public static Arbitrary<Money> dealAmounts(String currencyCode) {
        Currency currency = Money.currency(currencyCode);
        long max = 1_000_000L * pow10(currency.getDefaultFractionDigits());
        return money(currencyCode, 0, max);
    }

    /**
     * Periods of one kind in the fiscal years {@code fromYear} to {@code toYear} of a calendar.
     *
     * @param calendar the fiscal calendar, not null
     * @param kind     month, quarter, half or year
     * @param fromYear the first fiscal year
     * @param toYear   the last fiscal year, at least {@code fromYear}
     * @return the arbitrary
     */
    public static Arbitrary<Period> periods(FiscalCalendar calendar, PeriodKind kind, int fromYear, int toYear) {
        Objects.requireNonNull(calendar, "calendar");
        int perYear = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF -> 2;
            case YEAR -> 1;
        };
        return Combinators.combine(Arbitraries.integers().between(fromYear, toYear),
                Arbitraries.integers().between(1, perYear)).as((y, i) -> calendar.period(kind, y, i));
    }

    /**
     * Org charts of 1 to {@code maxReps} reps named {@code r0, r1, ...}: {@code r0} is the root and every other rep
     * reports to an earlier one, so there is never a cycle; reps are spread over up to three teams.
     *
     * @param maxReps the largest org, at least 1
     * @return the arbitrary; shrinks toward a flat, small org
     */
    public static Arbitrary<Org> orgs(int maxReps) {
        if (maxReps < 1) {
            throw new IllegalArgumentException("maxReps " + maxReps + " is below 1");
        }
        return Arbitraries.integers().between(1, maxReps).flatMap(n ->
                Combinators.combine(
                        Arbitraries.integers().between(0, n - 1).list().ofSize(n),
                        Arbitraries.integers().between(0, 2).list().ofSize(n))
                        .as((managers, teams) -> {
                            List<Rep> reps = new ArrayList<>();
                            for (int i = 0; i < n; i++) {
                                String manager = i == 0 ? null : "r" + Math.min(managers.get(i), i - 1);
                                reps.add(new Rep("r" + i, "Rep " + i, manager, "team-" + teams.get(i), null, null, null));
                            }
                            return Org.of(reps);
                        }));
    }

    /**
     * Booked credits for the reps of {@code org}, dated inside {@code period}, with unique ids {@code c0, c1, ...}
     * and types {@code new}, {@code upsell} or {@code renewal}.
     *
     * @param org          the reps who booked them, not empty
     * @param period       the period the dates fall in
     * @param currencyCode the currency of the amounts
     * @param maxCredits   the most credits in a list
     * @return the arbitrary of lists, possibly empty
     */
    public static Arbitrary<List<Credit>> credits(Org org, Period period, String currencyCode, int maxCredits) {
        List<String> ids = org.reps().stream().map(Rep::id).toList();
        int days = (int) (period.end().toEpochDay() - period.start().toEpochDay());
        Arbitrary<Object[]> one = Combinators.combine(Arbitraries.of(ids), Arbitraries.integers().between(0, days),
                dealAmounts(currencyCode), Arbitraries.of("new", "upsell", "renewal"))
                .as((rep, day, amount, type) -> new Object[] {rep, period.start().plusDays(day), amount, type});
        return one.list().ofMaxSize(maxCredits).map(rows -> {
            List<Credit> out = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Object[] r = rows.get(i);
                out.add(Credit.builder("c" + i).payee((String) r[0]).date((LocalDate) r[1]).amount((Money) r[2])
                        .type((String) r[3]).build());
            }
            return out;
        });
    }

    /**
     * Marginal or retroactive tier tables on the credited amount: up to four increasing bounds in whole units,
     * tiers that tile from zero and end open, commission rates from 0% to 99.99% with two decimals (a commission
     * rate of 100% or more is refused as a bound and rate written the wrong way round), each bound inclusive or
     * exclusive.
     *
     * @return the arbitrary
     */
    public static Arbitrary<TierTable> tierTables() {
        return Arbitraries.of(TierTable.Mode.class).flatMap(mode -> tierTables(mode, false));
    }

    /**
     * Tier tables of one mode on the credited amount, as {@link #tierTables()} makes them.
     *
     * @param mode        marginal or retroactive, not null
     * @param risingRates true for rates that never fall from tier to tier (a retroactive table whose pay never
     *                    falls as the amount rises)
     * @return the arbitrary
     */
    public static Arbitrary<TierTable> tierTables(TierTable.Mode mode, boolean risingRates) {
        Objects.requireNonNull(mode, "mode");
        Arbitrary<List<Long>> bounds = Arbitraries.longs().between(1, 200_000).set().ofMaxSize(4)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<List<Integer>> rates = Arbitraries.integers().between(0, 9_999).list().ofSize(5);
        Arbitrary<List<Boolean>> inclusive = Arbitraries.of(true, false).list().ofSize(4);
        return Combinators.combine(bounds, rates, inclusive).as((b, r, inc) -> {
            List<Integer> rs = new ArrayList<>(r);
            if (risingRates) {
                Collections.sort(rs);
            }
            List<Tier> tiers = new ArrayList<>();
            BigDecimal from = BigDecimal.ZERO;
            for (int i = 0; i < b.size(); i++) {
                BigDecimal upTo = BigDecimal.valueOf(b.get(i));
                tiers.add(new Tier(from, upTo, inc.get(i), Percent.of(BigDecimal.valueOf(rs.get(i), 2))));
                from = upTo;
            }
            tiers.add(new Tier(from, null, false, Percent.of(BigDecimal.valueOf(rs.get(b.size()), 2))));
            return new TierTable(mode, TierTable.Basis.AMOUNT, tiers);
        });
    }

    /**
     * Valid commission plans in {@code currencyCode} that need no quota: one or two components, each crediting
     * every deal and paying a flat rate or a tier table on the credited amount (rates from 0% to 99.99%), rounded
     * half-even per line.
     *
     * @param currencyCode the plan currency
     * @return the arbitrary
     */
    public static Arbitrary<CompPlan> compPlans(String currencyCode) {
        Money.currency(currencyCode);
        Arbitrary<TierTable> flat = Arbitraries.integers().between(0, 9_999)
                .map(bp -> TierTable.flat(BigDecimal.valueOf(bp, 2).toPlainString()));
        Arbitrary<TierTable> table = Arbitraries.oneOf(flat, tierTables());
        return table.list().ofMinSize(1).ofMaxSize(2).map(tables -> {
            CompPlan.Builder b = CompPlan.builder("Generated").currency(currencyCode).rounding(RoundingMode.HALF_EVEN);
            for (int i = 0; i < tables.size(); i++) {
                TierTable t = tables.get(i);
                String name = "Component " + (i + 1);
                b.component(c -> c.name(name).credit(Crediting.all()).measure(Measure.sum()).pay(t));
            }
            return b.build();
        });
    }

    private static long pow10(int digits) {
        long p = 1;
        for (int i = 0; i < digits; i++) {
            p *= 10;
        }
        return p;
    }
}
