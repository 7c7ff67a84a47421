package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Why one open deal contributes what it does to the forecast:
 * {@code expected = amount x pWin x pInPeriod}, with the product of the two probabilities taken to 9 decimal
 * places ({@link #probability()}) and the money rounded once with the forecast's rounding mode.
 *
 * <p>Immutable and thread-safe. {@code closeDate} may be null (no expected close date on the as-of date).
 *
 * @param id                the opportunity id
 * @param group             the leaf roll-up node the deal counts in
 * @param owner             the owner
 * @param stage             the stage on the as-of date ({@code (unknown)} if not known)
 * @param category          the forecast category on the as-of date
 * @param amount            the amount on the as-of date
 * @param closeDate         the expected close date on the as-of date, or null
 * @param ageDays           days from creation to the as-of date
 * @param pWin              probability that the deal is won
 * @param winSource         where {@code pWin} came from
 * @param winExplanation    the counts and prior behind {@code pWin}, for a reader
 * @param pInPeriod         probability that it closes inside the period, given that it wins
 * @param timingSource      where {@code pInPeriod} came from
 * @param timingExplanation the counts behind {@code pInPeriod}, for a reader
 * @param probability       {@code pWin x pInPeriod}, to 9 decimal places (half-even)
 * @param expected          {@code amount x probability}, rounded once
 */
public record DealForecast(String id, String group, String owner, String stage, ForecastCategory category,
                           Money amount, LocalDate closeDate, long ageDays,
                           double pWin, ProbabilitySource winSource, String winExplanation,
                           double pInPeriod, TimingSource timingSource, String timingExplanation,
                           BigDecimal probability, Money expected) {

    /** @return a one-line explanation: {@code O-1 USD 1,000.00 x 0.500 (stage model: Proposal) x 1.000 (close date 2026-08-01 in period) = USD 500.00} */
    public String explain() {
        return String.format(java.util.Locale.ROOT, "%s %s x %.3f (%s) x %.3f (%s) = %s",
                id, amount, pWin, winExplanation, pInPeriod, timingExplanation, expected);
    }
}
