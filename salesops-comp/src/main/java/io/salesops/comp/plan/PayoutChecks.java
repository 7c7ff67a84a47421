package io.salesops.comp.plan;

import java.util.List;

/**
 * The checks of components paid later ({@link Payout}: on collection, in instalments) against what the engine
 * can honour with them. Such a component holds what it earns until it falls due, so anything that settles a
 * period against that period's earnings (a floor, a draw, a guarantee, a clawback carried to later pay) would
 * settle against money not paid yet: each is refused at its own path, never applied to the wrong amount.
 * Stateless.
 */
final class PayoutChecks {

    private PayoutChecks() {
    }

    /** Adds the problems of the plan's components paid later to {@code out}. */
    static void check(CompPlan plan, List<PlanProblem> out) {
        String first = null;
        for (int i = 0; i < plan.components().size(); i++) {
            Component c = plan.components().get(i);
            if (c.payout() == null) {
                continue;
            }
            String p = "components[" + i + "]";
            String paid = "component \"" + c.name() + "\" pays " + c.payout().describe();
            first = first == null ? paid : first;
            if (!(c.pay() instanceof PayRule.FlatRate || c.pay() instanceof PayRule.Tiered)) {
                out.add(new PlanProblem(p + ".payout", paid + ", which holds each deal's commission until it falls"
                        + " due, but " + PayRuleChecks.describe(c.pay()) + " pays on the period's measure, not per"
                        + " deal; pay later only a flat rate or a tier table (give this component payout: {on: booking}"
                        + " if the plan's payout reaches it)"));
            }
            if (c.floor() != null) {
                out.add(new PlanProblem(p + ".floor", paid + ": a floor tops up what a period earns, which is not"
                        + " what the period pays; remove the floor or the payout"));
            }
        }
        if (first == null) {
            return;
        }
        if (plan.draw() != null) {
            out.add(new PlanProblem("draw", "a draw is settled against the period's earnings, but " + first
                    + ", so part of those earnings is not paid this period; remove the draw or the payout"));
        }
        if (plan.guarantee() != null) {
            out.add(new PlanProblem("guarantee", "a guarantee tops up the period's earnings, but " + first
                    + ", so part of those earnings is not paid this period; remove the guarantee or the payout"));
        }
        if (plan.clawback() != null && plan.clawback().deduct() == Clawback.Deduction.FROM_LATER_PAY) {
            out.add(new PlanProblem("clawback.deduct", "deduct: from_later_pay carries a clawback against later"
                    + " earnings, but " + first + "; a clawback there first comes out of pay still held and only"
                    + " then out of pay already paid (deduct: now)"));
        }
    }
}
