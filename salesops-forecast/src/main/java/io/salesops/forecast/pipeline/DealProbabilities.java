package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.Stage;
import io.salesops.core.crm.StageChange;
import io.salesops.core.crm.StageModel;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-deal probabilities of one forecast: P(win) of an open deal as it stood on the as-of day (the stage
 * model's fixed rate, a learned rate, the overall win rate for a deal at an unknown stage, or the time-to-event
 * model's P(won inside the period), which holds the timing too) and P(it closes in
 * the period | it wins) (from its close date, or learned timing). This is the one place a forecast asks "how
 * likely is this deal": a new model plugs in here, and the deal pass and roll-up stay as they are.
 *
 * <p>Answers for the fixed stage model and for close-date timing are made once and shared, so the pass over a
 * million deals allocates nothing for them. Not thread-safe while {@link #setOverall} may run; after that,
 * read-only and safe to share between the chunks of a pass.
 */
final class DealProbabilities {

    /** A stage of the model with its fixed P(win) as an answer made once. */
    record StageInfo(Stage stage, LearnedWinRates.Estimate fixed) {
    }

    private final StageModel stages;
    private final Map<String, StageInfo> stageInfo = new HashMap<>();
    private final LearnedWinRates learned;
    private final String segmentBy;
    private final CloseTiming timing;
    private final LocalDate asOf;
    private final LocalDate windowStart;
    private final LocalDate windowEnd;
    private final int asOfDay;
    private final int windowStartDay;
    private final int windowEndDay;
    private final CloseTiming.Estimate inWindow;
    private final CloseTiming.Estimate beforeWindow;
    private final Map<CloseTiming.Situation, CloseTiming.Estimate> outside = new java.util.EnumMap<>(CloseTiming.Situation.class);
    private LearnedWinRates.Estimate overall;
    private final TimeToEvent timeToEvent;
    private final CloseTiming.Estimate inTimeToEvent;

    /**
     * @param learned   learned win rates, or null to use the stage model's fixed probabilities
     * @param segmentBy the field learned rates are segmented by, or null
     * @param timing    learned close timing, or null to take it from the close date
     */
    DealProbabilities(StageModel stages, LearnedWinRates learned, String segmentBy, CloseTiming timing, LocalDate asOf,
                      LocalDate windowStart, Period period) {
        this(stages, learned, segmentBy, timing, null, asOf, windowStart, period);
    }

    private DealProbabilities(StageModel stages, LearnedWinRates learned, String segmentBy, CloseTiming timing,
                              TimeToEvent timeToEvent, LocalDate asOf, LocalDate windowStart, Period period) {
        this.stages = stages;
        this.learned = learned;
        this.segmentBy = segmentBy;
        this.timing = timing;
        this.asOf = asOf;
        this.windowStart = windowStart;
        this.windowEnd = period.end();
        this.timeToEvent = timeToEvent;
        this.inTimeToEvent = new CloseTiming.Estimate(1, TimingSource.LEARNED, "in the time-to-event probability");
        this.asOfDay = (int) asOf.toEpochDay();
        this.windowStartDay = (int) windowStart.toEpochDay();
        this.windowEndDay = (int) windowEnd.toEpochDay();
        for (Stage st : stages.stages()) {
            stageInfo.put(st.name(), new StageInfo(st, new LearnedWinRates.Estimate(st.winProbability().toDouble(),
                    ProbabilitySource.STAGE_MODEL, "stage model: " + st.name() + " " + st.winProbability())));
        }
        inWindow = new CloseTiming.Estimate(1, TimingSource.CLOSE_DATE, "close date in the period");
        beforeWindow = new CloseTiming.Estimate(0, TimingSource.CLOSE_DATE, "close date before the period");
        for (CloseTiming.Situation s : CloseTiming.Situation.values()) {
            outside.put(s, new CloseTiming.Estimate(0, TimingSource.CLOSE_DATE, s.text));
        }
    }

    /**
     * Probabilities from a time-to-event model, which gives P(won inside the period) with its timing in one.
     */
    DealProbabilities(StageModel stages, TimeToEvent timeToEvent, LocalDate asOf, LocalDate windowStart, Period period) {
        this(stages, null, null, null, timeToEvent, asOf, windowStart, period);
    }

    /**
     * The stage of an open deal in the model, or null for {@link Opportunity#UNKNOWN_STAGE}.
     *
     * @param stage the deal's stage on the as-of day
     * @param id    the deal, for the message
     * @throws PipelineInputException if the model lacks the stage or the stage is a closing one
     */
    StageInfo stageOf(String stage, String id) {
        if (stage.equals(Opportunity.UNKNOWN_STAGE)) {
            return null;
        }
        StageInfo info = stageInfo.get(stage);
        if (info == null) {
            Stage st = stages.find(stage).orElse(null);
            if (st == null) {
                throw new PipelineInputException(id, "opportunity " + id + " is at stage \"" + stage
                        + "\" on " + asOf + ", which the stage model does not have; known stages: "
                        + stages.stages().stream().map(Stage::name).toList());
            }
            info = stageInfo.get(st.name());
        }
        if (info.stage().isClosed()) {
            throw new PipelineInputException(id, "opportunity " + id + " is open on " + asOf
                    + " but at closing stage \"" + info.stage().name() + "\"");
        }
        return info;
    }

    /**
     * @return true if {@link #win} needs the deal's snapshot as an {@link Opportunity} (learned rates and the
     *         time-to-event model read its history and fields)
     */
    boolean needsSnapshot() {
        return learned != null || timeToEvent != null;
    }

    /**
     * P(win) of an open deal at stage {@code info} (null: unknown stage), or null while the overall rate that a
     * deal at an unknown stage needs is not known yet ({@link #hasOverall()}).
     *
     * @param s the deal's snapshot on the as-of day; only read if {@link #needsSnapshot()}, else may be null
     */
    LearnedWinRates.Estimate win(Opportunity s, StageInfo info) {
        if (timeToEvent != null) {
            TimeToEvent.Estimate e = timeToEvent.estimate(s, asOf, windowStart, windowEnd);
            return new LearnedWinRates.Estimate(e.p(), ProbabilitySource.TIME_TO_EVENT, e.explanation());
        }
        if (learned != null) {
            return learned.estimate(s.stage(), daysInStage(s), segmentBy == null ? null : s.field(segmentBy).orElse(""));
        }
        if (info != null) {
            return info.fixed();
        }
        return overall;
    }

    /**
     * P(the deal closes inside the period | it wins), from its created day and its close day known on the as-of
     * day (epoch days, {@link OpportunityTable#NO_DATE} for none); for the time-to-event model, 1 (its P(win) holds
     * the timing).
     */
    CloseTiming.Estimate inPeriod(int createdDay, int closeDay) {
        if (timeToEvent != null) {
            return inTimeToEvent;
        }
        if (timing != null) {
            return timing.estimate(LocalDate.ofEpochDay(createdDay), OpportunityTable.date(closeDay), asOf, windowStart,
                    windowEnd);
        }
        CloseTiming.Situation sit = CloseTiming.situation(closeDay, asOfDay, windowEndDay);
        if (sit != CloseTiming.Situation.IN_WINDOW) {
            return outside.get(sit);
        }
        return closeDay < windowStartDay ? beforeWindow : inWindow;
    }

    /**
     * @return true if P(in period | win) is 1 for a close day in the window and 0 otherwise, whatever else the
     *         deal holds (timing from the close date, no time-to-event model)
     */
    boolean timingFromCloseDate() {
        return timing == null && timeToEvent == null;
    }

    boolean hasOverall() {
        return overall != null;
    }

    /** The overall win rate for deals at an unknown stage: {rate, closed count, won count}. */
    void setOverall(double[] fb) {
        String why = fb[1] > 0
                ? String.format(Locale.ROOT, "stage unknown on the day: overall %d of %d closed deals won", (long) fb[2], (long) fb[1])
                : "stage unknown on the day and no closed history: average of the stage model's open stages";
        overall = new LearnedWinRates.Estimate(fb[0], ProbabilitySource.OVERALL, why);
    }

    LearnedWinRates.Estimate overall() {
        return overall;
    }

    /** {overall rate, closed count, won count}; the stage model's average open probability without history. */
    double[] overallRate(List<Opportunity> history) {
        long n = 0;
        long k = 0;
        for (Opportunity o : history) {
            if (o.status().isClosed() && !o.closeDate().isAfter(asOf)) {
                n++;
                if (o.isWon()) {
                    k++;
                }
            }
        }
        if (n > 0) {
            return new double[] {k / (double) n, n, k};
        }
        double avg = stages.openStages().stream().mapToDouble(s -> s.winProbability().toDouble()).average().orElse(0);
        return new double[] {avg, 0, 0};
    }

    private long daysInStage(Opportunity s) {
        List<StageChange> h = s.history();
        LocalDate since = s.createdDate();
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).stage().equalsIgnoreCase(s.stage())) {
                since = i == 0 ? s.createdDate() : h.get(i).date();
                for (int j = i - 1; j >= 0 && h.get(j).stage().equalsIgnoreCase(s.stage()); j--) {
                    since = j == 0 ? s.createdDate() : h.get(j).date();
                }
                break;
            }
        }
        return ChronoUnit.DAYS.between(since, asOf);
    }
}
