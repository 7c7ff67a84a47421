package io.salesops.comp.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An accelerator (factor above 1) or decelerator (factor below 1) on a range of attainment, in percent.
 *
 * <p>With a marginal tier table or flat rate it applies to the slice of credit that falls in its range; with
 * a retroactive table, bonus or MBO, to the whole pay when the attainment reached lies in its range.
 * Immutable and thread-safe.
 *
 * @param from          lower bound of attainment, percent
 * @param fromInclusive whether {@code from} itself is in range
 * @param upTo          upper bound, or null for none
 * @param upToInclusive whether {@code upTo} itself is in range
 * @param factor        the multiplier, e.g. 1.5
 */
public record Multiplier(BigDecimal from, boolean fromInclusive, BigDecimal upTo, boolean upToInclusive,
                         BigDecimal factor) {
    /**
     * Checks for nulls; plan validation checks the factor's sign and the order of the bounds.
     *
     * @param from          lower bound of attainment, in percent, e.g. 100
     * @param fromInclusive whether {@code from} itself is in range
     * @param upTo          upper bound in percent, or null for none
     * @param upToInclusive whether {@code upTo} itself is in range
     * @param factor        the multiplier, 0 or more, e.g. 1.5
     * @throws NullPointerException if {@code from} or {@code factor} is null
     */
    public Multiplier {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(factor, "factor");
    }

    /**
     * An accelerator, e.g. {@code accelerator("100", "1.5")} for 1.5x over 100%.
     *
     * @param abovePercent the attainment threshold in percent, excluded from the range
     * @param factor       the multiplier, e.g. {@code "1.5"}
     * @return {@code factor} on attainment strictly above {@code abovePercent}
     * @throws NumberFormatException if either is not a decimal number
     * @throws NullPointerException  if either is null
     */
    public static Multiplier accelerator(String abovePercent, String factor) {
        return new Multiplier(new BigDecimal(abovePercent), false, null, false, new BigDecimal(factor));
    }

    /**
     * A decelerator, e.g. {@code decelerator("50", "0.5")} for 0.5x below 50%.
     *
     * @param belowPercent the attainment threshold in percent, excluded from the range
     * @param factor       the multiplier, e.g. {@code "0.5"}
     * @return {@code factor} on attainment from 0% up to, not including, {@code belowPercent}
     * @throws NumberFormatException if either is not a decimal number
     * @throws NullPointerException  if either is null
     */
    public static Multiplier decelerator(String belowPercent, String factor) {
        return new Multiplier(BigDecimal.ZERO, true, new BigDecimal(belowPercent), false, new BigDecimal(factor));
    }

    /**
     * Whether an attainment lies in this multiplier's range.
     *
     * @param attainmentPercent attainment in percent, e.g. 112.5
     * @return true if it lies in the range, bounds included as the record says
     * @throws NullPointerException if {@code attainmentPercent} is null
     */
    public boolean covers(BigDecimal attainmentPercent) {
        int lo = attainmentPercent.compareTo(from);
        if (lo < 0 || (lo == 0 && !fromInclusive)) {
            return false;
        }
        if (upTo == null) {
            return true;
        }
        int hi = attainmentPercent.compareTo(upTo);
        return hi < 0 || (hi == 0 && upToInclusive);
    }

    /** @return e.g. {@code "1.5x over 100%"} */
    public String describe() {
        String f = factor.stripTrailingZeros().toPlainString() + "x";
        String lo = (fromInclusive ? "from " : "over ") + from.stripTrailingZeros().toPlainString() + "%";
        String hi = upTo == null ? "" : (upToInclusive ? " up to " : " below ") + upTo.stripTrailingZeros().toPlainString() + "%";
        return f + " " + (from.signum() == 0 && fromInclusive && upTo != null ? hi.strip() : lo + hi);
    }
}
