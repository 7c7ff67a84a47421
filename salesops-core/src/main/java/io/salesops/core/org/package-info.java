/**
 * The sales organisation: {@link io.salesops.core.org.Rep}s with their managers, teams and territories, checked
 * as a whole by {@link io.salesops.core.org.Org#of(java.util.Collection)} (duplicate ids, unknown managers and
 * cycles are all reported at once in an {@link io.salesops.core.org.OrgValidationException}).
 * Immutable and thread-safe.
 */
package io.salesops.core.org;
