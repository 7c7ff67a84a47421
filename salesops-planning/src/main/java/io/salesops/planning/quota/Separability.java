package io.salesops.planning.quota;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.CreditTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a plan pays each rep in each period from that rep's own credits in that period alone, so
 * that a table of the engine's pay per rep, period and attainment gives exactly what the engine gives for a
 * whole simulated year. Conservative: any feature that carries state across periods or credits someone else
 * makes the answer no. Stateless.
 */
final class Separability {

    private Separability() {
    }

    /** @return the reasons the plan is not separable; empty if it is */
    static List<String> reasons(List<CompPlan> versions) {
        List<String> why = new ArrayList<>();
        if (versions.size() != 1) {
            why.add("the plan has " + versions.size() + " effective-dated versions");
        }
        for (CompPlan plan : versions) {
            if (plan.draw() != null) {
                why.add("a draw carries a balance between periods");
            }
            if (plan.guarantee() != null) {
                why.add("a guarantee");
            }
            if (plan.clawback() != null) {
                why.add("a clawback");
            }
            for (Cap c : plan.totalCaps()) {
                if (c.scope() != Cap.Scope.PER_PERIOD) {
                    why.add("a total cap per " + c.scope().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            for (Component c : plan.components()) {
                if (c.measure().cumulative()) {
                    why.add("component " + c.name() + " measures year to date");
                }
                if (c.crediting().target() != CreditTarget.OWNER) {
                    why.add("component " + c.name() + " credits " + c.crediting().target().name().toLowerCase(java.util.Locale.ROOT));
                }
                for (Cap cap : c.caps()) {
                    if (cap.scope() == Cap.Scope.PER_YEAR) {
                        why.add("component " + c.name() + " has a cap per year");
                    }
                }
            }
        }
        return why;
    }
}
