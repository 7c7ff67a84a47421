/**
 * Sales planning: territories and account assignment ({@code io.salesops.planning.territory}), quotas from the
 * company target, capacity and plan cost ({@code io.salesops.planning.quota}).
 */
package io.salesops.planning;
