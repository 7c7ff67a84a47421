package io.salesops.comp.input;

import io.salesops.core.money.Money;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Targets set per payee for the plan's bonus and MBO components, each replacing the plan's target for that
 * payee; payees and components without one keep the plan's. Which components may take one is checked against
 * the plan ({@link io.salesops.comp.plan.PlanValidator#validateTargets}). Immutable and thread-safe.
 */
public final class PayeeTargets {

    private static final PayeeTargets NONE = new PayeeTargets(List.of(), Map.of());

    private final List<PayeeTarget> all;
    /** Payee id, then component name, to the target. */
    private final Map<String, Map<String, Money>> byPayee;

    private PayeeTargets(List<PayeeTarget> all, Map<String, Map<String, Money>> byPayee) {
        this.all = all;
        this.byPayee = byPayee;
    }

    /** @return no targets: every payee is paid against the plan's own */
    public static PayeeTargets none() {
        return NONE;
    }

    /**
     * The targets given, at most one per payee and component.
     *
     * @param targets the targets, in the order their source lists them (problems are located by that index)
     * @return the targets
     * @throws SalesopsInputException listing every payee and component given a second target, at
     *                                {@code targets[i]} of the second
     * @throws NullPointerException   if {@code targets} is or holds null
     */
    public static PayeeTargets of(Collection<PayeeTarget> targets) {
        List<PayeeTarget> list = List.copyOf(targets);
        Map<String, Map<String, Money>> by = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            PayeeTarget t = list.get(i);
            if (by.computeIfAbsent(t.payeeId(), k -> new HashMap<>()).putIfAbsent(t.component(), t.target()) != null) {
                problems.add(Problem.at("targets[" + i + "]", "payee " + t.payeeId() + " has a second target for component \""
                        + t.component() + "\"; give one target per payee and component"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SalesopsInputException(problems);
        }
        by.replaceAll((k, v) -> Map.copyOf(v));
        return list.isEmpty() ? NONE : new PayeeTargets(list, Map.copyOf(by));
    }

    /**
     * @param payeeId   the payee
     * @param component the component's name
     * @return the payee's own target for the component, or null if the plan's applies
     */
    public Money target(String payeeId, String component) {
        Map<String, Money> m = byPayee.get(payeeId);
        return m == null ? null : m.get(component);
    }

    /** @return every target, in the order given */
    public List<PayeeTarget> all() {
        return all;
    }

    /** @return whether no payee has a target of their own */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PayeeTargets t && t.all.equals(all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    @Override
    public String toString() {
        return "PayeeTargets" + all;
    }
}
