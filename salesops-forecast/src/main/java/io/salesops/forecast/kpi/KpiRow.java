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
 * @param winRateByCount   won / (won + lost), a fraction 0 to 1 (0.25 for 25%); empty with no closed deal
 * @param winRateByValue   won value / (won + lost value), a fraction 0 to 1; empty when the closed value is 0
 * @param averageDealSize  won value / won deals, rounded half-even to the minor unit; null if nothing was won
 * @param medianCycleWon   median days from creation to close of won deals; empty if none was won
 * @param meanCycleWon     mean days from creation to close of won deals; empty if none was won
 * @param medianCycleLost  median days from creation to close of lost deals; empty if none was lost
 * @param meanCycleLost    mean days from creation to close of lost deals; empty if none was lost
 * @param slippageRate     of the deals closed in the window with a recorded expected close date, the share
 *                         (fraction 0 to 1) that closed in a later period than the first expected close date
 *                         said; empty if no closed deal has one recorded
 * @param openDeals        deals open at the end of the window
 * @param openPipeline     their value
 * @param pipelineVelocity open deals x win rate x average deal size / mean won cycle, value per day, rounded
 *                         half-even to the minor unit; null if nothing was won or the mean won cycle is 0 days
 * @param bookings         value won in each period of the window, in order
 * @param conversions      stage-to-stage conversion from the stage history of deals closed in the window; one
 *                         step, the first open stage to won, when no deal has history and no lost deal is at an
 *                         open stage (then where a lost deal left the process is unknown)
 */
public record KpiRow(String group, long won, long lost, Money wonAmount, Money lostAmount,
                     OptionalDouble winRateByCount, OptionalDouble winRateByValue, Money averageDealSize,
                     OptionalDouble medianCycleWon, OptionalDouble meanCycleWon,
                     OptionalDouble medianCycleLost, OptionalDouble meanCycleLost,
                     OptionalDouble slippageRate, long openDeals, Money openPipeline, Money pipelineVelocity,
                     List<Money> bookings, List<StageConversion> conversions) {
    /**
     * Copies the lists.
     *
     * @param group            the group key; {@code Total} for the total row, {@code (none)} for deals without a
     *                         value of the dimension
     * @param won              deals won in the window, 0 or more
     * @param lost             deals lost in the window, 0 or more
     * @param wonAmount        value won in the window
     * @param lostAmount       value lost in the window
     * @param winRateByCount   won / (won + lost) as a fraction 0 to 1; empty with no closed deal
     * @param winRateByValue   won value / closed value as a fraction 0 to 1; empty when the closed value is 0
     * @param averageDealSize  won value / won deals, rounded half-even to the minor unit; null if nothing was won
     * @param medianCycleWon   median days from creation to close of won deals; empty if none
     * @param meanCycleWon     mean days from creation to close of won deals; empty if none
     * @param medianCycleLost  median days from creation to close of lost deals; empty if none
     * @param meanCycleLost    mean days from creation to close of lost deals; empty if none
     * @param slippageRate     fraction 0 to 1 of the closed deals with a recorded expected close date that
     *                         closed in a later period; empty if no such deal
     * @param openDeals        deals open at the end of the window, 0 or more
     * @param openPipeline     their value
     * @param pipelineVelocity expected value won per day; null without a won deal or a positive mean won cycle
     * @param bookings         value won in each period of the window, in order; copied
     * @param conversions      one per open stage of the model, in order; copied
     * @throws NullPointerException if {@code bookings} or {@code conversions} is null or holds a null
     */
    public KpiRow {
        bookings = List.copyOf(bookings);
        conversions = List.copyOf(conversions);
    }

    /**
     * This row with its steps folded into one, the first open stage to won, counting the deals of the last step:
     * for a window whose closed deals say nothing about the stages between.
     */
    KpiRow withOneConversionStep() {
        if (conversions.size() < 2) {
            return this;
        }
        StageConversion last = conversions.get(conversions.size() - 1);
        return new KpiRow(group, won, lost, wonAmount, lostAmount, winRateByCount, winRateByValue, averageDealSize,
                medianCycleWon, meanCycleWon, medianCycleLost, meanCycleLost, slippageRate, openDeals, openPipeline,
                pipelineVelocity, bookings,
                List.of(new StageConversion(conversions.get(0).from(), last.to(), last.reached(), last.converted())));
    }
}
