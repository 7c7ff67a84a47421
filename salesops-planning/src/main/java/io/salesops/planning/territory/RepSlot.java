package io.salesops.planning.territory;

/**
 * A rep as a Timefold problem fact: its index in the group and its bands. Immutable after construction.
 */
final class RepSlot {
    final int index;
    final GroupProblem problem;

    RepSlot(int index, GroupProblem problem) {
        this.index = index;
        this.problem = problem;
    }

    long excessPpm(int measure, long load) {
        return problem.excessPpm(measure, index, load);
    }

    @Override
    public String toString() {
        return problem.reps.get(index).id();
    }
}
