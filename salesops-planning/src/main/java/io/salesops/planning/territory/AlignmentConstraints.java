package io.salesops.planning.territory;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.function.ToLongFunction;

/**
 * The alignment's constraints as Timefold constraint streams.
 *
 * <p>Hard: each rep's potential and workload inside its band (penalty: parts per million of the target
 * outside it, so both measures weigh alike whatever their units), and the move cap (penalty per account over
 * it: {@link #MOVE_OVER_CAP} ppm, i.e. one extra move weighs like a whole target out of band, so the solver
 * never buys balance by breaking the cap). Soft: metres from each account to its rep's home (compactness) and
 * a fixed number of metres per moved account (disruption). Stateless.
 *
 * <p>Not an API to call: it is public only because Timefold instantiates constraint providers through their
 * public constructor; use {@link TerritoryPlan}.
 */
public final class AlignmentConstraints implements ConstraintProvider {

    static final long MOVE_OVER_CAP = 1_000_000;

    /** Called by the solver. */
    public AlignmentConstraints() {
        // stateless
    }

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            band(factory, 0, AccountSlot::potential, "potential outside band"),
            emptyRep(factory, 0, "potential of a rep without accounts"),
            band(factory, 1, AccountSlot::workload, "workload outside band"),
            emptyRep(factory, 1, "workload of a rep without accounts"),
            moveCap(factory),
            distance(factory),
            disruption(factory)
        };
    }

    private static Constraint band(ConstraintFactory f, int measure, ToLongFunction<AccountSlot> value, String name) {
        return f.forEach(AccountSlot.class)
                .groupBy(AccountSlot::getRep, sumLong(value))
                .filter((rep, load) -> rep.excessPpm(measure, load) > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (rep, load) -> rep.excessPpm(measure, load))
                .asConstraint(name);
    }

    private static Constraint emptyRep(ConstraintFactory f, int measure, String name) {
        return f.forEach(RepSlot.class)
                .ifNotExists(AccountSlot.class, Joiners.equal(r -> r, AccountSlot::getRep))
                .filter(rep -> rep.excessPpm(measure, 0) > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, rep -> rep.excessPpm(measure, 0))
                .asConstraint(name);
    }

    private static Constraint moveCap(ConstraintFactory f) {
        return f.forEach(AccountSlot.class)
                .filter(AccountSlot::moved)
                .groupBy(count())
                .join(AlignmentSolution.MoveBudget.class)
                .filter((moves, budget) -> moves > budget.cap())
                .penalizeLong(HardSoftLongScore.ONE_HARD, (moves, budget) -> (moves - budget.cap()) * MOVE_OVER_CAP)
                .asConstraint("moves over cap");
    }

    private static Constraint distance(ConstraintFactory f) {
        return f.forEach(AccountSlot.class)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, AccountSlot::distance)
                .asConstraint("distance to rep");
    }

    private static Constraint disruption(ConstraintFactory f) {
        return f.forEach(AccountSlot.class)
                .filter(AccountSlot::moved)
                .penalizeLong(HardSoftLongScore.ONE_SOFT, a -> a.problem.movePenalty)
                .asConstraint("account moved");
    }
}
