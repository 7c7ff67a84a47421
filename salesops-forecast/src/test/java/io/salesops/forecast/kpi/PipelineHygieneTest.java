package io.salesops.forecast.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineHygieneTest {

    static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    static Opportunity.Builder deal(String id, LocalDate created) {
        return Opportunity.builder(id).owner("ann").account("A1").product("core").stage("Proposal").amount("100.00", "USD")
                .created(created);
    }

    static List<HygieneFlag> flagsOf(List<HygieneFlag> all, String id) {
        return all.stream().filter(f -> f.dealId().equals(id)).toList();
    }

    @Test
    void eachRule_flagsTheDealThatBreaksIt_andNoOther() {
        List<Opportunity> opps = new ArrayList<>();
        for (int i = 0; i < 9; i++) { // closed deals: usual age at close 30 days
            opps.add(deal("C" + i, LocalDate.of(2026, 1, 1)).account("C" + i).won(LocalDate.of(2026, 1, 31)).build());
        }
        opps.add(deal("OK", DAY.minusDays(10)).account("A2").closeDate(DAY.plusDays(20)).build());
        opps.add(deal("PAST", DAY.minusDays(10)).account("A3").closeDate(DAY.minusDays(4)).build());
        opps.add(deal("STALE", DAY.minusDays(200)).account("A4").closeDate(DAY.plusDays(5)).build());
        opps.add(deal("BARE", DAY.minusDays(5)).account(null).product(null).amount("0.00", "USD").build());
        opps.add(deal("DUP1", DAY.minusDays(5)).account("A9").closeDate(DAY.plusDays(9)).build());
        opps.add(deal("DUP2", DAY.minusDays(3)).account("A9").closeDate(DAY.plusDays(9)).build());
        opps.add(deal("BACK", DAY.minusDays(20)).account("A5").closeDate(DAY.plusDays(9))
                .change(DAY.minusDays(20), "Qualification").change(DAY.minusDays(10), "Proposal")
                .change(DAY.minusDays(5), "Qualification").stage("Qualification").build());
        List<HygieneFlag> all = PipelineHygiene.of(opps).asOf(DAY).run();
        assertThat(flagsOf(all, "OK")).isEmpty();
        assertThat(flagsOf(all, "C1")).isEmpty();
        assertThat(flagsOf(all, "PAST")).extracting(HygieneFlag::rule).containsExactly(HygieneFlag.Rule.PAST_CLOSE_DATE);
        assertThat(flagsOf(all, "PAST").get(0).detail()).contains("2026-06-26").contains("4 days");
        assertThat(flagsOf(all, "STALE")).extracting(HygieneFlag::rule).containsExactly(HygieneFlag.Rule.STALE);
        assertThat(flagsOf(all, "STALE").get(0).detail()).contains("200 days in Proposal").contains("3 x the usual 30 days");
        assertThat(flagsOf(all, "BARE")).extracting(HygieneFlag::detail)
                .containsExactly("no close date", "no account", "no product", "amount is zero");
        assertThat(flagsOf(all, "DUP1")).isEmpty();
        assertThat(flagsOf(all, "DUP2")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(HygieneFlag.Rule.LIKELY_DUPLICATE);
            assertThat(f.detail()).contains("DUP1");
        });
        assertThat(flagsOf(all, "BACK")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(HygieneFlag.Rule.STAGE_REGRESSION);
            assertThat(f.detail()).isEqualTo("moved back from Proposal to Qualification on " + DAY.minusDays(5));
        });
    }

    @Test
    void aStageWithHistory_isStaleAgainstItsOwnUsualStay() {
        List<Opportunity> opps = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // five deals spent 10 days in Proposal
            opps.add(deal("H" + i, LocalDate.of(2026, 1, 1)).account("H" + i).change(new StageChange(LocalDate.of(2026, 1, 1),
                    "Proposal", null, null)).change(LocalDate.of(2026, 1, 11), "Closed Won").stage("Closed Won")
                    .won(LocalDate.of(2026, 1, 11)).build());
        }
        opps.add(deal("SLOW", DAY.minusDays(31)).account("S").closeDate(DAY.plusDays(3)).build());
        List<HygieneFlag> all = PipelineHygiene.of(opps).asOf(DAY).run();
        assertThat(flagsOf(all, "SLOW")).singleElement().satisfies(f ->
                assertThat(f.detail()).isEqualTo("31 days in Proposal, more than 3 x its usual 10 days in Proposal"));
        assertThatThrownBy(() -> PipelineHygiene.of(opps).staleAfter(0.5)).hasMessageContaining("0.5");
    }
}
