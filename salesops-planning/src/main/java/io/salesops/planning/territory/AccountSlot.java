package io.salesops.planning.territory;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * An account as a Timefold planning entity: the rep is the planning variable; pinned accounts keep theirs.
 * Mutable by the solver; not thread-safe.
 */
@PlanningEntity
final class AccountSlot {

    @PlanningId
    Integer id;
    int index;
    GroupProblem problem;
    @PlanningPin
    boolean pinned;
    @PlanningVariable
    RepSlot rep;

    AccountSlot() {
        // for the solver's cloning
    }

    AccountSlot(int index, GroupProblem problem, RepSlot start) {
        this.id = index;
        this.index = index;
        this.problem = problem;
        this.pinned = problem.pinned[index];
        this.rep = start;
    }

    RepSlot getRep() {
        return rep;
    }

    long potential() {
        return problem.value[0][index];
    }

    long workload() {
        return problem.value[1][index];
    }

    boolean moved() {
        return problem.moved(index, rep.index);
    }

    long distance() {
        return problem.distance(index, rep.index);
    }

    @Override
    public String toString() {
        return problem.accounts.get(index).id();
    }
}
