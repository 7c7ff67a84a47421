package io.salesops.comp.plan;

import static io.salesops.comp.plan.Condition.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.input.CompContext;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    private static Tier tier(String from, String upTo, String rate) {
        return new Tier(new BigDecimal(from), upTo == null ? null : new BigDecimal(upTo), true, Percent.of(rate));
    }

    private static Component component(String name, Condition when, PayRule pay) {
        return new Component(name, Crediting.when(when), Measure.sum(), pay, List.of(), List.of(), List.of(), null);
    }

    private static CompPlan plan(List<Component> components) {
        return new CompPlan("Broken", Money.currency("USD"), RoundingMode.HALF_EVEN, RoundingPoint.EACH_LINE, Set.of("region"),
                components, List.of(), null, null, null, null, null, null);
    }

    @Test
    void validate_listsEveryProblemAtOnce_withPaths() {
        TierTable gappy = new TierTable(TierTable.Mode.MARGINAL, TierTable.Basis.AMOUNT, List.of(
                tier("0", "50000", "5"), tier("60000", "100000", "-2"), tier("90000", null, "10")));
        Component c0 = component("Bookings", eq("region", "EMEA"), new PayRule.Tiered(gappy));
        Component c1 = new Component("Capped", Crediting.when(eq("segmnet", "SMB")), Measure.sum(),
                new PayRule.FlatRate(Percent.of("-1")), List.of(), List.of(),
                List.of(Cap.perPeriod("USD 100.00")), Money.of("500.00", "USD"));

        List<PlanProblem> problems = plan(List.of(c0, c1)).validate();

        assertThat(problems).extracting(PlanProblem::path).containsExactly(
                "components[0].pay.table.tiers[1].from",
                "components[0].pay.table.tiers[1].rate",
                "components[0].pay.table.tiers[2].from",
                "components[1].crediting.when",
                "components[1].pay.rate",
                "components[1].caps[0].limit");
        assertThat(problems.get(0).message()).isEqualTo("gap between tier 1 ending at 50000 and tier 2 starting at 60000");
        assertThat(problems.get(1).message()).isEqualTo("rate -2% is negative");
        assertThat(problems.get(2).message()).isEqualTo("tier 3 starting at 90000 overlaps tier 2 ending at 100000");
        assertThat(problems.get(3).message()).startsWith("unknown attribute \"segmnet\"");
        assertThat(problems.get(5).message()).isEqualTo("cap per period USD 100.00 is below the floor USD 500.00; a period could never pay both");
    }

    @Test
    void validate_upperBoundNotAboveLowerBound_namesBoth() {
        TierTable t = new TierTable(TierTable.Mode.RETROACTIVE, TierTable.Basis.ATTAINMENT, List.of(
                tier("0", "0", "5"), tier("0", null, "10")));
        assertThat(plan(List.of(component("B", Condition.always(), new PayRule.Tiered(t)))).validate())
                .extracting(PlanProblem::toString)
                .containsExactly("components[0].pay.table.tiers[0].upTo: tier upper bound 0% is not above its lower bound 0%");
    }

    @Test
    void validate_lastTierClosed_andTableNotStartingAtZero() {
        TierTable t = new TierTable(TierTable.Mode.MARGINAL, TierTable.Basis.AMOUNT, List.of(tier("10", "20", "5")));
        assertThat(plan(List.of(component("B", Condition.always(), new PayRule.Tiered(t)))).validate())
                .extracting(PlanProblem::path)
                .containsExactly("components[0].pay.table.tiers[0].from", "components[0].pay.table.tiers[0].upTo");
    }

    @Test
    void validate_againstContext_reportsMissingQuotaPerNamedPayee() {
        Component att = new Component("Bookings", Crediting.all(), Measure.attainment(), new PayRule.FlatRate(Percent.of("10")),
                List.of(), List.of(), List.of(), null);
        Org org = Org.of(List.of(Rep.of("a", null), Rep.of("b", null)));
        assertThat(plan(List.of(att)).validate(CompContext.of(org, Quotas.none()).withPayees(List.of("a", "b"))))
                .extracting(PlanProblem::toString)
                .containsExactly("quotas[a]: rep a has no quota, which Bookings needs",
                        "quotas[b]: rep b has no quota, which Bookings needs");
    }

    @Test
    void validate_gateOnUnknownComponent_andOverlappingMultipliers() {
        Component c = new Component("B", Crediting.all(), Measure.attainment(), new PayRule.FlatRate(Percent.of("10")),
                List.of(Multiplier.accelerator("100", "1.5"), Multiplier.accelerator("120", "2")),
                List.of(Gate.onAttainmentOf("Renewals", "50")), List.of(), null);
        assertThat(plan(List.of(c)).validate()).extracting(PlanProblem::path)
                .containsExactly("components[0].multipliers[1]", "components[0].gates[0].component");
    }

    @Test
    void validate_amountInAnotherCurrency_isAProblem() {
        Component c = new Component("B", Crediting.all(), Measure.sum(), new PayRule.Spiff(Money.of("100.00", "EUR")),
                List.of(), List.of(), List.of(), null);
        assertThat(plan(List.of(c)).validate()).extracting(PlanProblem::toString)
                .containsExactly("components[0].pay.perDeal: SPIFF EUR 100.00 is not in the plan currency USD");
    }

    @Test
    void builder_rejectsAnInvalidPlanWithEveryProblem() {
        assertThatThrownBy(() -> CompPlan.builder("X").currency("USD")
                .component(c -> c.name("A").flatRate("-5").cap(Cap.perPeriod("USD -1.00"))).build())
                .isInstanceOf(PlanValidationException.class)
                .hasMessage("plan \"X\" is invalid: components[0].pay.rate: rate -5% is negative; "
                        + "components[0].caps[0].limit: cap USD -1.00 is negative");
    }

    @Test
    void builder_rejectsDuplicateComponentNamesAtOnce() {
        assertThatThrownBy(() -> CompPlan.builder("X").currency("USD")
                .component(c -> c.name("A").flatRate("5")).component(c -> c.name("A").flatRate("6")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("plan X already has a component named A");
    }

    @Test
    void tierTable_afterAnOpenTier_refusesAnotherTier() {
        assertThatThrownBy(() -> TierTable.marginal(TierTable.Basis.AMOUNT).above("5").upTo("10", "6"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already ends with an open tier over 0");
    }

    @Test
    void builder_leavesItselfUsable_andToBuilderMakesVariations() {
        CompPlan.Builder b = CompPlan.builder("X").currency("USD").component(c -> c.name("A").flatRate("5"));
        CompPlan first = b.build();
        CompPlan second = b.build();
        assertThat(first).isEqualTo(second);
        CompPlan eur = first.toBuilder().currency("EUR").component(c -> c.name("B").flatRate("1")).build();
        assertThat(eur.components()).hasSize(2);
        assertThat(first.components()).hasSize(1);
    }

    private static CompPlan version(String name, java.time.LocalDate from, java.time.LocalDate to) {
        return CompPlan.builder(name).currency("USD").effective(from, to).component(c -> c.name("Bookings").flatRate("5")).build();
    }

    @Test
    void validateVersions_overlappingVersions_areAProblemAtTheLaterOne_namingBothAndTheSharedDays() {
        CompPlan h1 = version("H1", java.time.LocalDate.of(2026, 1, 1), null);
        CompPlan h2 = version("H2", java.time.LocalDate.of(2026, 6, 1), null);
        assertThat(PlanValidator.validateVersions(List.of(h2, h1))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("versions[0].effectiveFrom");
            assertThat(p.message()).contains("\"H2\" (2026-06-01..(open)) overlaps versions[1] \"H1\" (2026-01-01..(open))")
                    .contains("on 2026-06-01..(open)").contains("end versions[1] with effectiveTo 2026-05-31");
        });
    }

    @Test
    void validateVersions_versionsEndingTheDayBefore_orOneVersion_haveNoProblem() {
        CompPlan h1 = version("H1", java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 5, 31));
        CompPlan h2 = version("H2", java.time.LocalDate.of(2026, 6, 1), null);
        assertThat(PlanValidator.validateVersions(List.of(h1, h2))).isEmpty();
        assertThat(PlanValidator.validateVersions(List.of(version("Always", null, null)))).isEmpty();
    }

    @Test
    void validateVersions_sharingOneDay_orBothAlways_isAnOverlap() {
        CompPlan a = version("A", null, java.time.LocalDate.of(2026, 6, 1));
        CompPlan b = version("B", java.time.LocalDate.of(2026, 6, 1), null);
        assertThat(PlanValidator.validateVersions(List.of(a, b))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("on 2026-06-01..2026-06-01"));
        assertThat(PlanValidator.validateVersions(List.of(version("X", null, null), version("Y", null, null))))
                .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("versions[1].effectiveTo"));
    }
}
