package io.salesops.forecast.kpi;

import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import java.util.OptionalDouble;

/**
 * The deals created in one period of the window and how they stood at the end of the window. Win rates are over
 * the closed deals of the cohort, empty if none closed; recent cohorts have more deals still open, so read
 * {@code open} next to them. Immutable and thread-safe.
 *
 * @param cohort         the period the deals were created in
 * @param created        deals created in that period
 * @param won            of those, won by the end of the window
 * @param lost           of those, lost by the end of the window
 * @param open           of those, still open at the end of the window
 * @param wonAmount      value of the won deals
 * @param lostAmount     value of the lost deals
 * @param winRateByCount won / (won + lost)
 * @param winRateByValue won value / (won + lost value)
 */
public record CohortWinRate(Period cohort, long created, long won, long lost, long open, Money wonAmount,
                            Money lostAmount, OptionalDouble winRateByCount, OptionalDouble winRateByValue) {
}
