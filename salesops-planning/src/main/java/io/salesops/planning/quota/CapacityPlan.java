package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How many reps to hire, and when, to reach a bookings target: the number of hires with a range from
 * simulated attrition, and a month-by-month table for that number. Immutable and thread-safe.
 *
 * @param target        the bookings target of the year
 * @param hires         the hires needed in the median simulated year (P50)
 * @param hiresLow      the hires needed in the 10% luckiest years (fewest leavers): P10
 * @param hiresHigh     the hires needed in the 10% unluckiest years: P90 (hire this many to reach the target
 *                      nine years in ten)
 * @param bookingsP10   the year's bookings with {@code hires} hires, 10th percentile over the simulated years
 * @param bookingsP50   the year's bookings with {@code hires} hires, median over the simulated years
 * @param bookingsP90   the year's bookings with {@code hires} hires, 90th percentile over the simulated years
 * @param months        one row per fiscal month with {@code hires} hires; copied
 * @param notes         the assumptions, in words; copied
 */
public record CapacityPlan(Money target, int hires, int hiresLow, int hiresHigh, Money bookingsP10, Money bookingsP50,
                           Money bookingsP90, List<Month> months, List<String> notes) {

    /**
     * Copies the lists.
     *
     * @param target      the bookings target of the year
     * @param hires       the hires needed in the median simulated year (P50)
     * @param hiresLow    the hires needed in the 10% luckiest years (fewest leavers): P10
     * @param hiresHigh   the hires needed in the 10% unluckiest years: P90 (hire this many to reach the target nine
     *                    years in ten)
     * @param bookingsP10 the year's bookings with {@code hires} hires, 10th percentile over the simulated years
     * @param bookingsP50 the year's bookings with {@code hires} hires, median over the simulated years
     * @param bookingsP90 the year's bookings with {@code hires} hires, 90th percentile over the simulated years
     * @param months      one row per fiscal month with {@code hires} hires; copied
     * @param notes       the assumptions, in words; copied
     */
    public CapacityPlan {
        Objects.requireNonNull(target, "target");
        months = List.copyOf(months);
        notes = List.copyOf(notes);
    }

    /**
     * One fiscal month of the plan.
     *
     * @param month     the month
     * @param hired     reps hired that month (plan, not simulated)
     * @param headcount mean reps in role over the simulated years
     * @param ramped    mean fully-ramped equivalents (sum of ramp percentages)
     * @param bookings  mean bookings of the month, rounded half-even to the cent
     */
    public record Month(Period month, int hired, BigDecimal headcount, BigDecimal ramped, Money bookings) {
    }
}
