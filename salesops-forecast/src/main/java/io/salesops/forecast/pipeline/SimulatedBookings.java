package io.salesops.forecast.pipeline;

import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The joint draws of a pipeline forecast's simulation, per owner: for each rep of the org, what they booked in the
 * period in each simulation (won so far, plus open deals winning inside the period by their probabilities with
 * their amounts, plus not-yet-created bookings), in simulation order. Simulation {@code s} of every owner comes
 * from one draw, so summing owners' bookings of one simulation gives that simulation's total. A manager's
 * bookings are their own deals only, not their team's. Made by {@link PipelineForecast#simulateByOwner()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class SimulatedBookings {

    private final Period period;
    private final LocalDate asOf;
    private final Currency currency;
    private final long seed;
    private final int simulations;
    private final Map<String, long[]> byOwner;

    private SimulatedBookings(Period period, LocalDate asOf, Currency currency, long seed, int simulations,
                              Map<String, long[]> byOwner) {
        this.period = period;
        this.asOf = asOf;
        this.currency = currency;
        this.seed = seed;
        this.simulations = simulations;
        this.byOwner = byOwner;
    }

    /** Copies each org rep's own leaf row (simulation order) out of the unsorted simulation of every node. */
    static SimulatedBookings byOwner(PipelineForecast f, Currency currency, RollupTree tree, long[][] unsorted) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (Rep r : f.org.reps()) {
            Integer leaf = tree.ownerLeaf(r.id());
            rows.put(r.id(), leaf == null ? new long[f.simulations] : unsorted[leaf].clone());
        }
        return new SimulatedBookings(f.period, f.asOf, currency, f.seed, f.simulations, rows);
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

    /** @return the seed the simulation was drawn with */
    public long seed() {
        return seed;
    }

    /** @return the number of simulations, at least 1 */
    public int simulations() {
        return simulations;
    }

    /** @return the owners: every rep of the org, in org order */
    public List<String> owners() {
        return List.copyOf(byOwner.keySet());
    }

    /**
     * One owner's bookings in every simulation.
     *
     * @param ownerId a rep id of the forecast's org, e.g. {@code "ann"}
     * @return the owner's bookings in each simulation, in minor units of {@link #currency()}, in simulation
     *         order, {@link #simulations()} long; a new array on every call
     * @throws IllegalArgumentException if the owner is not a rep of the forecast's org
     */
    public long[] bookings(String ownerId) {
        return row(ownerId).clone();
    }

    /**
     * One owner's bookings in one simulation.
     *
     * @param ownerId    a rep id of the forecast's org
     * @param simulation the simulation's index, 0-based, below {@link #simulations()}
     * @return the owner's bookings in that simulation, in {@link #currency()}
     * @throws IllegalArgumentException if the owner is not a rep of the org or the simulation is out of range
     */
    public Money bookings(String ownerId, int simulation) {
        if (simulation < 0 || simulation >= simulations) {
            throw new IllegalArgumentException("simulation " + simulation + " is outside 0.." + (simulations - 1));
        }
        return Money.ofMinor(row(ownerId)[simulation], currency);
    }

    private long[] row(String ownerId) {
        long[] row = byOwner.get(ownerId);
        if (row == null) {
            throw new IllegalArgumentException("\"" + ownerId + "\" is not a rep of the forecast's org");
        }
        return row;
    }

    @Override
    public String toString() {
        return "SimulatedBookings[" + period + " as of " + asOf + ", " + byOwner.size() + " owners x " + simulations
                + " simulations, seed " + seed + "]";
    }
}
