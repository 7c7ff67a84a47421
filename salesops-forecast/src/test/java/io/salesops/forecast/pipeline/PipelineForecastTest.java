package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.StageModel;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageChange;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineForecastTest {

    static final Period Q3 = FiscalCalendar.calendarYear().parse("2026-Q3");
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 15);

    static Opportunity open(String id, String owner, String stage, String amount, LocalDate close) {
        return Opportunity.builder(id).owner(owner).stage(stage).amount(amount, "USD")
                .created(LocalDate.of(2026, 6, 1)).closeDate(close).build();
    }

    static Opportunity won(String id, String owner, String amount, LocalDate created, LocalDate close) {
        return Opportunity.builder(id).owner(owner).stage("Closed Won").amount(amount, "USD").created(created).won(close).build();
    }

    static Money usd(String s) {
        return Money.of(s, "USD");
    }

    /** Three open deals at fixed probabilities and one won deal; no history to learn timing from beyond the won one. */
    static List<Opportunity> threeOpenOneWon() {
        return List.of(
                open("O-1", "ann", "Proposal", "1000.00", LocalDate.of(2026, 8, 10)),     // 50%, Best Case
                open("O-2", "ann", "Negotiation", "2000.00", LocalDate.of(2026, 9, 30)),  // 75%, Commit
                open("O-3", "bob", "Prospecting", "333.33", LocalDate.of(2026, 7, 20)),   // 10%, Pipeline
                won("W-1", "bob", "400.00", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 2)));
    }

    @Test
    void run_threeOpenDealsAtFixedProbabilities_expectedIsTheHandSum() {
        ForecastReport r = PipelineForecast.of(threeOpenOneWon()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3)
                .timing(TimingSource.CLOSE_DATE).run();
        ForecastNode t = r.root();
        // 1000 x 0.5 + 2000 x 0.75 + 333.33 x 0.1 = 500 + 1500 + 33.333 -> 33.33
        assertThat(t.openExpected()).isEqualTo(usd("2033.33"));
        assertThat(t.closed()).isEqualTo(usd("400.00"));
        assertThat(t.notYetCreated()).isEqualTo(usd("0.00"));
        assertThat(t.expected()).isEqualTo(usd("2433.33"));
        assertThat(t.openPipeline()).isEqualTo(usd("3333.33"));
        assertThat(t.openDeals()).isEqualTo(3);
        assertThat(r.deal("O-3").orElseThrow().expected()).isEqualTo(usd("33.33"));
        assertThat(r.deal("O-3").orElseThrow().winSource()).isEqualTo(ProbabilitySource.STAGE_MODEL);
        assertThat(r.deal("O-2").orElseThrow().probability()).isEqualByComparingTo("0.75");
    }

    @Test
    void run_categories_giveSalesforceCumulativeViews() {
        ForecastNode t = PipelineForecast.of(threeOpenOneWon()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3)
                .timing(TimingSource.CLOSE_DATE).run().root();
        assertThat(t.commit()).isEqualTo(usd("2000.00"));
        assertThat(t.bestCase()).isEqualTo(usd("1000.00"));
        assertThat(t.pipeline()).isEqualTo(usd("333.33"));
        assertThat(t.commitForecast()).isEqualTo(usd("2400.00"));      // closed + commit
        assertThat(t.bestCaseForecast()).isEqualTo(usd("3400.00"));    // closed + commit + best case
    }

    @Test
    void run_repOverridesCategory_usesTheRepsCategory() {
        List<Opportunity> opps = List.of(Opportunity.builder("O-1").owner("ann").stage("Proposal").amount("100.00", "USD")
                .created(LocalDate.of(2026, 6, 1)).closeDate(LocalDate.of(2026, 8, 1)).forecastCategory(ForecastCategory.COMMIT).build());
        ForecastNode t = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).run().root();
        assertThat(t.commit()).isEqualTo(usd("100.00"));
        assertThat(t.bestCase()).isEqualTo(usd("0.00"));
    }

    @Test
    void run_closeDateOutsideThePeriod_countsInOpenPipelineButNotInCategoriesOrExpected() {
        List<Opportunity> opps = List.of(open("O-1", "ann", "Negotiation", "100.00", LocalDate.of(2026, 10, 5)));
        ForecastNode t = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE).run().root();
        assertThat(t.openPipeline()).isEqualTo(usd("100.00"));
        assertThat(t.commit()).isEqualTo(usd("0.00"));
        assertThat(t.expected()).isEqualTo(usd("0.00"));
    }

    @Test
    void run_dealWonAfterTheAsOfDate_countsAsOpenAtItsStageThen() {
        Opportunity later = Opportunity.builder("O-1").owner("ann").stage("Closed Won").amount("800.00", "USD")
                .created(LocalDate.of(2026, 6, 1))
                .change(new StageChange(LocalDate.of(2026, 6, 1), "Proposal", null, LocalDate.of(2026, 8, 15)))
                .change(LocalDate.of(2026, 8, 20), "Closed Won").won(LocalDate.of(2026, 8, 20)).build();
        Opportunity notYet = open("O-2", "ann", "Proposal", "999.00", LocalDate.of(2026, 8, 1)).toBuilder()
                .created(LocalDate.of(2026, 7, 20)).build();
        ForecastReport r = PipelineForecast.of(List.of(later, notYet)).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3)
                .timing(TimingSource.CLOSE_DATE).run();
        assertThat(r.root().closed()).isEqualTo(usd("0.00"));
        assertThat(r.root().openPipeline()).isEqualTo(usd("800.00"));
        assertThat(r.deal("O-1").orElseThrow().stage()).isEqualTo("Proposal");
        assertThat(r.root().openExpected()).isEqualTo(usd("400.00"));
        assertThat(r.deal("O-2")).isEmpty();
    }

    @Test
    void run_dealWonLaterWithoutHistory_isAtUnknownStageAndUsesTheOverallRate() {
        List<Opportunity> opps = new ArrayList<>();
        opps.add(Opportunity.builder("O-1").owner("ann").stage("Closed Won").amount("1000.00", "USD")
                .created(LocalDate.of(2026, 6, 1)).won(LocalDate.of(2026, 8, 1)).build());
        // history: 1 of 4 closed deals won -> 25%
        opps.add(won("H-1", "ann", "10.00", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)));
        for (int i = 2; i <= 4; i++) {
            opps.add(Opportunity.builder("H-" + i).owner("ann").stage("Closed Lost").amount("10.00", "USD")
                    .created(LocalDate.of(2026, 1, 1)).lost(LocalDate.of(2026, 2, 1)).build());
        }
        ForecastReport r = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE).run();
        DealForecast d = r.deal("O-1").orElseThrow();
        assertThat(d.stage()).isEqualTo(Opportunity.UNKNOWN_STAGE);
        assertThat(d.winSource()).isEqualTo(ProbabilitySource.OVERALL);
        assertThat(d.pWin()).isEqualTo(0.25);
        assertThat(d.closeDate()).isNull();
        assertThat(d.expected()).isEqualTo(usd("0.00")); // no close date known: not in the period by close date
    }

    @Test
    void run_learnedProbabilities_shrinkAStageWithThreeWinsTowardTheOverallRate() {
        List<Opportunity> h = new ArrayList<>();
        LocalDate c0 = LocalDate.of(2026, 1, 5);
        // 3 deals at Proposal, all won; 7 at Prospecting, 1 won. Overall 4/10 = 40%.
        for (int i = 0; i < 10; i++) {
            boolean proposal = i < 3;
            boolean win = proposal || i == 3;
            Opportunity.Builder b = Opportunity.builder("H-" + i).owner("ann").amount("100.00", "USD").created(c0)
                    .change(c0, proposal ? "Proposal" : "Prospecting");
            LocalDate close = c0.plusDays(10);
            b = win ? b.stage("Closed Won").change(close, "Closed Won").won(close)
                    : b.stage("Closed Lost").change(close, "Closed Lost").lost(close);
            h.add(b.build());
        }
        Opportunity deal = Opportunity.builder("O-1").owner("ann").stage("Proposal").amount("1300.00", "USD")
                .created(LocalDate.of(2026, 7, 1)).closeDate(LocalDate.of(2026, 8, 1)).build();
        ForecastReport r = PipelineForecast.of(List.of(deal)).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).learnedProbabilities(h)
                .timing(TimingSource.CLOSE_DATE).notYetCreated(false, 1).run();
        DealForecast d = r.deal("O-1").orElseThrow();
        // (3 + 10 x 0.4) / (3 + 10) = 7/13
        assertThat(d.pWin()).isCloseTo(7.0 / 13, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.winSource()).isEqualTo(ProbabilitySource.LEARNED);
        assertThat(d.winExplanation()).contains("Proposal: 3 of 3 won").contains("4 of 10");
        // 1300 x 0.538461538 = 699.9999994 -> 700.00
        assertThat(d.expected()).isEqualTo(usd("700.00"));
    }

    @Test
    void shrink_isThePosteriorMeanOfABetaPrior() {
        assertThat(Shrinkage.shrink(3, 3, 0.3, 10)).isCloseTo(6.0 / 13, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(Shrinkage.shrink(0, 0, 0.3, 10)).isEqualTo(0.3);
        assertThat(Shrinkage.shrink(5, 10, 0.9, 0)).isEqualTo(0.5);
    }

    static Org org() {
        return Org.of(List.of(Rep.of("vp", null), Rep.of("m1", "vp"), Rep.of("ann", "m1"), Rep.of("bob", "m1"),
                Rep.of("m2", "vp"), Rep.of("cat", "m2")));
    }

    @Test
    void byOwner_rollsUpThroughTheOrgAndManagersOwnDealsFormAChild() {
        List<Opportunity> opps = new ArrayList<>(threeOpenOneWon());
        opps.add(open("O-4", "m1", "Negotiation", "100.00", LocalDate.of(2026, 8, 1)));
        ForecastReport r = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE)
                .byOwner(org()).run();
        ForecastNode m1 = r.node("m1").orElseThrow();
        assertThat(m1.children()).extracting(ForecastNode::group).containsExactly("ann", "bob", "m1 (own)");
        assertThat(r.node("ann").orElseThrow().openExpected()).isEqualTo(usd("2000.00"));
        assertThat(r.node("bob").orElseThrow().expected()).isEqualTo(usd("433.33"));
        assertThat(r.node("m1 (own)").orElseThrow().openExpected()).isEqualTo(usd("75.00"));
        assertThat(m1.expected()).isEqualTo(usd("2508.33"));
        assertThat(r.root().expected()).isEqualTo(usd("2508.33"));
        assertThat(r.node("m2").orElseThrow().expected()).isEqualTo(usd("0.00"));
        assertThat(r.node("m2 (own)")).isEmpty(); // no deals of m2's own
    }

    @Test
    void byDimension_groupsByAnyFieldSortedByValue() {
        List<Opportunity> opps = List.of(
                open("O-1", "ann", "Negotiation", "100.00", LocalDate.of(2026, 8, 1)).toBuilder().product("B").build(),
                open("O-2", "ann", "Negotiation", "200.00", LocalDate.of(2026, 8, 1)).toBuilder().product("A").build(),
                open("O-3", "bob", "Negotiation", "400.00", LocalDate.of(2026, 8, 1)));
        ForecastReport r = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE)
                .by("product").run();
        assertThat(r.root().children()).extracting(ForecastNode::group).containsExactly("(none)", "A", "B");
        assertThat(r.node("A").orElseThrow().openExpected()).isEqualTo(usd("150.00"));
        assertThat(r.root().openExpected()).isEqualTo(usd("525.00"));
    }

    @Test
    void byTeam_takesTheTeamFromTheOrgWhenTheDealHasNone() {
        Org org = Org.of(List.of(new Rep("ann", null, null, "east", null, null, null), new Rep("bob", null, null, "west", null, null, null)));
        ForecastReport r = PipelineForecast.of(threeOpenOneWon()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE)
                .org(org).by("team").run();
        assertThat(r.node("east").orElseThrow().openPipeline()).isEqualTo(usd("3000.00"));
        assertThat(r.node("west").orElseThrow().closed()).isEqualTo(usd("400.00"));
    }

    @Test
    void quotas_giveAttainmentAndCoverage() {
        Quotas q = Quotas.of(List.of(new Quota("bob", Q3, usd("1000.00")),
                new Quota("ann", FiscalCalendar.calendarYear().parse("2026-07"), usd("1000.00")),
                new Quota("ann", FiscalCalendar.calendarYear().parse("2026-08"), usd("1000.00")),
                new Quota("ann", FiscalCalendar.calendarYear().parse("2026-09"), usd("2000.00"))));
        ForecastReport r = PipelineForecast.of(threeOpenOneWon()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE)
                .byOwner(org()).quotas(q).run();
        ForecastNode bob = r.node("bob").orElseThrow();
        assertThat(bob.quota()).contains(usd("1000.00"));
        assertThat(bob.attainment().orElseThrow().value()).isEqualByComparingTo("40");   // 400 / 1000
        // open 333.33 / (1000 - 400) = 0.55555 -> 0.56
        assertThat(bob.coverage()).contains(new BigDecimal("0.56"));
        ForecastNode ann = r.node("ann").orElseThrow();
        assertThat(ann.quota()).contains(usd("4000.00"));                         // three months tile the quarter
        assertThat(ann.coverage()).contains(new BigDecimal("0.75"));              // 3000 / 4000
        assertThat(r.node("m1").orElseThrow().quota()).contains(usd("5000.00"));  // no own quota: the team's
        assertThat(r.node("m2").orElseThrow().quota()).isEmpty();
    }

    @Test
    void adjustments_overrideANodeAndRollUpWhileTheUnadjustedNumberStays() {
        Instant t0 = Instant.parse("2026-07-15T09:00:00Z");
        ForecastReport r = PipelineForecast.of(threeOpenOneWon()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE)
                .byOwner(org())
                .adjustments(List.of(new Adjustment("ann", usd("1500.00"), "O-2 at risk", "m1", t0),
                        new Adjustment("ann", usd("1800.00"), "O-2 back on track", "m1", t0.plusSeconds(60))))
                .run();
        ForecastNode ann = r.node("ann").orElseThrow();
        assertThat(ann.expected()).isEqualTo(usd("2000.00"));
        assertThat(ann.adjustedExpected()).isEqualTo(usd("1800.00"));
        assertThat(ann.adjustments()).hasSize(2);
        assertThat(r.node("bob").orElseThrow().adjustedExpected()).isEqualTo(usd("433.33"));
        assertThat(r.root().expected()).isEqualTo(usd("2433.33"));
        assertThat(r.root().adjustedExpected()).isEqualTo(usd("2233.33"));
    }

    @Test
    void adjustment_ofAnUnknownGroup_isRejectedNamingIt() {
        PipelineForecast f = PipelineForecast.of(threeOpenOneWon()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).byOwner(org())
                .adjustments(List.of(new Adjustment("zed", usd("1.00"), "", "vp", Instant.EPOCH)));
        assertThatThrownBy(f::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"zed\"");
    }

    @Test
    void unknownStage_ofAGivenModel_isRejectedNamingTheOpportunityAndTheStage() {
        List<Opportunity> opps = List.of(open("O-9", "ann", "Demo", "1.00", LocalDate.of(2026, 8, 1)));
        assertThatThrownBy(() -> PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).stages(StageModel.defaultModel()).run())
                .isInstanceOf(PipelineInputException.class).hasMessageContaining("O-9").hasMessageContaining("\"Demo\"");
    }

    @Test
    void ownerMissingFromTheOrg_isRejectedNamingTheOpportunityAndOwner() {
        List<Opportunity> opps = List.of(open("O-9", "zoe", "Proposal", "1.00", LocalDate.of(2026, 8, 1)));
        assertThatThrownBy(() -> PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).byOwner(org()).run())
                .isInstanceOf(PipelineInputException.class).hasMessageContaining("O-9").hasMessageContaining("zoe");
    }

    @Test
    void mixedCurrencies_areRejectedNamingTheOpportunity() {
        List<Opportunity> opps = List.of(open("O-1", "ann", "Proposal", "1.00", LocalDate.of(2026, 8, 1)),
                open("O-2", "ann", "Proposal", "1.00", LocalDate.of(2026, 8, 1)).toBuilder().amount("1.00", "EUR").build());
        assertThatThrownBy(() -> PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).run())
                .isInstanceOf(PipelineInputException.class).hasMessageContaining("O-2").hasMessageContaining("EUR");
    }

    @Test
    void closeDateBeforeCreation_andNegativeAmount_areRejectedByTheRecordNamingIt() {
        assertThatThrownBy(() -> Opportunity.builder("O-7").owner("ann").stage("Proposal").amount("1.00", "USD")
                .created(LocalDate.of(2026, 7, 1)).closeDate(LocalDate.of(2026, 6, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("O-7").hasMessageContaining("before it was created");
        assertThatThrownBy(() -> Opportunity.builder("O-8").owner("ann").stage("Proposal").amount("-1.00", "USD")
                .created(LocalDate.of(2026, 7, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("O-8").hasMessageContaining("negative");
    }

    @Test
    void missingAsOfOrPeriod_failsSayingWhichCallIsMissing() {
        assertThatThrownBy(() -> PipelineForecast.of(List.of()).method(PipelineMethod.STAGE_WEIGHTED).period(Q3).run()).hasMessageContaining("asOf");
        assertThatThrownBy(() -> PipelineForecast.of(List.of()).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).run()).hasMessageContaining("period");
        assertThatThrownBy(() -> PipelineForecast.of(List.of()).method(PipelineMethod.STAGE_WEIGHTED).byOwner(org()).by("product")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void notYetCreated_isTheAverageOfPastPeriodsBookingsFromDealsCreatedAfterTheSameDay() {
        // as of day 15 of Q3; Q2 (from Apr 1, day 15 = Apr 15) and Q1 (Jan 15)
        List<Opportunity> opps = List.of(
                won("N-1", "ann", "300.00", LocalDate.of(2026, 4, 20), LocalDate.of(2026, 5, 1)),  // new after Apr 15
                won("N-2", "ann", "100.00", LocalDate.of(2026, 4, 10), LocalDate.of(2026, 5, 1)),  // created before: not new
                won("N-3", "ann", "101.00", LocalDate.of(2026, 1, 16), LocalDate.of(2026, 3, 1))); // new after Jan 15
        ForecastReport r = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).timing(TimingSource.CLOSE_DATE)
                .notYetCreated(true, 2).run();
        // (300.00 + 101.00) / 2 = 200.50
        assertThat(r.root().notYetCreated()).isEqualTo(usd("200.50"));
        assertThat(r.root().expected()).isEqualTo(usd("200.50"));
    }

    @Test
    void simulation_withCertainOutcomes_hasAllPercentilesAtTheExpectedValue() {
        List<Opportunity> opps = List.of(open("O-1", "ann", "Negotiation", "100.00", LocalDate.of(2026, 8, 1)),
                open("O-2", "ann", "Negotiation", "200.00", LocalDate.of(2026, 10, 1)));
        var model = io.salesops.core.crm.StageModel.of(List.of(io.salesops.core.crm.Stage.open("Negotiation", "100", ForecastCategory.COMMIT),
                io.salesops.core.crm.Stage.won("Won"), io.salesops.core.crm.Stage.lost("Lost")));
        ForecastNode t = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).stages(model).timing(TimingSource.CLOSE_DATE)
                .simulations(1000, 7).run().root();
        assertThat(t.p10()).contains(usd("100.00"));
        assertThat(t.p50()).contains(usd("100.00"));
        assertThat(t.p90()).contains(usd("100.00"));
        assertThat(t.expected()).isEqualTo(usd("100.00"));
    }

    @Test
    void expectedMinor_roundsHalfEvenExactly() {
        assertThat(ExpectedValue.expectedMinor(1, 500_000_000L, java.math.RoundingMode.HALF_EVEN)).isEqualTo(0);
        assertThat(ExpectedValue.expectedMinor(3, 500_000_000L, java.math.RoundingMode.HALF_EVEN)).isEqualTo(2);
        assertThat(ExpectedValue.expectedMinor(33333, 100_000_000L, java.math.RoundingMode.HALF_EVEN)).isEqualTo(3333);
        assertThat(ExpectedValue.expectedMinor(Long.MAX_VALUE / 2, 500_000_000L, java.math.RoundingMode.HALF_EVEN))
                .isEqualTo(2305843009213693952L); // 4611686018427387903 x 0.5 = ...951.5 -> half-even ...952
    }

    @Test
    void largeInput_isSplitIntoChunksAndGivesTheSameReportOnAnyThreadCount() {
        List<Opportunity> opps = RandomPipeline.make(11, 150_000);   // more than two chunks of 65,536
        PipelineForecast f = PipelineForecast.of(opps).method(PipelineMethod.STAGE_WEIGHTED).asOf(AS_OF).period(Q3).byOwner(RandomPipeline.ORG);
        ForecastReport one = f.threads(1).run();
        ForecastReport two = f.threads(2).run();
        assertThat(two.nodes()).extracting(ForecastNode::toString).isEqualTo(one.nodes().stream().map(ForecastNode::toString).toList());
        assertThat(two.deals()).extracting(DealForecast::toString).isEqualTo(one.deals().stream().map(DealForecast::toString).toList());
        // deals come in input order
        List<String> ids = one.deals().stream().map(DealForecast::id).toList();
        java.util.Set<String> open = new java.util.HashSet<>(ids);
        List<String> inputOrder = opps.stream().map(Opportunity::id).filter(open::contains).toList();
        assertThat(ids).isEqualTo(inputOrder);
        Money dealSum = one.deals().stream().map(DealForecast::expected).reduce(Money.zero("USD"), Money::plus);
        assertThat(dealSum).isEqualTo(one.root().openExpected());
    }
}
