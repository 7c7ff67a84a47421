package io.salesops.forecast.pipeline;

import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The result of a {@link PipelineForecast}: a roll-up tree of {@link ForecastNode}s under a {@code Total} root,
 * one {@link DealForecast} per open deal saying why it contributes what it does, and the assumptions the
 * forecast made, in words.
 *
 * <p>Immutable and thread-safe.
 */
public final class ForecastReport {

    private final Period period;
    private final LocalDate asOf;
    private final Currency currency;
    private final ForecastNode root;
    private final List<DealForecast> deals;
    private final List<String> assumptions;
    private final int simulations;
    private final long seed;
    private volatile Map<String, DealForecast> dealIndex;

    ForecastReport(Period period, LocalDate asOf, Currency currency, ForecastNode root, List<DealForecast> deals,
                   List<String> assumptions, int simulations, long seed) {
        this.period = period;
        this.asOf = asOf;
        this.currency = currency;
        this.root = root;
        this.deals = deals; // an unmodifiable view over arrays the engine no longer touches
        this.assumptions = List.copyOf(assumptions);
        this.simulations = simulations;
        this.seed = seed;
    }

    /** This report with one more assumption at the end. */
    ForecastReport withNote(String note) {
        List<String> a = new java.util.ArrayList<>(assumptions);
        a.add(note);
        return new ForecastReport(period, asOf, currency, root, deals, a, simulations, seed);
    }

    /** This report with each leaf group's run-rate blend (minor units) and the roll-up recomputed. */
    ForecastReport withRunRateBlend(Map<String, Long> byGroup) {
        return new ForecastReport(period, asOf, currency, root.withRunRateBlend(byGroup), deals, assumptions, simulations, seed);
    }

    /** This report with every P10-P90 range widened {@code k} times around its P50. */
    ForecastReport withWidenedRange(double k) {
        return new ForecastReport(period, asOf, currency, root.withWidenedRange(k), deals, assumptions, simulations, seed);
    }

    /** @return the forecast period */
    public Period period() {
        return period;
    }

    /** @return the day whose end the forecast stands at */
    public LocalDate asOf() {
        return asOf;
    }

    /** @return the currency of every amount */
    public Currency currency() {
        return currency;
    }

    /** @return the {@code Total} node */
    public ForecastNode root() {
        return root;
    }

    /** @return every node, parents before children, starting with the total */
    public List<ForecastNode> nodes() {
        return root.flatten();
    }

    /**
     * The node with a group key, anywhere in the tree.
     *
     * @param group a group key: a rep id, {@code <id> (own)}, a dimension value, or {@code Total}; exact match
     * @return the first such node depth first, empty if none
     */
    public Optional<ForecastNode> node(String group) {
        return root.find(group);
    }

    /** @return one explanation per deal open on the as-of date, in input order */
    public List<DealForecast> deals() {
        return deals;
    }

    /**
     * The explanation of one open deal.
     *
     * @param id the opportunity's id, exact match
     * @return the deal's explanation, empty if no deal with this id was open on the as-of date
     */
    public Optional<DealForecast> deal(String id) {
        Map<String, DealForecast> idx = dealIndex;
        if (idx == null) {
            idx = deals.stream().collect(Collectors.toUnmodifiableMap(DealForecast::id, Function.identity(), (a, b) -> a));
            dealIndex = idx;
        }
        return Optional.ofNullable(idx.get(id));
    }

    /** @return the assumptions behind the numbers, one sentence each */
    public List<String> assumptions() {
        return assumptions;
    }

    /** @return the number of simulations run, 0 if none */
    public int simulations() {
        return simulations;
    }

    /** @return the simulation seed (meaningless without simulations) */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "ForecastReport[" + period + " as of " + asOf + ": " + root + "]";
    }
}
