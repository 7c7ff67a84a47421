package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a comp plan costs over simulated years: the distribution of total payout, cost of sales, the share of
 * reps at or above quota, and where the payout curve is steepest. Percentiles are nearest-rank over the simulated
 * years; percentages are in percent (8.5 for 8.5%). Immutable and thread-safe.
 *
 * @param planName       the plan's name
 * @param simulations    the number of simulated years
 * @param seed           the seed they were drawn with (the same seed and inputs give the same report)
 * @param payoutP10      total payout of a year (earned, all reps, all periods), 10th percentile
 * @param payoutP50      total payout of a year, median
 * @param payoutP90      total payout of a year, 90th percentile: budget this to be covered nine years in ten
 * @param payoutMean     total payout of a year, mean, rounded half-even to the cent
 * @param bookingsP50    total simulated bookings of a year, median
 * @param costOfSalesP10 a year's payout as a percentage of its bookings, 10th percentile
 * @param costOfSalesP50 a year's payout as a percentage of its bookings, median
 * @param costOfSalesP90 a year's payout as a percentage of its bookings, 90th percentile
 * @param atQuotaP10     percentage of reps whose year bookings reached their year quota, 10th percentile
 * @param atQuotaMean    percentage of reps whose year bookings reached their year quota, mean
 * @param atQuotaP90     percentage of reps whose year bookings reached their year quota, 90th percentile
 * @param steepest       the steepest steps of the payout curve of the median-quota rep, steepest first
 * @param totals         each simulated year's total payout in minor units of the payout currency, in simulation
 *                       order; copied
 * @param notes          how the cost was computed (exact tables or the full engine, and why)
 */
public record CostReport(String planName, int simulations, long seed, Money payoutP10, Money payoutP50,
                         Money payoutP90, Money payoutMean, Money bookingsP50, BigDecimal costOfSalesP10,
                         BigDecimal costOfSalesP50, BigDecimal costOfSalesP90, BigDecimal atQuotaP10,
                         BigDecimal atQuotaMean, BigDecimal atQuotaP90, List<CurveStep> steepest, long[] totals,
                         List<String> notes) {

    /**
     * Copies the arrays and lists.
     *
     * @param planName       the plan's name; not null
     * @param simulations    the number of simulated years
     * @param seed           the seed they were drawn with
     * @param payoutP10      total payout of a year, 10th percentile
     * @param payoutP50      total payout of a year, median; its currency is the report's
     * @param payoutP90      total payout of a year, 90th percentile
     * @param payoutMean     total payout of a year, mean
     * @param bookingsP50    total simulated bookings of a year, median
     * @param costOfSalesP10 payout as a percentage of bookings, 10th percentile
     * @param costOfSalesP50 payout as a percentage of bookings, median
     * @param costOfSalesP90 payout as a percentage of bookings, 90th percentile
     * @param atQuotaP10     percentage of reps at quota, 10th percentile
     * @param atQuotaMean    percentage of reps at quota, mean
     * @param atQuotaP90     percentage of reps at quota, 90th percentile
     * @param steepest       the steepest steps of the payout curve; copied; not null
     * @param totals         each simulated year's total payout in minor units; copied; not null
     * @param notes          how the cost was computed; copied; not null
     * @throws NullPointerException if the name, a list or the array is null
     */
    public CostReport {
        Objects.requireNonNull(planName, "planName");
        totals = totals.clone();
        steepest = List.copyOf(steepest);
        notes = List.copyOf(notes);
    }

    /** @return a copy of each simulated year's total payout in minor units */
    @Override
    public long[] totals() {
        return totals.clone();
    }

    /**
     * One simulated year's total payout, as money.
     *
     * @param k the simulated year, 0 to {@link #simulations()} - 1, in simulation order
     * @return that year's total payout, in the currency of {@link #payoutP50()}
     * @throws ArrayIndexOutOfBoundsException if {@code k} is outside that range
     */
    public Money total(int k) {
        return Money.ofMinor(totals[k], payoutP50.currency());
    }

    /**
     * One step of the payout curve: the median-quota rep's pay for the year when they reach {@code fromPercent}
     * and {@code toPercent} of quota in every period.
     *
     * @param fromPercent attainment before the step
     * @param toPercent   attainment after the step
     * @param payFrom     the year's pay at {@code fromPercent}
     * @param payTo       the year's pay at {@code toPercent}
     */
    public record CurveStep(int fromPercent, int toPercent, Money payFrom, Money payTo) {
        /** @return the pay added by the step */
        public Money rise() {
            return payTo.minus(payFrom);
        }
    }
}
