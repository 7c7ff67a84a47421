package io.salesops.planning.quota;

import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Attainment drawn from history: every rep-year of the history (one rep's attainment in each period of one
 * fiscal year) is a possible year, and each simulated rep draws one at random, pooled over all reps. Drawing
 * whole years keeps a rep's quarters together (a strong rep is strong all year) and keeps the seasonality of
 * attainment. A period missing from a rep-year takes that rep-year's mean.
 *
 * <p>Immutable and thread-safe.
 */
public final class HistoricalAttainment implements AttainmentModel {

    /** The highest attainment a draw may give, in percent; above it history is held at it. */
    public static final int MAX_PERCENT = 1000;

    private final int step;
    private final int[][] years;
    private final String description;

    private HistoricalAttainment(int step, int[][] years, String description) {
        this.step = step;
        this.years = years;
        this.description = description;
    }

    /**
     * One observed attainment: a rep's bookings over quota in a period, in percent. Immutable and thread-safe.
     *
     * @param repId   the rep
     * @param period  the period observed
     * @param percent bookings over quota in percent, not negative: 112.5 for 112.5% of quota
     */
    public record Observation(String repId, Period period, BigDecimal percent) {
        /**
         * Checks the fields.
         *
         * @param repId   the rep; not null
         * @param period  the period observed; not null
         * @param percent bookings over quota in percent (not a fraction), not negative; not null
         * @throws NullPointerException     if a field is null
         * @throws IllegalArgumentException naming the rep if the percentage is negative
         */
        public Observation {
            Objects.requireNonNull(repId, "repId");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0) {
                throw new IllegalArgumentException("attainment of " + repId + " in " + period + " is negative: "
                        + percent.toPlainString() + "%");
            }
        }
    }

    /**
     * Builds the model for a plan whose year has {@code periodsPerYear} periods (4 for quarters).
     *
     * @param history        observations; their periods may be months, quarters or halves, mapped onto the
     *                       plan's periods by position in the fiscal year (averaged where several fall in one)
     * @param periodsPerYear 1, 2, 4 or 12
     * @param gridStep       the grid step in percent, 1..25: attainments are drawn as multiples of it
     * @return the model
     * @throws IllegalArgumentException if there is no observation or an argument is out of range
     */
    public static HistoricalAttainment of(List<Observation> history, int periodsPerYear, int gridStep) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("the attainment history has no rows");
        }
        if (12 % periodsPerYear != 0) {
            throw new IllegalArgumentException("a year cannot have " + periodsPerYear + " periods");
        }
        checkGridStep(gridStep);
        Map<String, List<Observation>> byYear = new LinkedHashMap<>();
        Set<String> reps = new HashSet<>();
        for (Observation o : history) {
            byYear.computeIfAbsent(o.repId() + "\u0000" + o.period().fiscalYear(), k -> new ArrayList<>()).add(o);
            reps.add(o.repId());
        }
        int[][] years = new int[byYear.size()][];
        int k = 0;
        for (List<Observation> obs : byYear.values()) {
            years[k++] = year(obs, periodsPerYear, gridStep);
        }
        return new HistoricalAttainment(gridStep, years, "attainment history: " + years.length + " rep-years of "
                + reps.size() + " reps, pooled; drawn on a " + gridStep + "% grid");
    }

    /** @throws IllegalArgumentException if a grid step (percent of quota) is outside 1..25 */
    static void checkGridStep(int gridStep) {
        if (gridStep < 1 || gridStep > 25) {
            throw new IllegalArgumentException("grid step " + gridStep + "% is outside 1%..25%");
        }
    }

    private static int[] year(List<Observation> obs, int periodsPerYear, int step) {
        BigDecimal[] sum = new BigDecimal[periodsPerYear];
        int[] n = new int[periodsPerYear];
        BigDecimal all = BigDecimal.ZERO;
        for (Observation o : obs) {
            int months = o.period().kind().months();
            int firstMonth = (o.period().index() - 1) * months; // 0-based fiscal month
            int perPlan = 12 / periodsPerYear;
            for (int p = 0; p < periodsPerYear; p++) {
                int a = p * perPlan;
                int b = a + perPlan;
                if (firstMonth < b && firstMonth + months > a) {
                    sum[p] = sum[p] == null ? o.percent() : sum[p].add(o.percent());
                    n[p]++;
                }
            }
            all = all.add(o.percent());
        }
        BigDecimal mean = all.divide(BigDecimal.valueOf(obs.size()), 10, RoundingMode.HALF_EVEN);
        int[] out = new int[periodsPerYear];
        for (int p = 0; p < periodsPerYear; p++) {
            BigDecimal v = n[p] == 0 ? mean : sum[p].divide(BigDecimal.valueOf(n[p]), 10, RoundingMode.HALF_EVEN);
            v = v.min(BigDecimal.valueOf(MAX_PERCENT));
            out[p] = v.divide(BigDecimal.valueOf(step), 0, RoundingMode.HALF_UP).intValueExact();
        }
        return out;
    }

    @Override
    public int gridStep() {
        return step;
    }

    /**
     * {@inheritDoc} Each simulated rep draws one rep-year of the history, pooled, independently of the others.
     *
     * @throws IllegalArgumentException if the periods are not as many as the history's periods per year
     */
    @Override
    public Draws bind(List<String> repIds, List<Period> periods, long[][] quota, Currency currency, int simulations,
                      long seed) {
        if (periods.size() != years[0].length) {
            throw new IllegalArgumentException("the attainment history has " + years[0].length + " periods per year"
                    + " but the plan cost simulates " + periods.size() + " (" + periods.get(0) + ".."
                    + periods.get(periods.size() - 1) + ")");
        }
        int[][] support = new int[periods.size()][];
        for (int p = 0; p < support.length; p++) {
            TreeSet<Integer> s = new TreeSet<>();
            for (int[] y : years) {
                s.add(y[p]);
            }
            support[p] = s.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Draws() {
            @Override
            public void draw(int simulation, int[][] out) {
                SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + simulation);
                for (int[] rep : out) {
                    int[] y = years[rnd.nextInt(years.length)];
                    System.arraycopy(y, 0, rep, 0, rep.length);
                }
            }

            @Override
            public int[] support(int rep, int period) {
                return support[period].clone(); // pooled: the same for every rep
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
