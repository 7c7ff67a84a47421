package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies floors and caps on each rep's change from last year: the company amount is first shared by the
 * reps' weights; a rep whose share falls outside [last year x (1 - decrease), last year x (1 + increase)] is
 * held at the bound, and what that frees or takes is shared again among the reps still free, until none
 * leaves its bounds. The reps' monthly weights are then scaled so the top-down split gives those shares.
 * Not thread-safe; used once.
 */
final class ChangeLimiter {

    private static final MathContext MC = RepWeights.MC;

    private final QuotaPlanner p;
    private final List<Rep> leaves;
    private final Map<String, BigDecimal[]> units;
    private final Map<String, BigDecimal[]> teamUnits;
    private final Map<String, String> limitText;
    private final List<String> notes;

    ChangeLimiter(QuotaPlanner p, List<Rep> leaves, Map<String, BigDecimal[]> units, Map<String, BigDecimal[]> teamUnits,
                  Map<String, String> limitText, List<String> notes) {
        this.p = p;
        this.leaves = leaves;
        this.units = units;
        this.teamUnits = teamUnits;
        this.limitText = limitText;
        this.notes = notes;
    }

    void apply(Money company) {
        QuotaPlanner.ChangeLimits limits = p.limits;
        BigDecimal total = company.amount();
        Map<String, BigDecimal> weight = new HashMap<>();
        Map<String, BigDecimal> lo = new HashMap<>();
        Map<String, BigDecimal> hi = new HashMap<>();
        Map<String, Money> last = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Rep r : leaves) {
            BigDecimal w = BigDecimal.ZERO;
            for (BigDecimal x : units.get(r.id())) {
                w = w.add(x, MC);
            }
            weight.put(r.id(), w);
            sum = sum.add(w, MC);
            var l = limits.lastYear().quota(r.id(), p.year.previous());
            if (l.isPresent() && w.signum() > 0) {
                last.put(r.id(), l.get());
                if (limits.maxDecrease() != null) {
                    lo.put(r.id(), l.get().amount().multiply(BigDecimal.ONE.subtract(limits.maxDecrease().fraction()), MC));
                }
                if (limits.maxIncrease() != null) {
                    hi.put(r.id(), l.get().amount().multiply(BigDecimal.ONE.add(limits.maxIncrease().fraction()), MC));
                }
            }
        }
        if (sum.signum() == 0) {
            return;
        }
        Map<String, BigDecimal> fixed = new HashMap<>();
        while (true) {
            BigDecimal fixedSum = fixed.values().stream().reduce(BigDecimal.ZERO, (a, b) -> a.add(b, MC));
            BigDecimal freeWeight = BigDecimal.ZERO;
            for (Rep r : leaves) {
                if (!fixed.containsKey(r.id())) {
                    freeWeight = freeWeight.add(weight.get(r.id()), MC);
                }
            }
            BigDecimal rest = total.subtract(fixedSum, MC);
            if (freeWeight.signum() == 0) {
                if (rest.abs().compareTo(new BigDecimal("0.01")) >= 0) {
                    throw SalesopsInputException.of("the change limits cannot all hold: with every rep at a floor"
                            + " or cap the quotas sum to " + fixedSum.setScale(2, java.math.RoundingMode.HALF_EVEN)
                            .toPlainString() + ", not " + company + "; widen the limits or change the target");
                }
                break;
            }
            boolean changed = false;
            for (Rep r : leaves) {
                String id = r.id();
                if (fixed.containsKey(id)) {
                    continue;
                }
                BigDecimal x = rest.multiply(weight.get(id), MC).divide(freeWeight, MC);
                if (hi.containsKey(id) && x.compareTo(hi.get(id)) > 0) {
                    fixed.put(id, hi.get(id));
                    limitText.put(id, "; capped at +" + p.limits.maxIncrease() + " on last year's " + last.get(id));
                    changed = true;
                } else if (lo.containsKey(id) && x.compareTo(lo.get(id)) < 0) {
                    fixed.put(id, lo.get(id));
                    limitText.put(id, "; floored at -" + p.limits.maxDecrease() + " on last year's " + last.get(id));
                    changed = true;
                }
            }
            if (!changed) {
                for (Rep r : leaves) {
                    if (!fixed.containsKey(r.id()) && weight.get(r.id()).signum() > 0) {
                        scale(r.id(), rest.multiply(weight.get(r.id()), MC).divide(freeWeight, MC), weight.get(r.id()), total);
                    }
                }
                break;
            }
        }
        fixed.forEach((id, x) -> scale(id, x, weight.get(id), total));
        if (!fixed.isEmpty()) {
            notes.add(fixed.size() + " reps held at a floor or cap on the change from last year; the others share the rest");
        }
    }

    /** Scales the rep's weights so they stand for {@code amount} of {@code total}. */
    private void scale(String id, BigDecimal amount, BigDecimal weight, BigDecimal total) {
        BigDecimal k = amount.divide(total, MC).divide(weight, MC);
        BigDecimal[] u = units.get(id);
        BigDecimal[] t = teamUnits.get(id);
        for (int m = 0; m < u.length; m++) {
            u[m] = u[m].multiply(k, MC);
            t[m] = t[m].multiply(k, MC);
        }
    }
}
