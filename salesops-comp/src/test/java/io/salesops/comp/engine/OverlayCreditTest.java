package io.salesops.comp.engine;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Overlay credit: the person named in a column of the credit is credited too, in full (an SE, double credit). */
class OverlayCreditTest {

    private static final Org ORG = Org.of(List.of(Rep.of("ae", null), Rep.of("ae2", null), Rep.of("se", null)));

    private static final CompPlan PLAN = CompPlan.builder("Overlay").currency("USD").attributes("se")
            .clawback(Clawback.within(365))
            .component(c -> c.name("Commission").credit(Crediting.all().withOverlays("se")).flatRate("10"))
            .build();

    private static Credit deal(String id, String owner, String se, String amount, Split... splits) {
        return new Credit(id, owner, day(3, 10), usd(amount), "new", "", id, CreditStatus.BOOKED, List.of(splits),
                se == null ? Map.of() : Map.of("se", se));
    }

    private static CalculationResult run(List<Credit> credits) {
        return CommissionEngine.calculate(PLAN, CompContext.of(ORG), credits, month(3), CompState.empty());
    }

    // A 10,000 deal with se=se pays the AE 1,000 and the SE 1,000; a deal naming no SE pays the AE alone.
    @Test
    void theNamedPersonIsCreditedInFull_andTheOwnerKeepsTheirs() {
        CalculationResult r = run(List.of(deal("d1", "ae", "se", "10000.00"), deal("d2", "ae", "", "5000.00")));
        assertThat(r.statement("ae").orElseThrow().earned()).isEqualTo(usd("1500.00"));
        assertThat(r.statement("se").orElseThrow().earned()).isEqualTo(usd("1000.00"));
    }

    // A split deal: each split payee keeps their share; the SE is credited the whole deal. An overlay naming a
    // split payee or the owner does not credit them twice.
    @Test
    void onASplitDealTheOverlayGetsTheWholeDeal_andNoOneIsCreditedTwice() {
        CalculationResult r = run(List.of(deal("d1", "ae", "se", "10000.00", Split.of("ae", "60"), Split.of("ae2", "40")),
                deal("d2", "ae", "ae", "2000.00"), deal("d3", "ae", "ae2", "3000.00", Split.of("ae", "50"), Split.of("ae2", "50"))));
        assertThat(r.statement("ae").orElseThrow().earned()).isEqualTo(usd("950.00"));
        assertThat(r.statement("ae2").orElseThrow().earned()).isEqualTo(usd("550.00"));
        assertThat(r.statement("se").orElseThrow().earned()).isEqualTo(usd("1000.00"));
    }

    @Test
    void anOverlayWhoIsNotAPayee_isAWarningNamingTheCredit() {
        CalculationResult r = run(List.of(deal("d1", "ae", "stranger", "10000.00")));
        assertThat(r.statement("ae").orElseThrow().earned()).isEqualTo(usd("1000.00"));
        assertThat(r.warnings()).contains("credit d1: overlay se stranger is not in the org; not credited to Commission");
    }

    // Reversing the deal in April claws back from both, each what they were paid.
    @Test
    void aReversalClawsBackFromTheOverlayToo() {
        List<Credit> credits = List.of(deal("d1", "ae", "se", "10000.00"),
                new Credit("r1", "ae", day(4, 2), usd("10000.00"), "new", "", "d1", CreditStatus.REVERSED, List.of(),
                        Map.of("se", "se")));
        CalculationResult mar = run(credits);
        CalculationResult apr = CommissionEngine.calculate(PLAN, CompContext.of(ORG), credits, month(4), mar.state());
        assertThat(apr.statement("ae").orElseThrow().earned()).isEqualTo(usd("-1000.00"));
        assertThat(apr.statement("se").orElseThrow().earned()).isEqualTo(usd("-1000.00"));
    }

    @Test
    void anOverlayColumnThePlanCannotUse_isAValidationProblem() {
        assertThatThrownBy(() -> CompPlan.builder("O").currency("USD")
                .component(c -> c.name("C").credit(Crediting.all().withOverlays("se")).flatRate("10")).build())
                .isInstanceOf(PlanValidationException.class).hasMessageContaining("components[0].crediting.overlay")
                .hasMessageContaining("overlay column \"se\" is not among the plan's attributes");
        assertThatThrownBy(() -> CompPlan.builder("O").currency("USD").attributes("se")
                .component(c -> c.name("C").credit(Crediting.all().toManagers(1).withOverlays("se")).flatRate("10")).build())
                .isInstanceOf(PlanValidationException.class).hasMessageContaining("the component credits to managers");
        assertThatThrownBy(() -> Crediting.all().withOverlays("se", "se")).hasMessageContaining("repeat a column");
    }
}
