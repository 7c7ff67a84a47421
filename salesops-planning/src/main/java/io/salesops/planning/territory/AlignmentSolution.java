package io.salesops.planning.territory;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.List;

/** One group's alignment as a Timefold planning solution. Mutable by the solver; not thread-safe. */
@PlanningSolution
final class AlignmentSolution {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    List<RepSlot> reps;
    @PlanningEntityCollectionProperty
    List<AccountSlot> accounts;
    @ProblemFactProperty
    MoveBudget budget;
    @PlanningScore
    HardSoftLongScore score;

    AlignmentSolution() {
        // for the solver's cloning
    }

    AlignmentSolution(List<RepSlot> reps, List<AccountSlot> accounts, MoveBudget budget) {
        this.reps = reps;
        this.accounts = accounts;
        this.budget = budget;
    }

    /** The move cap of a group, as a problem fact the constraint joins. */
    record MoveBudget(int cap) {
    }
}
