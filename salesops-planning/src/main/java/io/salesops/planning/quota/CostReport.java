package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a comp plan costs over simulated years: the distribution of total payout, cost of sales, the share of
 * reps at or above quota, and where the payout curve is steepest. Immutable and thread-safe.
 *
 * @param planName        the plan
 * @param simulations     the number of simulated years
 * @param seed            the seed they were drawn with
 * @param payoutP10       total payout (earned, all reps, all periods), 10th percentile (nearest rank)
 * @param payoutP50       median
 * @param payoutP90       90th percentile
 * @param payoutMean      mean, rounded half-even to the cent
 * @param bookingsP50     median of total simulated bookings
 * @param costOfSalesP10  payout as a percentage of bookings, per simulated year: 10th percentile
 * @param costOfSalesP50  median
 * @param costOfSalesP90  90th percentile
 * @param atQuotaP10      percentage of reps whose year bookings reached their year quota: 10th percentile
 * @param atQuotaMean     mean
 * @param atQuotaP90      90th percentile
 * @param steepest        the steepest steps of the payout curve of the median-quota rep, steepest first
 * @param totals          each simulated year's total payout in minor units, in simulation order; copied
 * @param notes           how the cost was computed (exact tables or the full engine, and why)
 */
public record CostReport(String planName, int simulations, long seed, Money payoutP10, Money payoutP50,
                         Money payoutP90, Money payoutMean, Money bookingsP50, BigDecimal costOfSalesP10,
                         BigDecimal costOfSalesP50, BigDecimal costOfSalesP90, BigDecimal atQuotaP10,
                         BigDecimal atQuotaMean, BigDecimal atQuotaP90, List<CurveStep> steepest, long[] totals,
                         List<String> notes) {

    /** Copies the arrays and lists. */
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

    /** @return simulated year {@code k}'s total payout */
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
