/**
 * The commission engine: {@link io.salesops.comp.engine.CommissionEngine} evaluates a plan for one period and
 * returns a {@link io.salesops.comp.engine.CalculationResult} (a statement per payee) together with the
 * {@link io.salesops.comp.engine.CompState} to carry into the next period; {@link io.salesops.comp.engine.WhatIf}
 * answers "what would this deal pay". Stateless and thread-safe: the state is passed in and returned.
 */
package io.salesops.comp.engine;
