package io.salesops.forecast.pipeline;

import io.salesops.core.crm.ForecastCategory;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/**
 * Why one open deal contributes what it does to the forecast:
 * {@code expected = amount x pWin x pInPeriod}, with the product of the two probabilities taken to 9 decimal
 * places ({@link #probability()}) and the money rounded once with the forecast's rounding mode.
 *
 * <p>Immutable and thread-safe. {@link #closeDate()} may be null (no expected close date on the as-of date);
 * nothing else is null.
 */
public final class DealForecast {

    private final String id;
    private final String group;
    private final String owner;
    private final String stage;
    private final ForecastCategory category;
    private final Money amount;
    private final LocalDate closeDate;
    private final long ageDays;
    private final double pWin;
    private final ProbabilitySource winSource;
    private final String winExplanation;
    private final double pInPeriod;
    private final TimingSource timingSource;
    private final String timingExplanation;
    private final long probabilityE9;
    private final long expectedMinor;

    DealForecast(String id, String group, String owner, String stage, ForecastCategory category, Money amount,
                 LocalDate closeDate, long ageDays, double pWin, ProbabilitySource winSource, String winExplanation,
                 double pInPeriod, TimingSource timingSource, String timingExplanation, long probabilityE9,
                 long expectedMinor) {
        this.id = id;
        this.group = group;
        this.owner = owner;
        this.stage = stage;
        this.category = category;
        this.amount = amount;
        this.closeDate = closeDate;
        this.ageDays = ageDays;
        this.pWin = pWin;
        this.winSource = winSource;
        this.winExplanation = winExplanation;
        this.pInPeriod = pInPeriod;
        this.timingSource = timingSource;
        this.timingExplanation = timingExplanation;
        this.probabilityE9 = probabilityE9;
        this.expectedMinor = expectedMinor;
    }

    /** @return the opportunity id */
    public String id() {
        return id;
    }

    /** @return the group key of the leaf roll-up node the deal counts in */
    public String group() {
        return group;
    }

    /** @return the owner */
    public String owner() {
        return owner;
    }

    /** @return the stage on the as-of date ({@code (unknown)} if not known) */
    public String stage() {
        return stage;
    }

    /** @return the forecast category on the as-of date */
    public ForecastCategory category() {
        return category;
    }

    /** @return the amount on the as-of date */
    public Money amount() {
        return amount;
    }

    /** @return the expected close date on the as-of date, or null */
    public LocalDate closeDate() {
        return closeDate;
    }

    /** @return days from creation to the as-of date */
    public long ageDays() {
        return ageDays;
    }

    /** @return the probability that the deal is won */
    public double pWin() {
        return pWin;
    }

    /** @return where {@link #pWin()} came from */
    public ProbabilitySource winSource() {
        return winSource;
    }

    /** @return the counts and prior behind {@link #pWin()}, for a reader */
    public String winExplanation() {
        return winExplanation;
    }

    /** @return the probability that it closes inside the period, given that it wins */
    public double pInPeriod() {
        return pInPeriod;
    }

    /** @return where {@link #pInPeriod()} came from */
    public TimingSource timingSource() {
        return timingSource;
    }

    /** @return the counts behind {@link #pInPeriod()}, for a reader */
    public String timingExplanation() {
        return timingExplanation;
    }

    /** @return {@code pWin x pInPeriod} to 9 decimal places: the factor applied to the amount */
    public BigDecimal probability() {
        return BigDecimal.valueOf(probabilityE9, 9);
    }

    /** @return {@code amount x probability}, rounded once to the minor unit */
    public Money expected() {
        return Money.ofMinor(expectedMinor, amount.currency());
    }

    /** @return the currency */
    Currency currency() {
        return amount.currency();
    }

    /** @return a one-line explanation: {@code O-1 USD 1,000.00 x 0.500 (stage model: Proposal 50%) x 1.000 (close date in the period) = USD 500.00} */
    public String explain() {
        return String.format(Locale.ROOT, "%s %s x %.3f (%s) x %.3f (%s) = %s",
                id, amount, pWin, winExplanation, pInPeriod, timingExplanation, expected());
    }

    @Override
    public String toString() {
        return "DealForecast[" + id + ": " + amount + " x " + probability().toPlainString() + " = " + expected() + "]";
    }
}
