package io.salesops.planning.quota;

import java.util.SplittableRandom;

/**
 * Where simulated attainment comes from, for {@link PlanCost}. Attainment is drawn on a grid: a draw of
 * {@code g} means {@code g x gridStep()} percent of the period's quota, so that every simulated year is made
 * of credit amounts whose pay the engine evaluated exactly.
 *
 * <p>Implementations are immutable and thread-safe; a draw depends only on the random source passed in.
 */
public interface AttainmentModel {

    /** @return the grid step in percent of quota, e.g. 1 */
    int gridStep();

    /**
     * Draws one simulated year: {@code out[r][p]} becomes the grid index of rep {@code r}'s attainment in
     * period {@code p}.
     *
     * @param rnd the random source of this simulation
     * @param out reps x periods, filled in
     */
    void draw(SplittableRandom rnd, int[][] out);

    /** @return every grid index {@link #draw} can give for period {@code p} (0-based), ascending, no repeats */
    int[] support(int period);

    /** @return a one-line description, e.g. {@code attainment history: 412 rep-years of 137 reps, pooled} */
    String describe();
}
