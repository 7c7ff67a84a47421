package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PayRule;
import io.salesops.core.money.Money;
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
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** A SPIFF per unit is linear in the units: checkable by eye. */
class SpiffPerUnitProperties {

    private static final Org ORG = Org.of(List.of(Rep.of("alice", null), Rep.of("bob", null)));

    private static CompPlan perUnit(long cents) {
        return CompPlan.builder("Units").currency("USD").attributes("units")
                .component(c -> c.name("S").pay(PayRule.Spiff.perUnit(Money.ofMinor(cents, "USD"), "units"))).build();
    }

    private static Credit deal(String id, BigDecimal units, List<Split> splits) {
        return new Credit(id, "alice", day(3, 1 + Math.floorMod(id.hashCode(), 28)), Money.ofMinor(100_000, "USD"), "new", "", id,
                CreditStatus.BOOKED, splits, Map.of("units", units.toPlainString()));
    }

    private static long earned(CompPlan plan, List<Credit> credits, String payee) {
        return CommissionEngine.calculate(plan, CompContext.of(ORG), credits, month(3), CompState.empty())
                .statement(payee).map(s -> s.earned().minorUnits()).orElse(0L);
    }

    /**
     * Unsplit deals with {@code u_i} units (up to 2 decimals) pay {@code perUnit x sum(u_i)}, rounded once:
     * the pay of the deals together is the pay of their units added up, whatever the deals.
     */
    @Property(tries = 150)
    void payIsPerUnitTimesTheUnits(@ForAll @LongRange(min = 0, max = 10_000_000) long perUnitCents,
                                   @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1_000_000) Integer> hundredths) {
        List<Credit> credits = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < hundredths.size(); i++) {
            BigDecimal u = BigDecimal.valueOf(hundredths.get(i), 2);
            total = total.add(u);
            credits.add(deal("d" + i, u, List.of()));
        }
        long expected = BigDecimal.valueOf(perUnitCents).multiply(total).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        assertThat(earned(perUnit(perUnitCents), credits, "alice")).isEqualTo(expected);
    }

    /**
     * On a deal split {@code s}/{@code 100 - s}, the two payees together are paid what the whole deal pays
     * (within the one cent each side's rounding may take), and each is paid its share of it, rounded.
     */
    @Property(tries = 150)
    void aSplitDealPaysEachPayeeItsShareOfTheUnits(@ForAll @LongRange(min = 0, max = 1_000_000) long perUnitCents,
                                                  @ForAll @IntRange(min = 0, max = 100_000) int units,
                                                  @ForAll @IntRange(min = 1, max = 99) int share) {
        BigDecimal u = BigDecimal.valueOf(units);
        List<Credit> credits = List.of(deal("d", u, List.of(Split.of("alice", String.valueOf(share)),
                Split.of("bob", String.valueOf(100 - share)))));
        BigDecimal whole = BigDecimal.valueOf(perUnitCents).multiply(u);
        long a = earned(perUnit(perUnitCents), credits, "alice");
        long b = earned(perUnit(perUnitCents), credits, "bob");
        assertThat(a).isEqualTo(whole.multiply(BigDecimal.valueOf(share, 2)).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        assertThat(b).isEqualTo(whole.multiply(BigDecimal.valueOf(100 - share, 2)).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
        assertThat(Math.abs(a + b - whole.longValueExact())).isLessThanOrEqualTo(1);
    }
}
