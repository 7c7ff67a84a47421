package io.salesops.forecast.pipeline;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One node of a forecast roll-up: a rep (with everyone below them), a manager's own deals, a dimension value,
 * or the total.
 *
 * <p>Every money figure of a parent is exactly the sum of its children's (Money sums are exact and each deal's
 * expected value is rounded once, before any sum), except the simulated percentiles, which are percentiles
 * of the node's own simulated totals, and the quota, which is the rep's own quota where one is set.
 *
 * <p>Measures, in the terms of Salesforce Collaborative Forecasts:
 * <ul>
 *   <li>{@link #closed()}: won inside the period up to the as-of date;</li>
 *   <li>{@link #openPipeline()}: every deal open on the as-of date, whatever its close date;</li>
 *   <li>{@link #commit()}, {@link #bestCase()}, {@link #pipeline()}, {@link #omitted()}: open deals with an
 *       expected close date in the period, by forecast category;</li>
 *   <li>{@link #commitForecast()} = closed + commit; {@link #bestCaseForecast()} = closed + commit + best case;</li>
 *   <li>{@link #expected()} = closed + {@link #openExpected()} + {@link #notYetCreated()} +
 *       {@link #runRateBlend()}: the model's expected bookings for the period.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Optional values are empty when not computed (no simulation, no quota).
 */
public final class ForecastNode {

    private final String group;
    private final String label;
    private final String kind;
    private final Money closed;
    private final Money openPipeline;
    private final Money openExpected;
    private final Money notYetCreated;
    private final Money commit;
    private final Money bestCase;
    private final Money pipeline;
    private final Money omitted;
    private final int openDeals;
    private final Money p10;
    private final Money p50;
    private final Money p90;
    private final Money simulatedMean;
    private final Money quota;
    private final List<ForecastNode> children;
    private final List<Adjustment> adjustments;
    private final Money adjustedExpected;
    private final Money runRateBlend;

    ForecastNode(String group, String label, String kind, Money closed, Money openPipeline, Money openExpected,
                 Money notYetCreated, Money commit, Money bestCase, Money pipeline, Money omitted, int openDeals,
                 Money p10, Money p50, Money p90, Money simulatedMean, Money quota, List<ForecastNode> children,
                 List<Adjustment> adjustments, Money adjustedExpected, Money runRateBlend) {
        this.group = group;
        this.label = label;
        this.kind = kind;
        this.closed = closed;
        this.openPipeline = openPipeline;
        this.openExpected = openExpected;
        this.notYetCreated = notYetCreated;
        this.commit = commit;
        this.bestCase = bestCase;
        this.pipeline = pipeline;
        this.omitted = omitted;
        this.openDeals = openDeals;
        this.p10 = p10;
        this.p50 = p50;
        this.p90 = p90;
        this.simulatedMean = simulatedMean;
        this.quota = quota;
        this.children = List.copyOf(children);
        this.adjustments = List.copyOf(adjustments);
        this.adjustedExpected = adjustedExpected;
        this.runRateBlend = runRateBlend;
    }

    /**
     * This subtree with each leaf's run-rate blend taken from {@code byGroup} (minor units, absent: zero) and
     * every parent's the sum of its children's; percentiles move with the node's blend, and adjusted figures
     * follow unless the node has its own override.
     */
    ForecastNode withRunRateBlend(java.util.Map<String, Long> byGroup) {
        List<ForecastNode> kids = new ArrayList<>();
        Money blend;
        Money childShift = null;
        if (children.isEmpty()) {
            blend = Money.ofMinor(byGroup.getOrDefault(group, 0L), closed.currency());
        } else {
            blend = Money.zero(closed.currency());
            for (ForecastNode c : children) {
                ForecastNode k = c.withRunRateBlend(byGroup);
                kids.add(k);
                blend = blend.plus(k.runRateBlend);
                Money shift = k.adjustedExpected.minus(c.adjustedExpected);
                childShift = childShift == null ? shift : childShift.plus(shift);
            }
        }
        Money delta = blend.minus(runRateBlend);
        Money adjusted = isAdjusted() ? adjustedExpected
                : children.isEmpty() ? adjustedExpected.plus(delta) : adjustedExpected.plus(childShift);
        return new ForecastNode(group, label, kind, closed, openPipeline, openExpected, notYetCreated, commit, bestCase,
                pipeline, omitted, openDeals, shift(p10, delta, closed), shift(p50, delta, closed), shift(p90, delta, closed),
                shift(simulatedMean, delta, closed), quota, kids, adjustments, adjusted, blend);
    }

    /**
     * This subtree with every P10-P90 range widened {@code k} times around its P50, never below what is already
     * closed: the calibration of a range that held too few actuals in the backtest.
     */
    ForecastNode withWidenedRange(double k) {
        List<ForecastNode> kids = new ArrayList<>();
        for (ForecastNode c : children) {
            kids.add(c.withWidenedRange(k));
        }
        Money lo = p10;
        Money hi = p90;
        if (p10 != null && p50 != null && p90 != null) {
            long mid = p50.minorUnits();
            long l = Math.max(closed.minorUnits(), mid - Math.round(k * (mid - p10.minorUnits())));
            lo = Money.ofMinor(Math.min(l, p10.minorUnits()), p10.currency());
            hi = Money.ofMinor(Math.max(p90.minorUnits(), mid + Math.round(k * (p90.minorUnits() - mid))), p90.currency());
        }
        return new ForecastNode(group, label, kind, closed, openPipeline, openExpected, notYetCreated, commit, bestCase,
                pipeline, omitted, openDeals, lo, p50, hi, simulatedMean, quota, kids, adjustments, adjustedExpected,
                runRateBlend);
    }

    private static Money shift(Money m, Money delta, Money floor) {
        if (m == null) {
            return null;
        }
        Money s = m.plus(delta);
        return s.isLessThan(floor) ? floor : s; // what is already won is the least the period can book
    }

    /** @return the group key: a rep id, {@code <rep id> (own)} for a manager's own deals, a dimension value, or {@code Total} */
    public String group() {
        return group;
    }

    /** @return a display label (the rep's name for rep nodes, else the group key) */
    public String label() {
        return label;
    }

    /** @return what the node stands for: {@code total}, {@code rep}, {@code own} or the dimension name */
    public String kind() {
        return kind;
    }

    /** @return won inside the period, up to and including the as-of date */
    public Money closed() {
        return closed;
    }

    /** @return the amount of every deal open on the as-of date */
    public Money openPipeline() {
        return openPipeline;
    }

    /** @return the expected bookings from deals open on the as-of date: sum of amount x P(win) x P(in period | win) */
    public Money openExpected() {
        return openExpected;
    }

    /** @return the expected bookings from opportunities not yet created on the as-of date */
    public Money notYetCreated() {
        return notYetCreated;
    }

    /**
     * @return closed + openExpected + notYetCreated + runRateBlend: the unadjusted expected bookings for the
     *         period
     */
    public Money expected() {
        return closed.plus(openExpected).plus(notYetCreated).plus(runRateBlend);
    }

    /**
     * The run-rate part of a blended forecast ({@link PipelineMethod#AUTO}): for a leaf, {@code (1 - w) x (run
     * rate - pipeline forecast)} with {@code w} the pipeline's weight in the blend the backtest chose (zero
     * unless a blend or a run rate was chosen; negative when the run rate is the lower); for a parent, the sum
     * of its children's.
     *
     * @return the blend's correction to the pipeline forecast
     */
    public Money runRateBlend() {
        return runRateBlend;
    }

    /** @return open deals in the Commit category with an expected close date in the period */
    public Money commit() {
        return commit;
    }

    /** @return open deals in the Best Case category with an expected close date in the period */
    public Money bestCase() {
        return bestCase;
    }

    /** @return open deals in the Pipeline category with an expected close date in the period */
    public Money pipeline() {
        return pipeline;
    }

    /** @return open deals in the Omitted category with an expected close date in the period */
    public Money omitted() {
        return omitted;
    }

    /** @return closed + commit, Salesforce's commit forecast */
    public Money commitForecast() {
        return closed.plus(commit);
    }

    /** @return closed + commit + best case, Salesforce's best-case forecast */
    public Money bestCaseForecast() {
        return closed.plus(commit).plus(bestCase);
    }

    /** @return the number of deals open on the as-of date */
    public int openDeals() {
        return openDeals;
    }

    /** @return the 10th percentile of simulated bookings, if simulated */
    public Optional<Money> p10() {
        return Optional.ofNullable(p10);
    }

    /** @return the median of simulated bookings, if simulated */
    public Optional<Money> p50() {
        return Optional.ofNullable(p50);
    }

    /** @return the 90th percentile of simulated bookings, if simulated */
    public Optional<Money> p90() {
        return Optional.ofNullable(p90);
    }

    /** @return the mean of the simulated bookings (rounded half-even to the minor unit), if simulated */
    public Optional<Money> simulatedMean() {
        return Optional.ofNullable(simulatedMean);
    }

    /** @return the quota for the period: the rep's own where set, else the sum of the children's, if any */
    public Optional<Money> quota() {
        return Optional.ofNullable(quota);
    }

    /** @return closed / quota to two decimals of a percent (half-even), if there is a positive quota */
    public Optional<Percent> attainment() {
        if (quota == null || !quota.isPositive()) {
            return Optional.empty();
        }
        return Optional.of(Percent.ofFraction(closed.ratio(quota).setScale(4, RoundingMode.HALF_EVEN)));
    }

    /** @return quota - closed, if there is a quota (negative when exceeded) */
    public Optional<Money> quotaRemaining() {
        return quota == null ? Optional.empty() : Optional.of(quota.minus(closed));
    }

    /**
     * Pipeline coverage: open pipeline / (quota - closed), to two decimals (half-even), e.g. 3.20 for "3.2x".
     *
     * @return empty if there is no quota or it is already met
     */
    public Optional<BigDecimal> coverage() {
        if (quota == null) {
            return Optional.empty();
        }
        Money remaining = quota.minus(closed);
        if (!remaining.isPositive()) {
            return Optional.empty();
        }
        return Optional.of(openPipeline.ratio(remaining).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** @return the child nodes, in roll-up order */
    public List<ForecastNode> children() {
        return children;
    }

    /** @return the adjustments made to this node, in the order given */
    public List<Adjustment> adjustments() {
        return adjustments;
    }

    /** @return true if this node's number was overridden */
    public boolean isAdjusted() {
        return !adjustments.isEmpty();
    }

    /**
     * The expected bookings after managers' adjustments: this node's latest override if it has one, else its
     * own unadjusted deals plus its children's adjusted figures.
     *
     * @return the adjusted figure; equal to {@link #expected()} when nothing in this subtree was adjusted
     */
    public Money adjustedExpected() {
        return adjustedExpected;
    }

    /**
     * The node with a group key in this subtree, this node included.
     *
     * @param groupKey the group key to find, exact match
     * @return the first such node depth first, empty if none
     */
    public Optional<ForecastNode> find(String groupKey) {
        if (group.equals(groupKey)) {
            return Optional.of(this);
        }
        for (ForecastNode c : children) {
            Optional<ForecastNode> f = c.find(groupKey);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** @return this node and every node below it, parents before children */
    public List<ForecastNode> flatten() {
        List<ForecastNode> out = new ArrayList<>();
        walk(out::add);
        return out;
    }

    private void walk(Consumer<ForecastNode> sink) {
        sink.accept(this);
        for (ForecastNode c : children) {
            c.walk(sink);
        }
    }

    @Override
    public String toString() {
        return "ForecastNode[" + group + ": closed " + closed + ", expected " + expected() + ", open " + openPipeline + "]";
    }
}
