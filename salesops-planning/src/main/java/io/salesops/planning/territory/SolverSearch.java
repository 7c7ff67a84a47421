package io.salesops.planning.territory;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Timefold Solver's local search on one group, from the current assignment (nearest rep where there
 * is none). Keeps Timefold out of the package's public types. Stateless; each call builds its own solver.
 */
final class SolverSearch {

    /**
     * Moves the local search may evaluate per account: a bound on its work that does not depend on the clock,
     * so that a run stops at the same point on a fast or a loaded machine.
     */
    static final int MOVES_PER_ACCOUNT = 100;

    private SolverSearch() {
    }

    /** The outcome of one search: the rep index per account and whether the wall clock stopped it. */
    record Outcome(int[] reps, boolean stoppedByTime) {
    }

    static Outcome solve(GroupProblem p, int[] start, AlignmentSettings settings, Duration timeLimit) {
        List<RepSlot> reps = new ArrayList<>(p.m);
        for (int j = 0; j < p.m; j++) {
            reps.add(new RepSlot(j, p));
        }
        List<AccountSlot> accounts = new ArrayList<>(p.n);
        for (int i = 0; i < p.n; i++) {
            accounts.add(new AccountSlot(i, p, reps.get(start[i])));
        }
        AlignmentSolution problem = new AlignmentSolution(reps, accounts, new AlignmentSolution.MoveBudget(p.moveCap));
        long unimproved = Math.min(Integer.MAX_VALUE, (long) settings.unimprovedStepsPerAccount() * Math.max(1, p.n));
        long moves = (long) MOVES_PER_ACCOUNT * Math.max(1, p.n);
        SolverConfig config = new SolverConfig()
                .withSolutionClass(AlignmentSolution.class)
                .withEntityClasses(AccountSlot.class)
                .withConstraintProviderClass(AlignmentConstraints.class)
                // NO_ASSERT is reproducible: with the same seed and input the same steps are taken.
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(settings.seed())
                .withTerminationConfig(new TerminationConfig()
                        .withMillisecondsSpentLimit(Math.max(1, timeLimit.toMillis())))
                .withPhases(new LocalSearchPhaseConfig().withTerminationConfig(new TerminationConfig()
                        .withUnimprovedStepCountLimit((int) unimproved)
                        .withMoveCountLimit(moves)));
        Solver<AlignmentSolution> solver = SolverFactory.<AlignmentSolution>create(config).buildSolver();
        long began = System.nanoTime();
        AlignmentSolution best = solver.solve(problem);
        long spent = System.nanoTime() - began;
        int[] out = new int[p.n];
        for (AccountSlot a : best.accounts) {
            out[a.index] = a.rep.index;
        }
        return new Outcome(out, spent >= timeLimit.toNanos());
    }
}
