package io.salesops.planning.territory;

/** How a plan is searched for. */
public enum AlignmentMethod {
    /**
     * Timefold Solver local search from the current assignment (nearest rep for accounts without one):
     * balance and the move cap as hard constraints, distance and disruption as soft ones.
     */
    SOLVER,
    /**
     * The hand-written baseline: nearest rep (or current), then the best single transfer or swap for the worst
     * rep until no transfer or swap improves balance. Fast and deterministic; it does not improve compactness.
     */
    GREEDY
}
