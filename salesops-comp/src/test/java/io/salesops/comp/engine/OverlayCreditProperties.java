package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.month;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Overlay credit adds a payee without touching anyone else's pay: checkable by eye. */
class OverlayCreditProperties {

    private static final Org ORG = Org.of(List.of(Rep.of("ae", null), Rep.of("se", null)));

    /** Marginal tiers on the period's amount, so a payee's pay depends on all their credits together. */
    private static CompPlan plan(boolean overlay) {
        Crediting cr = overlay ? Crediting.all().withOverlays("se_col") : Crediting.all();
        return CompPlan.builder("P").currency("USD").attributes("se_col")
                .component(c -> c.name("C").credit(cr)
                        .pay(TierTable.marginal(TierTable.Basis.AMOUNT).upTo("50000", "5").upTo("150000", "8").above("12")))
                .build();
    }

    private static long earned(CompPlan plan, List<Credit> credits, String payee) {
        return CommissionEngine.calculate(plan, CompContext.of(ORG), credits, month(3), CompState.empty())
                .statement(payee).map(s -> s.earned().minorUnits()).orElse(0L);
    }

    /**
     * With the AE's deals, some naming the SE: the AE is paid exactly what a plan without overlay pays them, and
     * the SE exactly what the same plan pays for the deals naming them as if they were the SE's own.
     */
    @Property(tries = 100)
    void overlayLeavesTheOwnerUnchanged_andPaysTheOverlayAsIfTheDealsWereTheirs(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 9_000_000) Integer> cents,
            @ForAll @Size(min = 12, max = 12) List<Boolean> named) {
        List<Credit> credits = new ArrayList<>();
        List<Credit> seOwn = new ArrayList<>();
        for (int i = 0; i < cents.size(); i++) {
            Money m = Money.ofMinor(cents.get(i) * 10L, "USD");
            String id = "d" + i;
            credits.add(new Credit(id, "ae", day(3, 1 + i), m, "new", "", id, CreditStatus.BOOKED, List.of(),
                    named.get(i) ? Map.of("se_col", "se") : Map.of()));
            if (named.get(i)) {
                seOwn.add(new Credit(id, "se", day(3, 1 + i), m, "new", "", id, CreditStatus.BOOKED, List.of(), Map.of()));
            }
        }
        assertThat(earned(plan(true), credits, "ae")).isEqualTo(earned(plan(false), credits, "ae"));
        assertThat(earned(plan(true), credits, "se")).isEqualTo(earned(plan(false), seOwn, "se"));
    }
}
