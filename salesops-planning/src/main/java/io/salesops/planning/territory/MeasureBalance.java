package io.salesops.planning.territory;

import java.math.BigDecimal;

/**
 * How balanced one measure is across reps: spread, coefficient of variation and how many reps are outside
 * the tolerance. Loads are compared per unit of capacity, so unequal capacities do not count as imbalance.
 *
 * <p>Immutable and thread-safe.
 *
 * @param measure             the measure
 * @param maxOverMin          the largest load per capacity over the smallest (infinite if the smallest is 0
 *                            and the largest is not; 1 if both are 0)
 * @param coefficientOfVariation standard deviation over mean of load/target (population), 0 with no load
 * @param maxDeviationPercent the largest |load/target - 1| in percent
 * @param repsOutside         reps whose load is outside target x (1 +- tolerance)
 */
public record MeasureBalance(Measure measure, double maxOverMin, double coefficientOfVariation,
                             BigDecimal maxDeviationPercent, int repsOutside) {
}
