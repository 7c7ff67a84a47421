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
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A SPIFF per unit of a quantity column: "50 per seat". */
class SpiffPerUnitTest {

    private static final Org ORG = Org.of(List.of(Rep.of("alice", null), Rep.of("bob", null)));

    private static final CompPlan PER_SEAT = CompPlan.builder("Seats").currency("USD").attributes("seats")
            .component(c -> c.name("Seat SPIFF").spiffPerUnit("USD 50.00", "seats")).build();

    private static Credit deal(String id, String seats, Split... splits) {
        return new Credit(id, "alice", day(3, 10), usd("12000.00"), "new", "", id, CreditStatus.BOOKED,
                List.of(splits), seats == null ? Map.of() : Map.of("seats", seats));
    }

    private static Statement run(List<Credit> credits, String payee) {
        return CommissionEngine.calculate(PER_SEAT, CompContext.of(ORG), credits, month(3), CompState.empty())
                .statement(payee).orElseThrow();
    }

    // 50 per seat: a 12-seat deal and a 3-seat deal pay 50 x 15 = 750, one line saying so.
    @Test
    void paysPerUnitOfTheQuantityColumn() {
        Statement s = run(List.of(deal("d1", "12"), deal("d2", "3")), "alice");
        assertThat(s.earned()).isEqualTo(usd("750.00"));
        PayoutLine line = s.lines().stream().filter(l -> l.kind() == LineKind.SPIFF).findFirst().orElseThrow();
        assertThat(line.formula()).isEqualTo("USD 50.00 x 15 seats (2 qualifying deals)");
        assertThat(line.rule()).isEqualTo("SPIFF USD 50.00 per unit of seats");
    }

    // A 10-seat deal split 60/40 pays 300 and 200 (by share, the default).
    @Test
    void aSplitDealPaysEachPayeeTheirShareOfTheUnits() {
        List<Credit> credits = List.of(deal("d1", "10", Split.of("alice", "60"), Split.of("bob", "40")));
        assertThat(run(credits, "alice").earned()).isEqualTo(usd("300.00"));
        assertThat(run(credits, "bob").earned()).isEqualTo(usd("200.00"));
    }

    @Test
    void aQualifyingDealWithoutAUsableCount_isAnErrorNamingTheCreditAndCell() {
        for (String bad : new String[] {null, " ", "-2", "twelve", "1e3", "1000001", "1.00001"}) {
            assertThatThrownBy(() -> run(List.of(deal("d7", bad)), "alice"))
                    .as("cell %s", bad)
                    .isInstanceOf(SalesopsInputException.class)
                    .hasMessageContaining("credit d7 has seats")
                    .hasMessageContaining("per unit of seats");
        }
        assertThat(run(List.of(deal("d8", " 2.5 ")), "alice").earned()).isEqualTo(usd("125.00"));
        assertThat(run(List.of(deal("d9", "0")), "alice").earned()).isEqualTo(usd("0.00"));
    }

    @Test
    void aQuantityColumnThePlanDoesNotDeclare_isAValidationProblem() {
        assertThatThrownBy(() -> CompPlan.builder("Seats").currency("USD")
                .component(c -> c.name("S").spiffPerUnit("USD 50.00", "seats")).build())
                .isInstanceOf(PlanValidationException.class)
                .hasMessageContaining("components[0].pay.quantity")
                .hasMessageContaining("SPIFF quantity column \"seats\" is not among the plan's attributes");
        assertThatThrownBy(() -> CompPlan.builder("Seats").currency("USD").attributes("amount")
                .component(c -> c.name("S").spiffPerUnit("USD 50.00", "amount")).build())
                .isInstanceOf(PlanValidationException.class)
                .hasMessageContaining("is a built-in attribute");
    }
}
