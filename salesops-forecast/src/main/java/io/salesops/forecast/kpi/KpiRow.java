package io.salesops.forecast.kpi;

import io.salesops.core.money.Money;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The KPIs of one group (an owner, a product, ..., or {@code Total}) over a window. Ratios are doubles and
 * empty where undefined (no closed deals, no won deals); money is exact. Immutable and thread-safe.
 *
 * @param group            the group key
 * @param won              deals won in the window
 * @param lost             deals lost in the window
 * @param wonAmount        value won in the window
 * @param lostAmount       value lost in the window
 * @param winRateByCount   won / (won + lost)
 * @param winRateByValue   won value / (won + lost value)
 * @param averageDealSize  won value / won deals, rounded half-even; null if nothing was won
 * @param medianCycleWon   median days from creation to close of won deals
 * @param meanCycleWon     mean days from creation to close of won deals
 * @param medianCycleLost  median days from creation to close of lost deals
 * @param meanCycleLost    mean days from creation to close of lost deals
 * @param slippageRate     of the deals closed in the window with a recorded expected close date, the share
 *                         that closed in a later period than the first expected close date said
 * @param openDeals        deals open at the end of the window
 * @param openPipeline     their value
 * @param pipelineVelocity open deals x win rate x average deal size / mean won cycle, per day; null if undefined
 * @param bookings         value won in each period of the window, in order
 * @param conversions      stage-to-stage conversion from the stage history of deals closed in the window
 */
public record KpiRow(String group, long won, long lost, Money wonAmount, Money lostAmount,
                     OptionalDouble winRateByCount, OptionalDouble winRateByValue, Money averageDealSize,
                     OptionalDouble medianCycleWon, OptionalDouble meanCycleWon,
                     OptionalDouble medianCycleLost, OptionalDouble meanCycleLost,
                     OptionalDouble slippageRate, long openDeals, Money openPipeline, Money pipelineVelocity,
                     List<Money> bookings, List<StageConversion> conversions) {
    /** Copies the lists. */
    public KpiRow {
        bookings = List.copyOf(bookings);
        conversions = List.copyOf(conversions);
    }
}
