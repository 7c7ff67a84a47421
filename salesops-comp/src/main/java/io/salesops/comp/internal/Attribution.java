package io.salesops.comp.internal;

import io.salesops.comp.plan.RoundingPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * Rounding lines to the minor unit and attributing their pay to the credits behind them, so that a later
 * clawback reverses exactly what a deal earned. Stateless; thread-safe.
 */
final class Attribution {

    /**
     * What a component has rounded so far in the period, so that {@code roundingPoint: total} rounds the
     * component once across all plan versions sharing the period.
     */
    static final class RoundingCarry {
        BigDecimal exact = BigDecimal.ZERO;
        long rounded;
    }

    private Attribution() {
    }

    /**
     * Rounds {@code lines}: each on its own, or (rounding point total) so that the component's rounded total
     * so far is its exact total so far rounded once, the leftover cents going to the largest remainders; then
     * attributes each line's pay to its credits.
     */
    static void roundAndAttribute(List<UnroundedLine> lines, RoundingPoint point, RoundingMode rounding,
                                  RoundingCarry carry) {
        if (lines.isEmpty()) {
            return;
        }
        if (point == RoundingPoint.EACH_LINE) {
            for (UnroundedLine d : lines) {
                d.amount = d.exact.setScale(0, rounding).longValueExact();
            }
        } else {
            BigDecimal sum = BigDecimal.ZERO;
            long floors = 0;
            BigDecimal[] frac = new BigDecimal[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                UnroundedLine d = lines.get(i);
                sum = sum.add(d.exact);
                d.amount = d.exact.setScale(0, RoundingMode.FLOOR).longValueExact();
                frac[i] = d.exact.subtract(BigDecimal.valueOf(d.amount));
                floors += d.amount;
            }
            carry.exact = carry.exact.add(sum);
            long target = carry.exact.setScale(0, rounding).longValueExact() - carry.rounded;
            carry.rounded += target;
            long leftover = target - floors;
            Integer[] order = new Integer[lines.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> frac[y].compareTo(frac[x]));
            for (int i = 0; i < leftover; i++) {
                lines.get(order[i % order.length]).amount++;
            }
        }
        for (UnroundedLine d : lines) {
            attribute(d.amount, d.credited, d.weights, d.formula);
        }
    }

    /** Adds {@code amount} to the credits in proportion to {@code weights}, noting the formula on each. */
    static void attribute(long amount, List<CreditedAmount> credited, long[] weights,
                          java.util.function.Supplier<String> formula) {
        if (credited.isEmpty() || weights == null) {
            return;
        }
        int n = credited.size();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += weights[i];
        }
        if (sum == 0) {
            return;
        }
        long[] parts = amount == 0 ? new long[n] : Alloc.allocate(amount, weights, n);
        for (int i = 0; i < n; i++) {
            CreditedAmount it = credited.get(i);
            it.pay = Math.addExact(it.pay, parts[i]);
            if (formula != null && weights[i] > 0) {
                it.rule = FormulaText.joined(it.rule, formula);
            }
        }
    }

    /** Takes {@code reduction} (positive) off the credits in proportion to their pay. */
    static void reduce(long reduction, List<CreditedAmount> credited) {
        int n = credited.size();
        long[] w = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(0, credited.get(i).pay);
            sum += w[i];
        }
        if (sum == 0) {
            return;
        }
        long[] parts = Alloc.allocate(reduction, w, n);
        for (int i = 0; i < n; i++) {
            credited.get(i).pay -= parts[i];
        }
    }
}
