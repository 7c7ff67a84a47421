package io.salesops.comp.plan;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.internal.QuotaSource;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who a calculation pays: the payee population of a plan in a period.
 *
 * <p>When the context names its payees ({@link CompContext#withPayees(Collection)}), those reps are the population,
 * in org order, whatever their quotas (a named payee without a quota that the plan needs is an input problem).
 * Otherwise the population defaults to the reps of the org who can be paid: every rep when no component of the plan
 * needs a quota, else the reps with a quota that serves the period (the period's own, or a longer one the engine
 * prorates), so a manager or SE without a quota in the org chart is
 * not a payee and does not make the calculation fail. A credit whose owner is outside the population is not paid to
 * the owner (the result's warnings name it), but a component crediting {@code to: managers} or {@code to: team}
 * still credits it to the owner's managers or team members who are payees: an override plan assigned to managers
 * alone pays on the bookings of reps who are on other plans.
 * Stateless and thread-safe.
 */
public final class Payees {
    private Payees() {
    }

    /**
     * The payees of {@code versions} in {@code period}.
     *
     * @param versions the plan versions that apply, not empty
     * @param context  the org, quotas and the named payees, if any
     * @param period   the period calculated, or null for any period (a quota in any period then counts)
     * @return the payees in org order; unmodifiable
     */
    public static List<Rep> of(Collection<CompPlan> versions, CompContext context, Period period) {
        List<Rep> out = new ArrayList<>();
        boolean quotaNeeded = versions.stream().anyMatch(v -> v.components().stream().anyMatch(Component::needsQuota));
        for (Rep r : context.org().reps()) {
            if (isPayee(r, quotaNeeded, context, period)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }


    private static boolean isPayee(Rep r, boolean quotaNeeded, CompContext context, Period period) {
        if (!context.payees().isEmpty()) {
            return context.payees().contains(r.id());
        }
        if (!quotaNeeded) {
            return true;
        }
        return period == null
                ? context.quotas().all().stream().anyMatch(q -> q.repId().equals(r.id()))
                : QuotaSource.find(context.quotas(), r.id(), period).isPresent();
    }
}
