package io.salesops.comp;

import static io.salesops.comp.Fixtures.day;
import static io.salesops.comp.Fixtures.deal;
import static io.salesops.comp.Fixtures.month;
import static io.salesops.comp.Fixtures.team;
import static io.salesops.comp.Fixtures.usd;
import static io.salesops.comp.plan.Measure.attainment;
import static io.salesops.comp.plan.TierTable.Basis.ATTAINMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditRules;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.Credits;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.PlanValidationException;
import io.salesops.comp.plan.TierTable;
import io.salesops.comp.statement.Statement;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comp glue: payee population, credits from won deals, the Credit builder and the one-import facade. */
class CommissionsTest {

    /** 10% to quota, 15% above, and a 2% override to the direct manager. */
    private static final CompPlan QUOTA_PLAN = CompPlan.builder("AE").currency("USD").rounding(RoundingMode.HALF_EVEN)
            .component(c -> c.name("Bookings").credit(Crediting.all()).measure(attainment())
                    .pay(TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")))
            .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("2"))
            .build();

    /** Quotas for the reps a, b, c in March 2026; the manager mgr has none. */
    private static Quotas repQuotas() {
        return Quotas.of(List.of(new Quota("a", month(3), usd("10000.00")), new Quota("b", month(3), usd("10000.00")),
                new Quota("c", month(3), usd("10000.00"))));
    }

    @Test
    void defaultPayees_areTheRepsWithAQuota_soAManagerWithoutOneDoesNotFailTheCalculation() {
        CalculationResult r = CommissionEngine.calculate(QUOTA_PLAN, CompContext.of(team(), repQuotas()),
                List.of(deal("d1", "a", day(3, 10), "5000.00")), month(3), CompState.empty());

        assertThat(r.statements()).extracting(Statement::payeeId).containsExactly("a", "b", "c");
        assertThat(r.statement("a").orElseThrow().earned()).isEqualTo(usd("500.00"));
    }

    @Test
    void namedPayees_includeTheManager_whoseMissingQuotaIsThenAnInputProblem_notAnInvalidPlan() {
        CompContext all = CompContext.of(team(), repQuotas()).withPayees(List.of("mgr", "a", "b", "c"));
        assertThatThrownBy(() -> CommissionEngine.calculate(QUOTA_PLAN, all, List.of(), month(3), CompState.empty()))
                .isInstanceOf(SalesopsInputException.class)
                .isNotInstanceOf(PlanValidationException.class)
                .satisfies(e -> assertThat(((SalesopsInputException) e).problems()).extracting(Problem::path)
                        .containsExactly("quotas[mgr]"));
    }

    @Test
    void namedPayees_onAPlanWithoutQuotas_areExactlyThoseNamed_creditsOfOthersAreNotPaidToThem_butOverridesStand() {
        CompPlan flat = CompPlan.builder("Flat").currency("USD")
                .component(c -> c.name("Bookings").flatRate("10"))
                .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("2"))
                .build();
        List<Credit> credits = List.of(deal("d1", "a", day(3, 10), "1000.00"), deal("d2", "b", day(3, 11), "1000.00"));

        CalculationResult everyone = CommissionEngine.calculate(flat, CompContext.of(team()), credits, month(3),
                CompState.empty());
        CalculationResult named = CommissionEngine.calculate(flat, CompContext.of(team()).withPayees(List.of("mgr", "a")),
                credits, month(3), CompState.empty());

        assertThat(everyone.statements()).extracting(Statement::payeeId).containsExactly("mgr", "a", "b", "c");
        assertThat(named.statements()).extracting(Statement::payeeId).containsExactly("mgr", "a");
        // mgr's override is 2% of both deals either way: b is no payee, so d2 pays b nothing (warned), but b still
        // reports to mgr, and an override does not depend on which of the team are on this plan.
        assertThat(everyone.statement("mgr").orElseThrow().earned()).isEqualTo(usd("40.00"));
        assertThat(named.statement("mgr").orElseThrow().earned()).isEqualTo(usd("40.00"));
        assertThat(named.warnings()).anySatisfy(w -> assertThat(w).contains("credit d2: payee b is not a payee")
                .contains("not credited to Bookings"));
        assertThat(named.warnings()).noneSatisfy(w -> assertThat(w).contains("Override"));
    }

    @Test
    void withPayees_refusesRepsOutsideTheOrg_namingEveryOne() {
        assertThatThrownBy(() -> CompContext.of(team()).withPayees(List.of("a", "zed", "ghost")))
                .isInstanceOf(SalesopsInputException.class)
                .hasMessageContaining("payee ghost is not in the org")
                .hasMessageContaining("payee zed is not in the org");
    }

    @Test
    void fromWon_creditsEachDealWonInThePeriod_toItsOwner_withTheTypeRenamedAndTheCrmFieldsKept() {
        Opportunity won = Opportunity.builder("O-1").owner("a").stage("Closed Won").amount("1200.00", "USD")
                .created(LocalDate.of(2026, 1, 5)).won(day(3, 10)).type("expansion").product("Platform")
                .attribute("region", "EMEA").build();
        Opportunity wonLater = won.toBuilder().won(day(4, 2)).build();
        Opportunity lost = Opportunity.builder("O-3").owner("b").stage("Closed Lost").amount("900.00", "USD")
                .created(LocalDate.of(2026, 1, 5)).lost(day(3, 12)).build();
        Opportunity open = Opportunity.builder("O-4").owner("c").stage("Proposal").amount("900.00", "USD")
                .created(LocalDate.of(2026, 1, 5)).build();

        List<Credit> credits = Credits.fromWon(List.of(won, wonLater, lost, open), month(3),
                CreditRules.standard().withType("expansion", "upsell"));

        assertThat(credits).containsExactly(Credit.builder("O-1").payee("a").date(day(3, 10)).amount(usd("1200.00"))
                .type("upsell").product("Platform").attribute("region", "EMEA").build());
    }

    @Test
    void creditRules_refuseRenamingOneTypeTwice() {
        assertThatThrownBy(() -> CreditRules.standard().withType("expansion", "upsell").withType("expansion", "new"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"expansion\" is renamed twice");
    }

    @Test
    void creditBuilder_buildsWhatTheConstructorBuilds_andChecksTheSameRules() {
        Credit built = Credit.builder("c1").payee("a").date(day(3, 1)).amount(usd("100.00")).type("new")
                .deal("D-9").split("a", Percent.of("60")).split("b", Percent.of("40")).build();
        assertThat(built).isEqualTo(new Credit("c1", "a", day(3, 1), usd("100.00"), "new", "", "D-9",
                CreditStatus.BOOKED, List.of(new Split("a", Percent.of("60")), new Split("b", Percent.of("40"))), Map.of()));

        assertThatThrownBy(() -> Credit.builder("c2").payee("a").date(day(3, 1)).amount(usd("1.00"))
                .split("a", Percent.of("60")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credit c2 splits sum to 60%, not 100%");
    }

    @Test
    void facade_calculatesWhatTheEngineCalculates() {
        Org org = team();
        Opportunity won = Opportunity.builder("O-1").owner("a").stage("Closed Won").amount("15000.00", "USD")
                .created(LocalDate.of(2026, 1, 5)).won(day(3, 10)).type("new").build();

        CalculationResult viaFacade = Commissions.plan(QUOTA_PLAN).org(org).quotas(repQuotas())
                .wonDeals(List.of(won), CreditRules.standard()).calculate(month(3));
        CalculationResult direct = CommissionEngine.calculate(QUOTA_PLAN, CompContext.of(org, repQuotas()),
                Credits.fromWon(List.of(won), month(3), CreditRules.standard()), month(3), CompState.empty());

        assertThat(viaFacade.statements()).isEqualTo(direct.statements());
        // 10% of the first 10,000 and 15% of the 5,000 above quota.
        assertThat(viaFacade.statement("a").orElseThrow().earned()).isEqualTo(usd("1750.00"));
    }

    @Test
    void facade_withoutAnOrg_saysWhatIsMissing() {
        assertThatThrownBy(() -> Commissions.plan(QUOTA_PLAN).calculate(month(3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no org");
    }

    @Test
    void capOverloads_takeMoneyAsTheStringFormsDo() {
        assertThat(io.salesops.comp.plan.Cap.perPeriod(usd("25000.00")))
                .isEqualTo(io.salesops.comp.plan.Cap.perPeriod("USD 25,000.00"));
        assertThat(io.salesops.comp.plan.Cap.perDeal(usd("5000.00"))).isEqualTo(io.salesops.comp.plan.Cap.perDeal("USD 5,000.00"));
        assertThat(io.salesops.comp.plan.Cap.perYear(usd("1.00"))).isEqualTo(io.salesops.comp.plan.Cap.perYear("USD 1.00"));
    }
}
