package io.salesops.comp.internal;

import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

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

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * {@code value x 100 / quota} as {@code BigDecimal.divide(quota, MathContext.DECIMAL128)} gives it: the exact
     * quotient at the smallest scale not below 0 when it terminates, else rounded to 34 digits. A quotient that
     * terminates within a {@code long} (a quota of round thousands, say) is found by long division alone; the
     * rest go through {@link BigDecimal}.
     *
     * @param quota not 0
     */
    static BigDecimal attainment(long value, long quota) {
        if (value > -Long.MAX_VALUE / 100 && value < Long.MAX_VALUE / 100) {
            long num = value * 100;
            for (int scale = 0; scale <= 18; scale++) {
                if (num % quota == 0) {
                    return BigDecimal.valueOf(num / quota, scale);
                }
                if (num > Long.MAX_VALUE / 10 || num < -Long.MAX_VALUE / 10) {
                    break;
                }
                num *= 10;
            }
        }
        return BigDecimal.valueOf(value).multiply(HUNDRED).divide(BigDecimal.valueOf(quota), MathContext.DECIMAL128);
    }

    /** Decimal places of a reported attainment: far below a cent of pay, within what a {@link Percent} holds. */
    static final int REPORTED_SCALE = 20;

    /**
     * @return the attainment as the statement reports it, rounded half-even to {@value #REPORTED_SCALE} decimal
     *         places (the pay rules use the unrounded quotient); empty without a quota or at a zero quota
     */
    Optional<Percent> attainmentPercent() {
        if (attainment == null) {
            return Optional.empty();
        }
        BigDecimal reported = attainment.scale() > REPORTED_SCALE
                ? attainment.setScale(REPORTED_SCALE, RoundingMode.HALF_EVEN) : attainment;
        return Optional.of(Percent.of(reported));
    }
}
