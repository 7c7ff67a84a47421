package io.salesops.comp.plan;

import io.salesops.core.money.Decimals;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tier table: rates by ranges of amount or attainment, applied marginally or retroactively.
 *
 * <p>Built a tier at a time, each call returning a new table, from a lower bound of zero:
 * {@code TierTable.marginal(ATTAINMENT).upTo("100", "10").above("15")} pays 10% on attainment up to and
 * including 100% and 15% on the slice above. {@code upTo} closes a tier inclusively, {@code below}
 * exclusively, so every boundary's owner is explicit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode  marginal (each slice at its own rate) or retroactive (the whole at the rate reached)
 * @param basis what the bounds measure: amount or attainment
 * @param tiers the rows, in order; copied
 */
public record TierTable(Mode mode, Basis basis, List<Tier> tiers) {

    /** How rates apply. */
    public enum Mode {
        /** Each slice of the measure is paid at its own tier's rate; pay is continuous at every boundary. */
        MARGINAL,
        /** The whole measure is paid at the rate of the tier reached; pay jumps at boundaries. */
        RETROACTIVE
    }

    /** What tier bounds are expressed in. */
    public enum Basis {
        /** Major units of the plan currency, e.g. 50000 for USD 50,000.00. */
        AMOUNT,
        /** Percent of quota, e.g. 100 for 100%. */
        ATTAINMENT
    }

    /**
     * Copies the list; gaps, overlaps and negative rates are reported by plan validation.
     *
     * @param mode  marginal or retroactive
     * @param basis amount or attainment
     * @param tiers the rows, in order; copied
     * @throws NullPointerException if an argument is null or a tier is null
     */
    public TierTable {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(basis, "basis");
        tiers = List.copyOf(tiers);
    }

    /**
     * Starts a marginal table: each slice of the measure is paid at its own tier's rate.
     *
     * @param basis what the bounds measure: amount or attainment
     * @return an empty table; add tiers with {@code upTo}, {@code below} and {@code above}
     * @throws NullPointerException if {@code basis} is null
     */
    public static TierTable marginal(Basis basis) {
        return new TierTable(Mode.MARGINAL, basis, List.of());
    }

    /**
     * Starts a retroactive table: the whole measure is paid at the rate of the tier reached.
     *
     * @param basis what the bounds measure: amount or attainment
     * @return an empty table; add tiers with {@code upTo}, {@code below} and {@code above}
     * @throws NullPointerException if {@code basis} is null
     */
    public static TierTable retroactive(Basis basis) {
        return new TierTable(Mode.RETROACTIVE, basis, List.of());
    }

    /**
     * A flat rate as a table: one open tier from zero.
     *
     * @param ratePercent the rate in percent, e.g. {@code "8"} or {@code "8%"}
     * @return a marginal amount table with a single open tier at {@code ratePercent}
     * @throws IllegalArgumentException if {@code ratePercent} is not a number
     */
    public static TierTable flat(String ratePercent) {
        return marginal(Basis.AMOUNT).above(ratePercent);
    }

    /**
     * Adds a tier closed inclusively: {@code upTo("100", "10")} pays 10% from the previous bound up to and
     * including 100 (percent of quota or major units, by the table's basis). The bound comes first, the rate
     * second; a commission plan with a rate of 100% or more is refused by {@link PlanValidator}, which catches
     * the two written the wrong way round.
     *
     * @param bound       the tier's upper bound in the table's basis, e.g. {@code "100"}; above the previous bound
     * @param ratePercent the tier's rate in percent, e.g. {@code "10"} or {@code "10%"}
     * @return a new table with the tier added; this one is unchanged
     * @throws IllegalArgumentException if a value is not a number, or the bound is not above the previous bound
     * @throws IllegalStateException    if the table already ends with an open tier
     */
    public TierTable upTo(String bound, String ratePercent) {
        return add(bound(bound), true, ratePercent);
    }

    /**
     * Adds a tier closed exclusively: {@code below("80", "0")} pays 0% from the previous bound up to but
     * excluding 80.
     *
     * @param bound       the tier's upper bound in the table's basis; above the previous bound
     * @param ratePercent the tier's rate in percent
     * @return a new table with the tier added; this one is unchanged
     * @throws IllegalArgumentException if a value is not a number, or the bound is not above the previous bound
     * @throws IllegalStateException    if the table already ends with an open tier
     */
    public TierTable below(String bound, String ratePercent) {
        return add(bound(bound), false, ratePercent);
    }

    /**
     * Adds the open top tier from the previous bound.
     *
     * @param ratePercent the tier's rate in percent
     * @return a new table with the tier added; this one is unchanged
     * @throws IllegalArgumentException if the rate is not a number
     * @throws IllegalStateException    if the table already ends with an open tier
     */
    public TierTable above(String ratePercent) {
        return add(null, false, ratePercent);
    }

    private static BigDecimal bound(String bound) {
        try {
            return Decimals.parse(Objects.requireNonNull(bound, "bound"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tier bound: " + e.getMessage());
        }
    }

    private TierTable add(BigDecimal bound, boolean inclusive, String ratePercent) {
        BigDecimal from = BigDecimal.ZERO;
        if (!tiers.isEmpty()) {
            Tier last = tiers.get(tiers.size() - 1);
            if (last.upTo() == null) {
                throw new IllegalStateException("tier table already ends with an open tier " + last.describe(basis));
            }
            from = last.upTo();
        }
        Percent rate = Percent.of(Objects.requireNonNull(ratePercent, "ratePercent"));
        if (bound != null && bound.compareTo(from) <= 0) {
            String unit = basis == Basis.ATTAINMENT ? "%" : "";
            throw new IllegalArgumentException("tier bound " + bound.toPlainString() + unit + " is not above the previous"
                    + " bound " + from.toPlainString() + unit + " (at rate " + rate + "); bounds rise tier by tier, and"
                    + " each call takes the bound first, then the rate: upTo(\"100\", \"10\") is 10% up to 100");
        }
        List<Tier> list = new ArrayList<>(tiers);
        list.add(new Tier(from, bound, inclusive, rate));
        return new TierTable(mode, basis, list);
    }
}
