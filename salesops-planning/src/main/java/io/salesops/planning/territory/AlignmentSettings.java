package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a territory plan must reach and how long it may search: the measures to balance, the tolerance
 * around each rep's target, the share of accounts that may change rep, the method, seed and limits.
 *
 * <p>Immutable and thread-safe; each {@code withX} returns a changed copy (like {@code java.time}). The
 * defaults: balance potential and workload within 5% of target, at most 20% of accounts moved, solver, seed 0,
 * 30 s time limit, 2 local-search steps per account without a new best before stopping (and at most 100 evaluated moves per
 * account in all).
 *
 * <p>Reproducibility: the solver stops on a step count (steps without improvement, or the total step budget),
 * which is the same on every run with the same seed and input. The time limit is a safety net only: if it
 * is reached first the result may differ between runs, and {@link TerritoryPlan#stoppedByTimeLimit()} says so.
 */
public final class AlignmentSettings {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Set<Measure> measures;
    private final BigDecimal tolerancePercent;
    private final BigDecimal maxMoveShare;
    private final AlignmentMethod method;
    private final long seed;
    private final Duration timeLimit;
    private final int unimprovedStepsPerAccount;

    private AlignmentSettings(Set<Measure> measures, BigDecimal tolerancePercent, BigDecimal maxMoveShare,
                              AlignmentMethod method, long seed, Duration timeLimit, int unimprovedStepsPerAccount) {
        this.measures = measures;
        this.tolerancePercent = tolerancePercent;
        this.maxMoveShare = maxMoveShare;
        this.method = method;
        this.seed = seed;
        this.timeLimit = timeLimit;
        this.unimprovedStepsPerAccount = unimprovedStepsPerAccount;
    }

    /** @return the defaults described in the class comment */
    public static AlignmentSettings defaults() {
        return new AlignmentSettings(Set.copyOf(EnumSet.allOf(Measure.class)), BigDecimal.valueOf(5),
                new BigDecimal("0.2"), AlignmentMethod.SOLVER, 0, Duration.ofSeconds(30), 2);
    }

    /**
     * @param newMeasures the measures to balance; may be empty (then only compactness and moves count)
     * @return a copy balancing these measures
     */
    public AlignmentSettings withMeasures(Set<Measure> newMeasures) {
        Set<Measure> m = newMeasures.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(newMeasures));
        return new AlignmentSettings(m, tolerancePercent, maxMoveShare, method, seed, timeLimit, unimprovedStepsPerAccount);
    }

    /**
     * @param percent how far a rep's load may be from its target, in percent of the target; 0..100
     * @return a copy with this tolerance
     * @throws IllegalArgumentException if the percentage is out of range
     */
    public AlignmentSettings withTolerancePercent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("tolerance " + percent.toPlainString() + "% is not within 0..100%");
        }
        return new AlignmentSettings(measures, percent, maxMoveShare, method, seed, timeLimit, unimprovedStepsPerAccount);
    }

    /**
     * @param share the largest share of accounts (0..1) that may end with another rep than their current one
     * @return a copy with this cap
     * @throws IllegalArgumentException if the share is out of range
     */
    public AlignmentSettings withMaxMoveShare(BigDecimal share) {
        Objects.requireNonNull(share, "share");
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("move cap " + share.multiply(HUNDRED).stripTrailingZeros().toPlainString()
                    + "% is not within 0..100%");
        }
        return new AlignmentSettings(measures, tolerancePercent, share, method, seed, timeLimit, unimprovedStepsPerAccount);
    }

    /**
     * @param newMethod the search method, not null
     * @return a copy using it
     */
    public AlignmentSettings withMethod(AlignmentMethod newMethod) {
        return new AlignmentSettings(measures, tolerancePercent, maxMoveShare, Objects.requireNonNull(newMethod, "method"),
                seed, timeLimit, unimprovedStepsPerAccount);
    }

    /**
     * @param newSeed the random seed of the solver's search
     * @return a copy with this seed
     */
    public AlignmentSettings withSeed(long newSeed) {
        return new AlignmentSettings(measures, tolerancePercent, maxMoveShare, method, newSeed, timeLimit, unimprovedStepsPerAccount);
    }

    /**
     * @param limit the wall-clock safety limit of the whole plan, positive
     * @return a copy with this limit
     * @throws IllegalArgumentException if the limit is not positive
     */
    public AlignmentSettings withTimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("time limit " + limit + " is not positive");
        }
        return new AlignmentSettings(measures, tolerancePercent, maxMoveShare, method, seed, limit, unimprovedStepsPerAccount);
    }

    /**
     * @param steps local-search steps per account without a new best score before the solver stops, 1..100,000
     * @return a copy with this stopping rule
     * @throws IllegalArgumentException if out of range
     */
    public AlignmentSettings withUnimprovedStepsPerAccount(int steps) {
        if (steps < 1 || steps > 100_000) {
            throw new IllegalArgumentException("unimproved steps per account " + steps + " is not within 1..100000");
        }
        return new AlignmentSettings(measures, tolerancePercent, maxMoveShare, method, seed, timeLimit, steps);
    }

    /** @return the balanced measures, unmodifiable, in enum order when iterated via {@link #balances(Measure)} */
    public Set<Measure> measures() {
        return measures;
    }

    /**
     * @param measure a measure, not null
     * @return whether it is balanced
     */
    public boolean balances(Measure measure) {
        return measures.contains(measure);
    }

    /** @return the tolerance in percent of each rep's target */
    public BigDecimal tolerancePercent() {
        return tolerancePercent;
    }

    /** @return the largest share (0..1) of accounts that may change rep */
    public BigDecimal maxMoveShare() {
        return maxMoveShare;
    }

    /** @return the search method */
    public AlignmentMethod method() {
        return method;
    }

    /** @return the random seed */
    public long seed() {
        return seed;
    }

    /** @return the wall-clock safety limit */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** @return local-search steps per account without a new best before stopping */
    public int unimprovedStepsPerAccount() {
        return unimprovedStepsPerAccount;
    }

    /**
     * The most accounts of {@code accounts} that may move: the share times the count, rounded down.
     *
     * @param accounts a number of accounts, not negative
     * @return the cap
     */
    public int moveCap(int accounts) {
        return maxMoveShare.multiply(BigDecimal.valueOf(accounts)).setScale(0, java.math.RoundingMode.FLOOR).intValueExact();
    }
}
