package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeToEventTest {

    static final Period Q3 = FiscalCalendar.calendarYear().parse("2026-Q3");
    static final LocalDate AS_OF = Q3.start();

    /** {@code n} deals created on {@code created}, each closed {@code days} later, won if {@code won}. */
    static List<Opportunity> closed(String prefix, int n, LocalDate created, int days, boolean won) {
        List<Opportunity> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Opportunity.Builder b = Opportunity.builder(prefix + i).owner("ann").stage(won ? "Won" : "Lost")
                    .amount("1000.00", "USD").created(created);
            out.add((won ? b.won(created.plusDays(days)) : b.lost(created.plusDays(days))).build());
        }
        return out;
    }

    static Opportunity open(String id, LocalDate created) {
        return Opportunity.builder(id).owner("ann").stage("Engaging").amount("1000.00", "USD").created(created).build();
    }

    static ForecastReport forecast(List<Opportunity> opps) {
        return PipelineForecast.of(opps).asOf(AS_OF).period(Q3).method(PipelineMethod.TIME_TO_EVENT).notYetCreated(false, 1).run();
    }

    @Test
    void aDealOlderThanAnyThatEverWon_getsZero_andTheExplanationSaysSo() {
        List<Opportunity> opps = new ArrayList<>(closed("W", 50, LocalDate.of(2026, 1, 1), 30, true));
        opps.addAll(closed("L", 50, LocalDate.of(2026, 1, 1), 20, false));
        opps.add(open("ZOMBIE", AS_OF.minusDays(332)));
        DealForecast d = forecast(opps).deals().get(0);
        assertThat(d.pWin()).isZero();
        assertThat(d.winSource()).isEqualTo(ProbabilitySource.TIME_TO_EVENT);
        assertThat(d.winExplanation()).contains("age 332d").contains("older than any deal that ever won");
    }

    @Test
    void wonAndLostAtTheSameAge_splitAYoungDealsChanceBetweenThem() {
        List<Opportunity> opps = new ArrayList<>(closed("W", 100, LocalDate.of(2026, 3, 1), 10, true));
        opps.addAll(closed("L", 100, LocalDate.of(2026, 3, 1), 10, false));
        opps.add(open("YOUNG", AS_OF.minusDays(3)));
        DealForecast d = forecast(opps).deals().get(0);
        // every deal closed at 10 days: half of the young deal's closing chance inside the quarter is a win
        assertThat(d.pWin()).isBetween(0.45, 0.5);
        assertThat(d.pInPeriod()).isEqualTo(1.0);
        assertThat(d.expected().minorUnits()).isEqualTo(Math.round(d.pWin() * 100_000));
    }

    @Test
    void dealsStillOpen_countAsAtRiskUntilTheAsOfDay_notAsLosses() {
        // 20 wins at 10 days and 180 deals still open at 100 days: a young deal's chance is the 10-day wins'
        // share of all deals that reached 10 days (20 of 200), not of the closed ones (20 of 20)
        List<Opportunity> opps = new ArrayList<>(closed("W", 20, AS_OF.minusDays(100), 10, true));
        for (int i = 0; i < 180; i++) {
            opps.add(open("OPEN" + i, AS_OF.minusDays(100)));
        }
        opps.add(open("YOUNG", AS_OF.minusDays(3)));
        ForecastReport r = forecast(opps);
        DealForecast young = r.deals().stream().filter(d -> d.id().equals("YOUNG")).findFirst().orElseThrow();
        assertThat(young.pWin()).isBetween(0.08, 0.11);
    }

    @Test
    void dealsCreatedBeforeTheRecordOfClosesBegan_countAsAtRiskOnlyFromThen() {
        // closed deals were archived before 2 April: of a cohort created 250 days before the as-of day only those
        // still open then are in the export (closed at 160 days); the deals created since close at 10 days, so a
        // first close 160 days after the first deal cannot be the team's first
        List<Opportunity> opps = new ArrayList<>(closed("EW", 50, AS_OF.minusDays(250), 160, true));
        opps.addAll(closed("EL", 50, AS_OF.minusDays(250), 160, false));
        opps.addAll(closed("W", 75, AS_OF.minusDays(60), 10, true));
        opps.addAll(closed("L", 75, AS_OF.minusDays(60), 10, false));
        opps.add(open("YOUNG", AS_OF.minusDays(3)));
        ForecastReport r = forecast(opps);
        DealForecast young = r.deals().stream().filter(d -> d.id().equals("YOUNG")).findFirst().orElseThrow();
        // half the deals that reached 10 days won then; counting the archived cohort as at risk from its creation
        // (days on which nothing could be recorded) would dilute that to about 0.31
        assertThat(young.pWin()).isBetween(0.44, 0.5);
        assertThat(r.assumptions()).anyMatch(a -> a.startsWith("closes recorded from " + AS_OF.minusDays(90)
                + ", the first close, 160 days after the first deal"));
    }

    @Test
    void aFreshExport_whoseFirstCloseCameAsSoonAsDealsCloseAtAll_isRecordedFromItsFirstDeal() {
        List<Opportunity> opps = new ArrayList<>(closed("W", 75, AS_OF.minusDays(60), 10, true));
        opps.addAll(closed("L", 75, AS_OF.minusDays(60), 12, false));
        assertThat(DataStart.closesFrom(opps, AS_OF)).isEqualTo(AS_OF.minusDays(60));
        // as known 9 days after the first deal nothing had closed
        assertThat(DataStart.closesFrom(opps, AS_OF.minusDays(51))).isEqualTo(AS_OF.minusDays(60));
        assertThat(forecast(opps).assumptions()).noneMatch(a -> a.startsWith("closes recorded from"));
    }

    @Test
    void anOwnerWhoWinsMore_getsAHigherChance_shrunkTowardEveryone() {
        List<Opportunity> opps = new ArrayList<>(closed("W", 40, LocalDate.of(2026, 3, 1), 10, true));
        opps.addAll(closed("L", 40, LocalDate.of(2026, 3, 1), 10, false));
        for (Opportunity o : closed("B", 40, LocalDate.of(2026, 3, 1), 10, true)) {
            opps.add(o.toBuilder().owner("bob").build());
        }
        opps.add(open("ANN", AS_OF.minusDays(3)));
        opps.add(open("BOB", AS_OF.minusDays(3)).toBuilder().owner("bob").build());
        ForecastReport r = forecast(opps);
        double ann = r.deals().stream().filter(d -> d.id().equals("ANN")).findFirst().orElseThrow().pWin();
        double bob = r.deals().stream().filter(d -> d.id().equals("BOB")).findFirst().orElseThrow().pWin();
        assertThat(bob).isGreaterThan(ann);
        assertThat(bob).isLessThan(0.95); // shrunk: bob never lost, but 8 pseudo-events pull him toward everyone
    }

    /** A deal of {@code owner} created on {@code created} and won {@code days} later, worth {@code dollars}. */
    static Opportunity wonBy(String id, String owner, LocalDate created, int days, String dollars) {
        return Opportunity.builder(id).owner(owner).stage("Won").amount(dollars, "USD").created(created)
                .won(created.plusDays(days)).build();
    }

    @Test
    void notYetCreated_isThePastPeriodsAverage_splitByEachOwnersRecentPaceOfCreatingDeals() {
        List<Opportunity> opps = new ArrayList<>();
        // the data start in December, so Q1 and Q2 count: deals created after the quarter's first day and won
        // inside it were worth 600 (bob's) and 1,000 dollars (ann's), on average 800
        opps.add(Opportunity.builder("OLD").owner("bob").stage("Lost").amount("50.00", "USD").created(LocalDate.of(2025, 12, 1))
                .lost(LocalDate.of(2025, 12, 20)).build());
        opps.add(wonBy("Q1-1", "bob", LocalDate.of(2026, 1, 10), 20, "600.00"));
        opps.add(wonBy("Q2-1", "ann", LocalDate.of(2026, 4, 2), 20, "1000.00"));
        // in the 92 days up to 1 July (Q3's length: 1 April to 1 July) ann created 1,200 dollars of deals, cid 400
        // (the deal of 31 March is a day too old) and bob nothing (he left): 800 splits about 600 / 200 / 0; each
        // pace times the owner's win rate shrunk by 20 deals toward everyone's 2 of 3: ann won her one closed deal,
        // (1 + 20 x 2/3) / 21, cid closed none, 2/3, so 1,200 x 0.6825 : 400 x 0.6667 splits 603.51 / 196.49
        opps.add(Opportunity.builder("A1").owner("ann").stage("Engaging").amount("200.00", "USD").created(AS_OF.minusDays(10)).build());
        opps.add(Opportunity.builder("C1").owner("cid").stage("Engaging").amount("400.00", "USD").created(AS_OF.minusDays(91)).build());
        opps.add(Opportunity.builder("C2").owner("cid").stage("Engaging").amount("900.00", "USD").created(AS_OF.minusDays(92)).build());
        ForecastReport r = PipelineForecast.of(opps).asOf(AS_OF).period(Q3).by("owner").method(PipelineMethod.TIME_TO_EVENT).run();
        assertThat(r.node("ann").orElseThrow().notYetCreated().minorUnits()).isEqualTo(60_351);
        assertThat(r.node("cid").orElseThrow().notYetCreated().minorUnits()).isEqualTo(19_649);
        assertThat(r.node("bob").map(n -> n.notYetCreated().minorUnits()).orElse(0L)).isZero();
        assertThat(r.root().notYetCreated().minorUnits()).isEqualTo(80_000);
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("split among the groups by the value of the deals"
                + " each created in the 92 days up to the as-of day"));
        // the stage-weighted method keeps each group's own past
        ForecastReport sw = PipelineForecast.of(opps).asOf(AS_OF).period(Q3).by("owner").method(PipelineMethod.STAGE_WEIGHTED).run();
        assertThat(sw.node("bob").orElseThrow().notYetCreated().minorUnits()).isEqualTo(30_000);
        assertThat(sw.node("ann").orElseThrow().notYetCreated().minorUnits()).isEqualTo(50_000);
    }

    /**
     * {@code owner} creates a deal every 2 days from {@code from} to {@code to}; each closes 10 to 150 days later,
     * won every other one, unless its close falls after {@code left} (then it sits open, as a leaver's deals do)
     * or after the as-of day.
     */
    static List<Opportunity> steady(String owner, LocalDate from, LocalDate to, LocalDate left) {
        List<Opportunity> out = new ArrayList<>();
        int i = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(2), i++) {
            Opportunity.Builder b = Opportunity.builder(owner + i).owner(owner).amount("1000.00", "USD").created(d);
            LocalDate close = d.plusDays(10 + (i * 37) % 141);
            if (close.isAfter(left) || close.isAfter(AS_OF)) {
                out.add(b.stage("Engaging").build());
            } else {
                out.add((i % 2 == 0 ? b.stage("Won").won(close) : b.stage("Lost").lost(close)).build());
            }
        }
        return out;
    }

    /** Four owners creating deals to the end, three who stopped on 15 March; P(won) of one open deal of each kind. */
    private static DealForecast[] activeAndGone(LocalDate leaversLeft) {
        return activeAndGoneReport(leaversLeft).deals().stream().filter(d -> d.id().equals("ACTIVE") || d.id().equals("GONE"))
                .sorted(java.util.Comparator.comparing(DealForecast::id)).toArray(DealForecast[]::new);
    }

    private static ForecastReport activeAndGoneReport(LocalDate leaversLeft) {
        List<Opportunity> opps = new ArrayList<>();
        for (String o : List.of("ann", "bob", "cyd", "dan")) {
            opps.addAll(steady(o, LocalDate.of(2025, 10, 1), AS_OF.minusDays(1), LocalDate.MAX));
        }
        for (String o : List.of("eve", "fay", "gus")) {
            opps.addAll(steady(o, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 15), leaversLeft));
        }
        opps.add(open("ACTIVE", LocalDate.of(2026, 3, 15)));
        opps.add(open("GONE", LocalDate.of(2026, 3, 15)).toBuilder().owner("eve").build());
        return forecast(opps);
    }

    @Test
    void anOwnerGoneQuiet_whoseLeftDealsRotted_getsALowerChance_andTheExplanationSaysSo() {
        // the leavers' deals sat open after they left on 15 March: in their quiet spells nothing won
        DealForecast[] d = activeAndGone(LocalDate.of(2026, 3, 15));
        assertThat(d[0].pWin()).isGreaterThan(0.05);
        assertThat(d[1].pWin()).isLessThan(0.5 * d[0].pWin());
        assertThat(d[1].winExplanation()).contains("owner eve quiet: no deal created since 2026-03-15 (30 days")
                .contains("won 0 vs");
        assertThat(d[0].winExplanation()).doesNotContain("quiet");
        assertThat(activeAndGoneReport(LocalDate.of(2026, 3, 15)).assumptions()).anySatisfy(a -> assertThat(a)
                .startsWith("deals of owners quiet on the as-of day (no deal created for max(30, 3 x their mean gap) days;"
                        + " 3 owners) have the win hazard x0.").contains("learned from owners' past quiet spells (0 wins vs"));
    }

    @Test
    void anOwnerGoneQuiet_whoseDealsStillWon_keepsAboutTheUsualChance() {
        // the leavers stopped creating deals but their deals closed as everyone's: quiet spells held wins
        DealForecast[] d = activeAndGone(LocalDate.MAX);
        assertThat(d[1].winExplanation()).contains("owner eve quiet");
        assertThat(d[1].pWin()).isGreaterThan(0.75 * d[0].pWin());
    }

    @Test
    void notYetCreated_givesAnOwnerGoneQuietNoShare_andLeavesItOut_thoughTheyCreatedDealsInThePaceWindow() {
        // eve created a deal every 2 days until 15 May, inside the 92 days before 1 July, then nothing: quiet from 14 June
        List<Opportunity> opps = new ArrayList<>(steady("ann", LocalDate.of(2025, 10, 1), AS_OF.minusDays(1), LocalDate.MAX));
        opps.addAll(steady("eve", LocalDate.of(2025, 10, 1), LocalDate.of(2026, 5, 15), LocalDate.MAX));
        ForecastReport r = PipelineForecast.of(opps).asOf(AS_OF).period(Q3).by("owner").method(PipelineMethod.TIME_TO_EVENT).run();
        assertThat(r.root().notYetCreated().minorUnits()).isPositive();
        assertThat(r.node("eve").orElseThrow().notYetCreated().minorUnits()).isZero();
        assertThat(r.node("ann").orElseThrow().notYetCreated()).isEqualTo(r.root().notYetCreated());
        // eve's share is left out, not given to ann: in the 92 days ann created 46 deals and eve 23 at the same win
        // rate, so ann gets about two thirds of the past periods' average (what stage-weighted, by each group's own
        // past, adds up to)
        long whole = PipelineForecast.of(opps).asOf(AS_OF).period(Q3).by("owner").method(PipelineMethod.STAGE_WEIGHTED)
                .run().root().notYetCreated().minorUnits();
        assertThat(r.root().notYetCreated().minorUnits() / (double) whole).isBetween(0.6, 0.75);
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("owners quiet on the as-of day take no share, and the share their pace would take is left out)"));
    }

    @Test
    void notYetCreated_isSplitByPaceTimesEachOwnersWinRate_shrunkTowardEveryones() {
        // ann and bob create deals of the same value at the same pace; ann wins 4 of 5, bob 1 of 5
        List<Opportunity> opps = new ArrayList<>();
        int i = 0;
        for (LocalDate d = LocalDate.of(2025, 10, 1); d.isBefore(AS_OF); d = d.plusDays(2), i++) {
            for (String owner : List.of("ann", "bob")) {
                Opportunity.Builder b = Opportunity.builder(owner + i).owner(owner).amount("1000.00", "USD").created(d);
                boolean won = owner.equals("ann") ? i % 5 != 0 : i % 5 == 0;
                LocalDate close = d.plusDays(10);
                opps.add(close.isAfter(AS_OF) ? b.stage("Engaging").build()
                        : (won ? b.stage("Won").won(close) : b.stage("Lost").lost(close)).build());
            }
        }
        ForecastReport r = PipelineForecast.of(opps).asOf(AS_OF).period(Q3).by("owner").method(PipelineMethod.TIME_TO_EVENT).run();
        long ann = r.node("ann").orElseThrow().notYetCreated().minorUnits();
        long bob = r.node("bob").orElseThrow().notYetCreated().minorUnits();
        assertThat(ann + bob).isEqualTo(r.root().notYetCreated().minorUnits());
        // about 180 closed deals each in the last year: (144 + 20 x 0.5) / 200 against (36 + 20 x 0.5) / 200
        assertThat(ann / (double) bob).isBetween(3.0, 3.7);
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("times the share of its deals closed in the 365"
                + " days up to it that were won (shrunk toward everyone's by 20 deals"));
    }

    /**
     * A team whose deals created in a quarter's first month close within 8 days or never, while those created in
     * its other months win at 95 days: a first-month deal still open at 72 days is almost surely a zombie, a
     * second-month deal at 47 days is on its way.
     */
    static List<Opportunity> phasedTeam() {
        List<Opportunity> opps = new ArrayList<>();
        for (LocalDate first : List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 5))) {
            opps.addAll(closed("F" + first.getMonthValue() + "W", 50, first, 8, true));
            for (int i = 0; i < 50; i++) {
                opps.add(open("F" + first.getMonthValue() + "Z" + i, first));
            }
        }
        for (LocalDate later : List.of(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 1))) {
            opps.addAll(closed("L" + later.getMonthValue() + "W", 100, later, 95, true));
        }
        for (LocalDate d = LocalDate.of(2026, 1, 2); d.isBefore(AS_OF); d = d.plusDays(3)) {
            opps.add(open("PACE" + d, d)); // the owner keeps creating deals: not quiet
        }
        opps.add(open("FIRST_MONTH_72D", AS_OF.minusDays(72)));
        opps.add(open("SECOND_MONTH_47D", AS_OF.minusDays(47)));
        return opps;
    }

    @Test
    void aSurvivorOfAQuartersFastFirstMonth_getsThatMonthsLowHazards_notAllDeals() {
        ForecastReport r = forecast(phasedTeam());
        DealForecast first = r.deals().stream().filter(d -> d.id().equals("FIRST_MONTH_72D")).findFirst().orElseThrow();
        DealForecast second = r.deals().stream().filter(d -> d.id().equals("SECOND_MONTH_47D")).findFirst().orElseThrow();
        // all deals' hazards would give the first-month deal the later months' 95-day wins (P above 0.8); no
        // first-month deal ever won after 8 days, so only the pseudo-events at all deals' hazard remain
        assertThat(first.pWin()).isLessThan(0.25);
        assertThat(second.pWin()).isGreaterThan(0.8);
        assertThat(first.winExplanation()).contains("created in month 1 of its quarter");
        assertThat(second.winExplanation()).contains("created in month 2 of its quarter");
    }

    @Test
    void withoutCreationPhases_theSameSurvivorGetsAllDealsHazards() {
        // the contrast the test above rests on: pooled over all deals, the first-month survivor looks live
        TimeToEvent pooled = TimeToEvent.learn(phasedTeam(), AS_OF, List.of(), List.of());
        Opportunity deal = open("FIRST_MONTH_72D", AS_OF.minusDays(72));
        assertThat(pooled.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p()).isGreaterThan(0.8);
        TimeToEvent phased = TimeToEvent.learn(phasedTeam(), AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3));
        assertThat(phased.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p()).isLessThan(0.25);
    }

    @Test
    void whereTheMonthsCloseAlike_oneHazardServesAllDeals_asWithoutPhases() {
        // deals of every month win or lose at 20 to 40 days: the phases' counts are what all deals' hazards give
        List<Opportunity> opps = new ArrayList<>();
        int i = 0;
        for (LocalDate d = LocalDate.of(2026, 1, 2); d.isBefore(AS_OF.minusDays(45)); d = d.plusDays(1), i++) {
            opps.addAll(closed("D" + i + "W", 1, d, 20 + i % 21, i % 2 == 0));
        }
        Opportunity deal = open("YOUNG", AS_OF.minusDays(10));
        TimeToEvent phased = TimeToEvent.learn(opps, AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3));
        TimeToEvent pooled = TimeToEvent.learn(opps, AS_OF, List.of(), List.of());
        assertThat(phased.phaseAssumption()).isNull();
        TimeToEvent.Estimate e = phased.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end());
        assertThat(e.p()).isEqualTo(pooled.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p());
        assertThat(e.explanation()).doesNotContain("created in month");
        // the team above, whose first months close fast or never, does get phases, and the report says so
        assertThat(forecast(phasedTeam()).assumptions()).anySatisfy(a -> assertThat(a)
                .startsWith("hazards per month of the quarter a deal was created in (deviance"));
    }

    /**
     * Deals created four a day from October to June, each closing (two in three won) at 5 to 104 days unless it is
     * one of its month's deals that never close: a tenth in every month but April, whose share is
     * {@code aprilNeverClose}. A deal closing after the as-of day is open then.
     */
    static List<Opportunity> cohortTeam(int aprilNeverClose) {
        List<Opportunity> opps = new ArrayList<>();
        int j = 0;
        for (LocalDate d = LocalDate.of(2025, 10, 1); d.isBefore(AS_OF); d = d.plusDays(1)) {
            for (int k = 0; k < 4; k++, j++) {
                boolean april = d.getMonthValue() == 4;
                boolean never = april ? j % 100 < aprilNeverClose : j % 10 == 0;
                LocalDate close = d.plusDays(5 + (j * 37L) % 100);
                Opportunity.Builder b = Opportunity.builder("C" + j).owner("ann").amount("1000.00", "USD").created(d);
                opps.add(never || close.isAfter(AS_OF) ? b.stage("Engaging").build()
                        : (j % 3 != 0 ? b.stage("Won").won(close) : b.stage("Lost").lost(close)).build());
            }
        }
        opps.add(open("APRIL_76D", AS_OF.minusDays(76)));
        opps.add(open("OLDER_THAN_ANY_CLOSE", AS_OF.minusDays(200)));
        return opps;
    }

    static DealForecast deal(ForecastReport r, String id) {
        return r.deals().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSurvivorOfAMonthWhoseDealsOftenNeverClose_getsALowChance_andTheReportSaysWhy() {
        // half of April's deals never close: at 76 days most of its open deals are those, while in the other months
        // an open deal of that age is more likely one of the 28% of closing deals that take longer
        ForecastReport r = forecast(cohortTeam(50));
        DealForecast april = deal(r, "APRIL_76D");
        assertThat(april.pWin()).isLessThan(0.2);
        assertThat(april.winExplanation()).contains("creation month 2026-04: 46% of its 121 deals never close (16% of all"
                + " deals), so open at 76d P(won) 0.155 vs 0.498 by the pooled hazards");
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).startsWith("deals of each creation month differ in the"
                + " share that never closes (likelihood ratio").contains("2026-04 46%"));
        // a deal older than any deal that ever closed still gets nothing
        assertThat(deal(r, "OLDER_THAN_ANY_CLOSE").pWin()).isZero();
    }

    @Test
    void withoutCohorts_theSameSurvivorGetsAllDealsChance() {
        // the contrast the test above rests on: hazards pooled over all months give April's survivor the usual chance
        List<Opportunity> opps = cohortTeam(50);
        Opportunity deal = open("APRIL_76D", AS_OF.minusDays(76));
        TimeToEvent pooled = TimeToEvent.learn(opps, AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3), null, null);
        assertThat(pooled.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p()).isGreaterThan(0.35);
    }

    @Test
    void whereEveryMonthHoldsTheSameShareThatNeverCloses_noDealsChanceChanges() {
        List<Opportunity> opps = cohortTeam(10);
        Opportunity deal = open("APRIL_76D", AS_OF.minusDays(76));
        TimeToEvent cohorts = TimeToEvent.learn(opps, AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3));
        TimeToEvent pooled = TimeToEvent.learn(opps, AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3), null, null);
        assertThat(cohorts.cureAssumption()).isNull();
        TimeToEvent.Estimate e = cohorts.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end());
        assertThat(e.p()).isEqualTo(pooled.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p()).isGreaterThan(0.35);
        assertThat(e.explanation()).doesNotContain("never close");
    }

    @Test
    void dealsCreatedBeforeTheRecordOfClosesBegan_areNotTakenForAMonthWhoseDealsNeverClose() {
        // every month holds a tenth that never close, but closes before 1 March were archived: of October's to
        // February's deals only those still open then are in the export, most of them ones that never close. They
        // are a unit of their own, so the months do not differ and no chance changes (taken as their months' own
        // deals, the test passes: likelihood ratio 58 on 8 degrees of freedom)
        List<Opportunity> opps = new ArrayList<>();
        for (Opportunity o : cohortTeam(10)) {
            if (o.isOpen() || !o.closeDate().isBefore(LocalDate.of(2026, 3, 1))) {
                opps.add(o);
            }
        }
        assertThat(DataStart.closesFrom(opps, AS_OF)).isEqualTo(LocalDate.of(2026, 3, 1));
        Opportunity deal = open("APRIL_76D", AS_OF.minusDays(76));
        TimeToEvent cohorts = TimeToEvent.learn(opps, AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3));
        TimeToEvent pooled = TimeToEvent.learn(opps, AS_OF, List.of(), List.of(), TimeToEvent.quarterPhase(Q3), null, null);
        assertThat(cohorts.cureAssumption()).isNull();
        assertThat(cohorts.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p())
                .isEqualTo(pooled.estimate(deal, AS_OF, AS_OF.plusDays(1), Q3.end()).p());
    }

    /**
     * A team whose deals close on the calendar: ten deals created every day from July to June, two never closing,
     * four won and four lost on days spread over the rest of its creation quarter and the next quarter, never later.
     * A deal closing after the as-of day is open then.
     */
    static List<Opportunity> calendarTeam() {
        List<Opportunity> opps = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 7, 1); d.isBefore(AS_OF); d = d.plusDays(1)) {
            LocalDate quarterAfterNext = LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(6);
            int span = (int) java.time.temporal.ChronoUnit.DAYS.between(d, quarterAfterNext) - 1;
            opps.add(open("Z" + d, d));
            opps.add(open("Y" + d, d));
            for (int k = 1; k <= 8; k++) {
                int days = 1 + (int) ((d.toEpochDay() * 7 + k * 13) % span);
                opps.addAll(closed("C" + d + "-" + k + "-", 1, d, days, k % 2 == 1));
            }
        }
        return opps;
    }

    @Test
    void aDealTwoQuartersPastItsCreationQuarter_whereNoDealEverClosedThatLate_getsAboutZero_byCalendarMonths() {
        // day bins would give the March deal, 103 days old on 1 July, the chance of deals aged 92 to 122 days, which
        // closed often (January's in April and May, December's in March); counted in calendar months since its
        // creation month it is in month 4, and no deal created in a quarter's third month ever closed that late
        ForecastReport r = forecast(calendarTeam());
        DealForecast march = r.deals().stream().filter(d -> d.id().equals("Z2026-03-20")).findFirst().orElseThrow();
        DealForecast april = r.deals().stream().filter(d -> d.id().equals("Z2026-04-20")).findFirst().orElseThrow();
        assertThat(march.pWin()).isLessThan(0.05);
        assertThat(april.pWin()).isGreaterThan(0.2); // its next quarter is the forecast's
        assertThat(march.winExplanation()).contains("created in month 3 of its quarter: that month's deals' hazards by"
                + " calendar month since its creation month (month 4 on 2026-07-01)");
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("; ages counted in calendar months since the"
                + " month a deal was created in, since the calendar matters (day bins split where calendar months begin:"
                + " likelihood ratio"));
    }

    @Test
    void whereDealsCloseByTheirAgeNotTheCalendar_agesStayInDayBins_andTheReportSaysWhy() {
        // the phased team's months differ in how fast their deals close, not in where the calendar puts the closes
        ForecastReport r = forecast(phasedTeam());
        assertThat(r.assumptions()).anySatisfy(a -> assertThat(a).contains("; ages in day bins (splitting them where"
                + " calendar months begin: likelihood ratio"));
        assertThat(r.deals()).allSatisfy(d -> assertThat(d.winExplanation()).doesNotContain("calendar month"));
    }
}
