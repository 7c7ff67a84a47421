package io.salesops.forecast.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import io.salesops.forecast.synthetic.MessyCrm;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The forecast uses nothing dated after its as-of day: on a messy export (no stage history, own stage names),
 * rewriting every event after that day (when and how deals closed, and the deals created after it) leaves
 * every number and every word of the report unchanged, for every method.
 */
class LeakageProperties {

    /** {@link MessyCrm#JUDGE_LIKE} with 6 to 8 owners: undated zombies, owners of very different volume. */
    static final MessyCrm.Profile SMALL_JUDGE_LIKE = new MessyCrm.Profile(6, 3, MessyCrm.JUDGE_LIKE.minDays(),
            MessyCrm.JUDGE_LIKE.volume(), MessyCrm.JUDGE_LIKE.undatedZombies(), MessyCrm.JUDGE_LIKE.volumeSigma(),
            MessyCrm.JUDGE_LIKE.whales(), MessyCrm.JUDGE_LIKE.startSpread(), MessyCrm.JUDGE_LIKE.sizeSpread());

    /**
     * {@link #SMALL_JUDGE_LIKE} with {@link MessyCrm#PHASED}'s calendar: deals of a quarter's first month close fast
     * or never, so the time-to-event model learns hazards per creation month.
     */
    static final MessyCrm.Profile SMALL_PHASED = new MessyCrm.Profile(SMALL_JUDGE_LIKE.minReps(), SMALL_JUDGE_LIKE.spread(),
            SMALL_JUDGE_LIKE.minDays(), SMALL_JUDGE_LIKE.volume(), SMALL_JUDGE_LIKE.undatedZombies(),
            SMALL_JUDGE_LIKE.volumeSigma(), SMALL_JUDGE_LIKE.whales(), SMALL_JUDGE_LIKE.startSpread(),
            SMALL_JUDGE_LIKE.sizeSpread(), MessyCrm.PHASED.dynamics());

    @Property(tries = 12)
    void changingAnyEventAfterTheAsOfDay_leavesTheForecastUnchanged(@ForAll @IntRange(min = 1, max = 1000) int seed,
                                                                     @ForAll @IntRange(min = 0, max = 60) int day,
                                                                     @ForAll boolean auto, @ForAll boolean judgeLike,
                                                                     @ForAll boolean phased) {
        MessyCrm crm = judgeLike ? MessyCrm.generate(seed, phased ? SMALL_PHASED : SMALL_JUDGE_LIKE)
                : MessyCrm.generate(seed, 6, 3);
        Period q = FiscalCalendar.calendarYear().periodOf(crm.exportDate(), PeriodKind.QUARTER).plus(-1);
        LocalDate asOf = q.start().plusDays(day);
        assertUnchangedByEventsAfter(crm, q, asOf, seed, auto ? PipelineMethod.AUTO : PipelineMethod.TIME_TO_EVENT);
    }

    @Property(tries = 15)
    void whereCreationMonthsDifferInDealsThatNeverClose_changingAnyEventAfterTheAsOfDay_leavesTheForecastUnchanged(
            @ForAll @IntRange(min = 1, max = 1000) int seed, @ForAll @IntRange(min = 0, max = 60) int day) {
        // only exports whose months' shares differ by the test as known on the day (about 4 in 10 small phased ones)
        MessyCrm crm = MessyCrm.generate(seed, SMALL_PHASED);
        Period q = FiscalCalendar.calendarYear().periodOf(crm.exportDate(), PeriodKind.QUARTER).plus(-1);
        LocalDate asOf = q.start().plusDays(day);
        TimeToEvent model = TimeToEvent.learn(crm.opportunities(), asOf, List.of(), List.of(), TimeToEvent.quarterPhase(q));
        Assume.that(model != null && model.cureAssumption() != null);
        assertUnchangedByEventsAfter(crm, q, asOf, seed, PipelineMethod.TIME_TO_EVENT);
    }

    @Property(tries = 6)
    void whereDealsCloseOnTheCalendar_changingAnyEventAfterTheAsOfDay_leavesTheForecastUnchanged(
            @ForAll @IntRange(min = 1, max = 1000) int seed, @ForAll @IntRange(min = 0, max = 60) int day) {
        // deals close in their creation quarter or the next or never: ages are counted in calendar months
        List<Opportunity> opps = TimeToEventTest.calendarTeam();
        LocalDate asOf = TimeToEventTest.AS_OF.plusDays(day);
        TimeToEvent model = TimeToEvent.learn(opps, asOf, List.of(), List.of(),
                TimeToEvent.quarterPhase(TimeToEventTest.Q3));
        assertThat(model.phaseAssumption()).contains("ages counted in calendar months");
        assertUnchangedByEventsAfter(opps, TimeToEventTest.Q3, asOf, TimeToEventTest.AS_OF.plusMonths(6), seed,
                PipelineMethod.TIME_TO_EVENT);
    }

    private static void assertUnchangedByEventsAfter(MessyCrm crm, Period q, LocalDate asOf, int seed, PipelineMethod m) {
        assertUnchangedByEventsAfter(crm.opportunities(), q, asOf, crm.exportDate(), seed, m);
    }

    private static void assertUnchangedByEventsAfter(List<Opportunity> opps, Period q, LocalDate asOf, LocalDate export,
                                                     int seed, PipelineMethod m) {
        List<Opportunity> rewritten = rewriteAfter(opps, asOf, export, new SplittableRandom(seed));
        ForecastReport a = PipelineForecast.of(opps).asOf(asOf).period(q).by("owner").method(m).run();
        ForecastReport b = PipelineForecast.of(rewritten).asOf(asOf).period(q).by("owner").method(m).run();
        assertThat(b.assumptions()).isEqualTo(a.assumptions());
        assertThat(b.nodes()).hasSameSizeAs(a.nodes());
        for (int i = 0; i < a.nodes().size(); i++) {
            ForecastNode x = a.nodes().get(i);
            ForecastNode y = b.nodes().get(i);
            assertThat(y.group()).isEqualTo(x.group());
            for (var measure : PipelineForecastProperties.MEASURES) {
                assertThat(measure.apply(y)).as(x.group()).isEqualTo(measure.apply(x));
            }
        }
        assertThat(b.deals().stream().map(DealForecast::explain).toList())
                .isEqualTo(a.deals().stream().map(DealForecast::explain).toList());
    }

    /**
     * Deals that closed after {@code asOf} close on another day after it with the other outcome half the time;
     * deals created after it get another owner, amount and stage or vanish; new ones appear.
     */
    static List<Opportunity> rewriteAfter(List<Opportunity> opps, LocalDate asOf, LocalDate export, SplittableRandom rnd) {
        List<Opportunity> out = new ArrayList<>();
        int span = (int) Math.max(1, ChronoUnit.DAYS.between(asOf, export));
        for (Opportunity o : opps) {
            if (o.createdDate().isAfter(asOf)) {
                if (rnd.nextInt(4) == 0) {
                    continue;
                }
                out.add(o.toBuilder().owner("rep" + rnd.nextInt(50)).amount(Money.ofMinor(rnd.nextLong(1, 10_000_000), "USD"))
                        .stage(o.isOpen() ? "Some New Stage" : o.stage()).build());
            } else if (o.status().isClosed() && o.closeDate().isAfter(asOf)) {
                LocalDate close = asOf.plusDays(1 + rnd.nextInt(span));
                boolean won = rnd.nextBoolean() ? !o.isWon() : o.isWon();
                out.add(o.toBuilder().status(won ? OpportunityStatus.WON : OpportunityStatus.LOST).closeDate(close).build());
            } else {
                out.add(o);
            }
        }
        for (int i = 0; i < 20; i++) {
            LocalDate created = asOf.plusDays(1 + rnd.nextInt(span));
            out.add(Opportunity.builder("NEW-" + i).owner("rep0" + (1 + rnd.nextInt(5))).stage("Won")
                    .amount(Money.ofMinor(rnd.nextLong(1, 10_000_000), "USD")).created(created).won(created).build());
        }
        return out;
    }
}
