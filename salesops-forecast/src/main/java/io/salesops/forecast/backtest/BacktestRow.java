package io.salesops.forecast.backtest;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;

/**
 * One group (e.g. owner) in one backtested period: what was booked, what the model forecast on the first day
 * of the period, and the run-rate baseline (the group's bookings in the period before). Immutable and
 * thread-safe.
 *
 * @param period   the backtested period, forecast as of its first day
 * @param group    the group key (an owner id, or {@code Total})
 * @param actual   what was won inside the period
 * @param forecast the model's expected bookings as of the first day
 * @param runRate  the group's bookings in the previous period
 */
public record BacktestRow(Period period, String group, Money actual, Money forecast, Money runRate) {

    /** @return |forecast - actual| in minor units */
    public long modelError() {
        return Math.abs(Math.subtractExact(forecast.minorUnits(), actual.minorUnits()));
    }

    /** @return |run rate - actual| in minor units */
    public long runRateError() {
        return Math.abs(Math.subtractExact(runRate.minorUnits(), actual.minorUnits()));
    }

    /** @return the model's absolute percentage error, |forecast - actual| / actual; NaN when nothing was booked */
    public double modelApe() {
        return actual.isZero() ? Double.NaN : modelError() / (double) actual.minorUnits();
    }

    /** @return the run-rate baseline's absolute percentage error; NaN when nothing was booked */
    public double runRateApe() {
        return actual.isZero() ? Double.NaN : runRateError() / (double) actual.minorUnits();
    }
}
