package io.salesops.core.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OpportunityTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private final Opportunity wonInMarch = Opportunity.builder("o1").owner("alice").amount("50000", "USD")
            .created(d("2026-01-10"))
            .change(d("2026-01-10"), "Prospecting")
            .change(new StageChange(d("2026-02-01"), "Proposal", Money.of("60000", "USD"), d("2026-03-15")))
            .change(d("2026-03-20"), "Closed Won")
            .stage("Closed Won").won(d("2026-03-20")).build();

    @Test
    void asOf_beforeCreation_doesNotExist() {
        assertThat(wonInMarch.asOf(d("2026-01-09"))).isEmpty();
    }

    @Test
    void asOf_beforeTheWin_isOpenAtTheStageAmountAndCloseDateOfThatDay() {
        Opportunity then = wonInMarch.asOf(d("2026-02-15")).orElseThrow();
        assertThat(then.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(then.stage()).isEqualTo("Proposal");
        assertThat(then.amount()).isEqualTo(Money.of("60000", "USD"));
        assertThat(then.closeDate()).isEqualTo(d("2026-03-15"));
        assertThat(then.history()).hasSize(2);
        assertThat(wonInMarch.asOf(d("2026-01-20")).orElseThrow().stage()).isEqualTo("Prospecting");
    }

    @Test
    void asOf_afterTheWin_isTheWonDeal() {
        assertThat(wonInMarch.asOf(d("2026-03-20"))).contains(wonInMarch);
    }

    @Test
    void asOf_withoutHistory_hidesTheOutcomeAndTheActualCloseDate() {
        Opportunity lost = Opportunity.builder("o2").owner("bob").stage("Closed Lost").amount("10", "USD")
                .created(d("2026-01-01")).lost(d("2026-05-01")).build();
        Opportunity then = lost.asOf(d("2026-02-01")).orElseThrow();
        assertThat(then.isOpen()).isTrue();
        assertThat(then.stage()).isEqualTo(Opportunity.UNKNOWN_STAGE);
        assertThat(then.closeDate()).isNull();
    }

    @Test
    void validation_namesTheOpportunityAndTheRule() {
        var base = Opportunity.builder("o9").owner("a").stage("Proposal").amount("10", "USD").created(d("2026-02-01"));
        assertThatThrownBy(() -> base.closeDate(d("2026-01-01")).build())
                .hasMessage("opportunity o9 closes on 2026-01-01, before it was created on 2026-02-01");
        assertThatThrownBy(() -> Opportunity.builder("o9").owner("a").stage("Proposal").amount("-1", "USD")
                .created(d("2026-02-01")).build()).hasMessage("opportunity o9 has negative amount USD -1.00");
        assertThatThrownBy(() -> Opportunity.builder("o9").owner("a").stage("Closed Won").amount("1", "USD")
                .created(d("2026-02-01")).status(OpportunityStatus.WON).build()).hasMessage("opportunity o9 is won but has no close date");
    }

    @Test
    void forecastCategory_defaultsToTheStages() {
        StageModel m = StageModel.defaultModel();
        Opportunity o = Opportunity.builder("o").owner("a").stage("negotiation").amount("1", "USD").created(d("2026-01-01")).build();
        assertThat(o.forecastCategory(m)).isEqualTo(ForecastCategory.COMMIT);
        assertThat(o.toBuilder().forecastCategory(ForecastCategory.BEST_CASE).build().forecastCategory(m)).isEqualTo(ForecastCategory.BEST_CASE);
        assertThat(wonInMarch.forecastCategory(m)).isEqualTo(ForecastCategory.CLOSED);
    }

    @Test
    void field_readsStandardFieldsAndAttributes() {
        Opportunity o = wonInMarch.toBuilder().product("Platform").attribute("region", "EMEA").build();
        assertThat(o.field("product")).contains("Platform");
        assertThat(o.field("region")).contains("EMEA");
        assertThat(o.field("owner")).contains("alice");
        assertThat(o.field("type")).isEmpty();
    }

    @Test
    void stageModel_lookupIgnoresCaseAndNamesUnknownStages() {
        StageModel m = StageModel.defaultModel();
        assertThat(m.stage("closed won").outcome()).isEqualTo(OpportunityStatus.WON);
        assertThat(m.order("Proposal")).isEqualTo(3);
        assertThatThrownBy(() -> m.stage("Demo")).hasMessageStartingWith("unknown stage \"Demo\"");
        assertThatThrownBy(() -> StageModel.of(java.util.List.of(Stage.open("A", "10", ForecastCategory.PIPELINE),
                Stage.open("a", "20", ForecastCategory.PIPELINE))))
                .hasMessageContaining("\"a\" appears more than once").hasMessageContaining("no closed-won stage");
        assertThatThrownBy(() -> Stage.open("X", "120", ForecastCategory.COMMIT)).hasMessageContaining("120%, outside 0%..100%");
    }
}
