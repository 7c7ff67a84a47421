/**
 * A test kit for code that uses salesops: jqwik arbitraries ({@link io.salesops.testkit.SalesArbitraries}) for
 * {@code Money}, {@code Period}, {@code Org}, {@code Credit}s and {@code CompPlan}s, and fixtures for a small org
 * ({@link io.salesops.testkit.SmallOrg}). Every arbitrary makes only valid values (orgs without cycles, tier tables
 * that tile from zero, credits inside the period), so a property tests your invariant, not our validation.
 */
package io.salesops.testkit;
