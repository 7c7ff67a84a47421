package io.salesops.planning.quota;

import io.salesops.core.money.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A stated quota method: one {@link QuotaMethod}, or a weighted blend of several. A blend weighs each rep by
 * {@code sum(w_m * share_m(rep)) / sum(w_m)}, where {@code share_m(rep)} is the rep's weight under method
 * {@code m} divided by the sum over all reps, so methods measured in different units (dollars of history,
 * dollars of potential, headcount) mix on equal terms.
 *
 * <p>Immutable and thread-safe.
 */
public final class MethodMix {

    private final Map<QuotaMethod, BigDecimal> weights;

    private MethodMix(Map<QuotaMethod, BigDecimal> weights) {
        this.weights = Collections.unmodifiableMap(weights);
    }

    /**
     * A single method.
     *
     * @param method the method; not null
     * @return the mix holding {@code method} with weight 1
     */
    public static MethodMix of(QuotaMethod method) {
        Map<QuotaMethod, BigDecimal> w = new EnumMap<>(QuotaMethod.class);
        w.put(Objects.requireNonNull(method, "method"), BigDecimal.ONE);
        return new MethodMix(w);
    }

    /**
     * A blend of methods with non-negative weights, at least one positive. Methods with weight zero are left out.
     * Only the weights' ratios matter: {@code 3, 2} blends as {@code 0.6, 0.4}.
     *
     * @param weights method to weight, in any unit; not null, no null key or value
     * @return the blend
     * @throws IllegalArgumentException naming the method if a weight is negative or has more than 30 digits before
     *                                  or after the point, or if all are zero
     */
    public static MethodMix blend(Map<QuotaMethod, BigDecimal> weights) {
        Map<QuotaMethod, BigDecimal> w = new EnumMap<>(QuotaMethod.class);
        weights.forEach((m, v) -> {
            bounded(v, "blend weight of " + m.label());
            if (v.signum() < 0) {
                throw new IllegalArgumentException("blend weight " + v.toPlainString() + " of " + m.label() + " is negative");
            }
            if (v.signum() > 0) {
                w.put(m, v);
            }
        });
        if (w.isEmpty()) {
            throw new IllegalArgumentException("blend weights are all zero; give at least one positive weight");
        }
        return new MethodMix(w);
    }

    /**
     * Parses {@code historical}, {@code potential}, {@code forecast}, {@code equal}, or {@code blend:w1,w2[,w3,w4]}
     * whose weights go to historical, potential, forecast and equal in that order (missing ones are zero); a bare
     * {@code blend} is {@code blend:1,1} (historical and potential, half each). Case is ignored. This is what the
     * command line's {@code --method} option takes.
     *
     * @param text the method, e.g. {@code historical} or {@code blend:0.6,0.4}; not null
     * @return the mix
     * @throws IllegalArgumentException naming the text and the rule broken
     */
    public static MethodMix parse(String text) {
        String s = text.strip();
        if (!s.regionMatches(true, 0, "blend", 0, 5)) {
            return of(QuotaMethod.parse(s));
        }
        String rest = s.substring(5);
        if (rest.isEmpty()) {
            rest = ":1,1,0,0";
        }
        if (!rest.startsWith(":")) {
            throw new IllegalArgumentException("method \"" + text + "\" is not blend:w1,w2,.. (weights of historical,"
                    + " potential, forecast, equal)");
        }
        String[] parts = rest.substring(1).split(",", -1);
        QuotaMethod[] order = QuotaMethod.values();
        if (parts.length > order.length) {
            throw new IllegalArgumentException("method \"" + text + "\" has " + parts.length
                    + " weights; a blend takes at most 4 (historical, potential, forecast, equal)");
        }
        Map<QuotaMethod, BigDecimal> w = new EnumMap<>(QuotaMethod.class);
        for (int i = 0; i < parts.length; i++) {
            try {
                w.put(order[i], new BigDecimal(parts[i].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("blend weight \"" + parts[i] + "\" of " + order[i].label()
                        + " in \"" + text + "\" is not a number");
            }
        }
        return blend(w);
    }

    /**
     * Refuses a weight beyond {@link Decimals}' bounds: weights are printed in full ({@link #toString()}, a plan's
     * method line), and {@code 1e999999999} would print as a billion digits.
     *
     * @throws IllegalArgumentException naming {@code what}, the value and the bounds
     */
    static BigDecimal bounded(BigDecimal weight, String what) {
        try {
            return Decimals.check(weight);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " " + e.getMessage());
        }
    }

    /** @return the methods with positive weight and their weights, in {@link QuotaMethod} order */
    public Map<QuotaMethod, BigDecimal> weights() {
        return weights;
    }

    /**
     * Whether the mix needs a method's data (history, potential or forecast).
     *
     * @param method the method; not null
     * @return true if {@code method} has a positive weight
     */
    public boolean uses(QuotaMethod method) {
        return weights.containsKey(method);
    }

    /** @return {@code historical}, or {@code blend(historical 0.6, potential 0.4)} */
    @Override
    public String toString() {
        if (weights.size() == 1 && weights.values().iterator().next().compareTo(BigDecimal.ONE) == 0) {
            return weights.keySet().iterator().next().label();
        }
        List<String> parts = new ArrayList<>();
        weights.forEach((m, v) -> parts.add(m.label() + " " + v.stripTrailingZeros().toPlainString()));
        return "blend(" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodMix m && m.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
