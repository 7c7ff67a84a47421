package io.salesops.planning.quota;

import io.salesops.core.period.Period;
import java.util.Currency;
import java.util.List;

/**
 * Where simulated attainment comes from, for {@link PlanCost}. Attainment is drawn on a grid: a draw of
 * {@code g} means {@code g x gridStep()} percent of the period's quota, so that every simulated year is made
 * of credit amounts whose pay the engine evaluated exactly.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface AttainmentModel {

    /** @return the grid step in percent of quota, e.g. 1 */
    int gridStep();

    /**
     * The model's draws for the reps and periods a plan cost simulates.
     *
     * @param repIds      the simulated reps: row {@code r} of every draw is {@code repIds.get(r)}
     * @param periods     the periods, in order: column {@code p} of every draw is {@code periods.get(p)}
     * @param quota       {@code quota[r][p]} in minor units, 0 where the rep has none
     * @param currency    the quotas' currency, which simulated credits are in
     * @param simulations the number of simulated years
     * @param seed        the seed of the simulated years
     * @return the draws; the same arguments give the same draws
     * @throws IllegalArgumentException if the model cannot simulate these reps and periods, naming why
     */
    Draws bind(List<String> repIds, List<Period> periods, long[][] quota, Currency currency, int simulations, long seed);

    /** A model's simulated years for given reps and periods. Immutable and thread-safe. */
    interface Draws {

        /**
         * Fills in simulated year {@code simulation}: {@code out[r][p]} becomes the grid index of rep {@code r}'s
         * attainment in period {@code p}. Depends on the simulation index alone.
         *
         * @param simulation 0-based, below the bound simulation count
         * @param out        reps x periods, filled in
         */
        void draw(int simulation, int[][] out);

        /**
         * The attainments a rep can draw in a period, so that a plan cost can tabulate pay for each once.
         *
         * @param rep    the rep's row, an index into the bound {@code repIds}
         * @param period the period's column, an index into the bound {@code periods}
         * @return every grid index {@link #draw} can give rep {@code rep} in period {@code period}, ascending, no
         *         repeats; a fresh array the caller may keep
         */
        int[] support(int rep, int period);

        /** @return a one-line description, e.g. {@code attainment history: 412 rep-years of 137 reps, pooled} */
        String describe();
    }
}
