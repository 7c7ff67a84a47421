package io.salesops.planning.quota;

import io.salesops.core.period.Period;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.SimulatedBookings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Attainment from the pipeline forecast's own simulation: for each period of the plan cost, the forecast (as of
 * one date, by owner) simulates every rep's bookings (won so far, open deals winning inside the period by their
 * probabilities with their amounts, not-yet-created bookings), and simulated year {@code k} takes simulation
 * {@code k} of each period's forecast. A rep's attainment is those bookings over the period's quota, rounded half
 * up to the model's grid (so the credits are {@code quota x grid point}, paid exactly), at most
 * {@link HistoricalAttainment#MAX_PERCENT}; negative bookings count as none.
 *
 * <pre>{@code
 * PipelineForecast f = PipelineForecast.of(deals).method(PipelineMethod.STAGE_WEIGHTED).asOf(date).byOwner(org)
 *         .learnedProbabilities();
 * PlanCost cost = PlanCost.builder(CompContext.of(payees, quotas), ForecastAttainment.of(f, 1))
 *     .simulations(2_000, 42).build();
 * }</pre>
 *
 * <p>Each period is simulated on its own (with its own seed drawn from the plan cost's seed): a deal that may close
 * in two periods is drawn in each independently, so a simulated year can count it in both; the expected bookings of
 * each period are the forecast's, the notes say so. Reps of the plan cost that are not in the forecast's org book
 * nothing.
 *
 * <p>Immutable and thread-safe.
 */
public final class ForecastAttainment implements AttainmentModel {

    private final PipelineForecast forecast;
    private final int step;

    private ForecastAttainment(PipelineForecast forecast, int step) {
        this.forecast = forecast;
        this.step = step;
    }

    /**
     * The model: a rep's attainment in each plan period comes from the forecast's simulation of that period, as
     * the class comment describes.
     *
     * @param forecast the forecast's configuration with its as-of date, {@link PipelineForecast#byOwner} and one
     *                 pipeline method (not AUTO, see {@link PipelineForecast#simulateByOwner()}) set;
     *                 the period and simulations are set per plan period when bound
     * @param gridStep the grid step in percent, 1..25: attainments are drawn as multiples of it
     * @return the model
     * @throws IllegalArgumentException if the grid step is out of range
     */
    public static ForecastAttainment of(PipelineForecast forecast, int gridStep) {
        Objects.requireNonNull(forecast, "forecast");
        HistoricalAttainment.checkGridStep(gridStep);
        return new ForecastAttainment(forecast, gridStep);
    }

    @Override
    public int gridStep() {
        return step;
    }

    /**
     * {@inheritDoc} Runs the forecast's simulation once per period, in the quotas' currency.
     *
     * @throws IllegalStateException       as {@link PipelineForecast#simulateByOwner()} (no as-of date, not by owner)
     * @throws io.salesops.forecast.pipeline.PipelineInputException naming a deal the forecast cannot read or one in
     *                                    another currency than the quotas
     */
    @Override
    public Draws bind(List<String> repIds, List<Period> periods, long[][] quota, Currency currency, int simulations,
                      long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        int cap = HistoricalAttainment.MAX_PERCENT / step;
        // grid[r][p][k], short: a grid index is at most 1000
        short[][][] grid = new short[repIds.size()][periods.size()][simulations];
        List<SimulatedBookings> simulated = new ArrayList<>();
        Set<String> absent = new TreeSet<>();
        for (int p = 0; p < periods.size(); p++) {
            SimulatedBookings s = forecast.currency(currency).period(periods.get(p)).simulations(simulations, seeds.nextLong())
                    .simulateByOwner();
            simulated.add(s);
            Set<String> owners = new HashSet<>(s.owners());
            for (int r = 0; r < repIds.size(); r++) {
                if (!owners.contains(repIds.get(r))) {
                    absent.add(repIds.get(r));
                    continue;
                }
                long[] booked = s.bookings(repIds.get(r));
                for (int k = 0; k < simulations; k++) {
                    grid[r][p][k] = (short) gridPoint(booked[k], quota[r][p], step, cap);
                }
            }
        }
        String description = describe(simulated, simulations)
                + (absent.isEmpty() ? "" : "; " + absent.size() + " reps not in the forecast's org book nothing: " + absent);
        int[][][] support = new int[repIds.size()][periods.size()][];
        for (int r = 0; r < repIds.size(); r++) {
            for (int p = 0; p < periods.size(); p++) {
                support[r][p] = distinct(grid[r][p]);
            }
        }
        return new Draws() {
            @Override
            public void draw(int simulation, int[][] out) {
                for (int r = 0; r < out.length; r++) {
                    for (int p = 0; p < out[r].length; p++) {
                        out[r][p] = grid[r][p][simulation];
                    }
                }
            }

            @Override
            public int[] support(int rep, int period) {
                return support[rep][period].clone();
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /**
     * The grid point of bookings against a quota, rounded half up: {@code round(booked x 100 / (quota x step))}.
     *
     * @throws ArithmeticException if the amounts are too large for exact arithmetic in a long
     */
    static int gridPoint(long booked, long quota, int step, int cap) {
        if (quota <= 0 || booked <= 0) {
            return 0;
        }
        if (booked / quota >= (long) cap * step / 100 + 1) {
            return cap;
        }
        long unit = Math.multiplyExact(quota, step);
        long g = (Math.multiplyExact(booked, 200L) + unit) / Math.multiplyExact(unit, 2L);
        return (int) Math.min(g, cap);
    }

    private static int[] distinct(short[] values) {
        short[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] out = new int[sorted.length];
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                out[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private String describe(List<SimulatedBookings> simulated, int simulations) {
        SimulatedBookings first = simulated.get(0);
        return "pipeline forecast as of " + first.asOf() + ": each rep's bookings in each of " + simulated.size()
                + " periods from the forecast's " + simulations + " simulations (open deals win by their probabilities,"
                + " plus not-yet-created bookings), each period drawn on its own; attainment rounded half up to a "
                + step + "% grid of quota";
    }
}
