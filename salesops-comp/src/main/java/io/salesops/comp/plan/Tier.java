package io.salesops.comp.plan;

import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of a tier table: from {@code from} up to {@code upTo} the rate is {@code rate}.
 *
 * <p>Bounds are in the table's {@link TierTable.Basis}: major units of the plan currency for amounts, percent
 * for attainment. Whether {@code upTo} itself belongs to this tier or the next is explicit in
 * {@code upToInclusive}; the next tier's {@code from} is then exclusive or inclusive accordingly. This matters
 * only for retroactive tables, where the tier reached decides the rate for the whole amount.
 * Semantic checks (gaps, overlaps, negative rates) are reported together by {@link PlanValidator}.
 * Immutable and thread-safe.
 *
 * @param from          lower bound
 * @param upTo          upper bound, or null for the open top tier
 * @param upToInclusive whether a measure exactly at {@code upTo} is in this tier
 * @param rate          the rate (commission rate, or percent of target for bonus tables)
 */
public record Tier(BigDecimal from, BigDecimal upTo, boolean upToInclusive, Percent rate) {
    /**
     * Checks for nulls; gaps, overlaps and negative rates are reported by plan validation.
     *
     * @param from          lower bound, in the table's basis (major units or percent of quota)
     * @param upTo          upper bound in the same units, or null for the open top tier
     * @param upToInclusive whether a measure exactly at {@code upTo} is in this tier
     * @param rate          the rate, e.g. 10% (for bonus tables, percent of target)
     * @throws NullPointerException if {@code from} or {@code rate} is null
     */
    public Tier {
        Objects.requireNonNull(from, "tier from");
        Objects.requireNonNull(rate, "tier rate");
    }

    /**
     * The tier's bounds in words.
     *
     * @param basis the table's basis, which decides whether bounds get a {@code %}
     * @return a readable bound range, e.g. {@code "50%-100%"}, {@code "0-50000 (excl.)"} or {@code "over 100%"}
     */
    public String describe(TierTable.Basis basis) {
        String unit = basis == TierTable.Basis.ATTAINMENT ? "%" : "";
        if (upTo == null) {
            return "over " + from.toPlainString() + unit;
        }
        return from.toPlainString() + unit + "-" + upTo.toPlainString() + unit + (upToInclusive ? "" : " (excl.)");
    }
}
