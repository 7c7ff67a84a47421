package io.salesops.comp.internal;

import java.math.BigDecimal;

/**
 * What a component measured for a payee in a slice of the period.
 *
 * @param start        where the period starts on the axis: the year to date for cumulative measures, else 0
 * @param periodAmount the amount credited in the slice, minor units
 * @param value        {@code start + periodAmount}
 * @param count        credited deals (year to date when cumulative)
 * @param quota        the prorated quota in minor units, or null if the component needs none
 * @param attainment   {@code value / quota} in percent, or null without a quota or at a zero quota
 */
record ComponentMeasure(long start, long periodAmount, long value, long count, Long quota, BigDecimal attainment) {
}
