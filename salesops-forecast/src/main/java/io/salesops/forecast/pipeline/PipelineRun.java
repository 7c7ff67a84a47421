package io.salesops.forecast.pipeline;

import io.salesops.core.crm.Quotas;
import io.salesops.core.crm.StageModel;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link PipelineForecast} configuration runs: it checks that the configuration is complete, picks the
 * method (auto, or the one named, or stage-weighted when only its options were set), infers the stage model when
 * none was given, and derives the variations of a configuration that a run makes for itself (auto's backtests as
 * of past days, the actual bookings of past periods, a stage model inferred from the data). The configuration is
 * what the user asked for; this is what the run does with it. Stateless.
 */
final class PipelineRun {

    private PipelineRun() {
    }

    /** {@link PipelineForecast#run()}. */
    static ForecastReport run(PipelineForecast f) {
        if (f.asOf == null) {
            throw new IllegalStateException("no as-of date: call asOf(date) before run()");
        }
        if (f.period == null) {
            throw new IllegalStateException("no period: call period(p) before run()");
        }
        if (!f.methodGiven && f.stageWeightedOptions) {
            return run(withMethod(f, PipelineMethod.STAGE_WEIGHTED));
        }
        if (f.method == PipelineMethod.AUTO) {
            return MethodSelection.run(f);
        }
        return new ForecastEngine(withStageModel(f)).run();
    }

    /** {@link PipelineForecast#simulateByOwner()}. */
    static SimulatedBookings simulateByOwner(PipelineForecast f) {
        if (f.asOf == null || f.period == null) {
            throw new IllegalStateException("no " + (f.asOf == null ? "as-of date" : "period") + ": call asOf(date) and"
                    + " period(p) before simulateByOwner()");
        }
        if (!f.byOwner) {
            throw new IllegalStateException("simulateByOwner() needs byOwner(org)");
        }
        if (f.simulations < 1) {
            throw new IllegalStateException("simulateByOwner() needs simulations(count, seed)");
        }
        if (f.method == PipelineMethod.AUTO) {
            throw new IllegalStateException("simulateByOwner() needs one pipeline method, not AUTO: the auto method"
                    + " blends and widens its range after the simulation");
        }
        return new ForecastEngine(withStageModel(f)).runKeepingDraws();
    }

    /** The configuration itself when its stage model was given, else one with the model the data imply. */
    static PipelineForecast withStageModel(PipelineForecast f) {
        return f.stagesGiven ? f : StageInference.apply(f);
    }

    /** A copy by another method, everything else the same. */
    static PipelineForecast withMethod(PipelineForecast f, PipelineMethod m) {
        PipelineForecast c = f.copy();
        c.method = m;
        c.methodGiven = true;
        return c;
    }

    /** A copy for another as-of date and period without simulation, quotas or adjustments: a backtest's run. */
    static PipelineForecast backtest(PipelineForecast f, LocalDate date, Period p, PipelineMethod m) {
        PipelineForecast c = withMethod(f, m);
        c.asOf = date;
        c.period = p;
        c.simulations = 0;
        c.adjustments = List.of();
        c.quotas = Quotas.none();
        c.progress = null;
        return c;
    }

    /** A backtest's run (see {@link #backtest}) that simulates this many periods, for its range. */
    static PipelineForecast backtestWithRange(PipelineForecast f, LocalDate date, Period p, PipelineMethod m,
                                              int simulations, long seed) {
        PipelineForecast c = backtest(f, date, p, m);
        c.simulations = simulations;
        c.seed = seed;
        return c;
    }

    /**
     * A copy that finds what was won in a past period: as of its last day, the stage model's probabilities,
     * nothing from deals not yet created, no simulation (only the closed figures are read).
     */
    static PipelineForecast actuals(PipelineForecast f, Period p) {
        PipelineForecast c = backtest(f, p.end(), p, PipelineMethod.STAGE_WEIGHTED);
        c.learned = false;
        c.timing = TimingSource.CLOSE_DATE;
        c.notYetCreated = false;
        return c;
    }

    /** A copy with the given stage model (inferred, not given) and a note for the assumptions. */
    static PipelineForecast withInferredStages(PipelineForecast f, StageModel model, String note) {
        PipelineForecast c = withNote(f, note);
        c.stages = model;
        return c;
    }

    /** A copy with a note added to the assumptions. */
    static PipelineForecast withNote(PipelineForecast f, String note) {
        List<String> all = new ArrayList<>(f.notes);
        all.add(note);
        PipelineForecast c = f.copy();
        c.notes = List.copyOf(all);
        return c;
    }
}
