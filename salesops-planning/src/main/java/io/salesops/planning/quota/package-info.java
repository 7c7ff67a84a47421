/**
 * Quotas from the company target, sales capacity, and what a comp plan will cost.
 *
 * <p>{@link io.salesops.planning.quota.QuotaPlanner} allocates a company target top-down through the org to
 * its leaf reps by a stated {@link io.salesops.planning.quota.MethodMix} (historical share, territory
 * potential, forecast share, equal, or a blend), with over-assignment per level, ramp and proration,
 * seasonality and limits on the change from last year; every level's parts sum to the whole to the cent and
 * every {@link io.salesops.planning.quota.QuotaLine} says how it was derived.
 */
package io.salesops.planning.quota;
