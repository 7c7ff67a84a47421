/**
 * Commission plans as data: a {@link io.salesops.comp.plan.CompPlan} is a list of
 * {@link io.salesops.comp.plan.Component}s, each crediting deals, measuring attainment and paying by rules
 * (tier tables, bonuses, SPIFFs, multipliers, gates), with caps, draws, guarantees and clawbacks.
 * {@link io.salesops.comp.plan.PlanValidator} reports every problem of a plan at once
 * ({@link io.salesops.comp.plan.PlanProblem}). Every type is immutable and thread-safe.
 */
package io.salesops.comp.plan;
