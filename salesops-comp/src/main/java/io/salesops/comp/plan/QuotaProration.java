package io.salesops.comp.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How a quota shrinks when a rep starts or leaves mid-period or takes leave. Immutable and thread-safe.
 *
 * @param method  none, by active days, or by the weights of the period's months
 * @param weights for {@link Method#BY_WEIGHTS}: one non-negative weight per month of the period (e.g. 30, 30,
 *                40 for a quarter); each month counts by its active days; empty otherwise
 */
public record QuotaProration(Method method, List<BigDecimal> weights) {

    /** Proration methods. */
    public enum Method {
        /** The full quota applies whatever the dates. */
        NONE,
        /** Quota x active days / days in the period. */
        BY_DAYS,
        /** Quota x sum(weight of month x active share of month) / sum(weights). */
        BY_WEIGHTS
    }

    /**
     * Copies the weights; plan validation checks their count and sign.
     *
     * @param method  none, by active days, or by the weights of the period's months
     * @param weights for {@link Method#BY_WEIGHTS}: one weight, 0 or more, per month of the period; null means
     *                none; copied
     * @throws NullPointerException if {@code method} is null or a weight is null
     */
    public QuotaProration {
        Objects.requireNonNull(method, "method");
        weights = weights == null ? List.of() : List.copyOf(weights);
    }

    /** @return no proration */
    public static QuotaProration none() {
        return new QuotaProration(Method.NONE, List.of());
    }

    /** @return proration by active days */
    public static QuotaProration byDays() {
        return new QuotaProration(Method.BY_DAYS, List.of());
    }

    /**
     * Proration by month weights, e.g. {@code byWeights("30", "30", "40")} for a quarter whose last month
     * carries 40% of the quota. The weights need not sum to 100.
     *
     * @param weights one decimal weight per month of the period, 0 or more
     * @return proration by these month weights
     * @throws NumberFormatException if a weight is not a decimal number
     * @throws NullPointerException  if a weight is null
     */
    public static QuotaProration byWeights(String... weights) {
        return new QuotaProration(Method.BY_WEIGHTS, java.util.Arrays.stream(weights).map(BigDecimal::new).toList());
    }
}
