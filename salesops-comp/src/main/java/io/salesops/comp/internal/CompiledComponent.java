package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.Component;
import java.util.function.Predicate;

/**
 * A component of one plan version, ready to run: its crediting condition compiled, the label it carries on
 * statements (the component name, plus the version name when several versions share the period) and the slot
 * its credited amounts are kept in.
 *
 * @param component the component
 * @param when      the compiled crediting condition
 * @param label     the statement label
 * @param slot      index of the component among all versions' components in the period
 * @param needsQuota {@link Component#needsQuota()}, asked once per period instead of once per payee
 */
record CompiledComponent(Component component, Predicate<Credit> when, String label, int slot, boolean needsQuota) {
}
