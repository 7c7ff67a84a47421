/**
 * CRM records: {@link io.salesops.core.crm.Opportunity} with its
 * {@link io.salesops.core.crm.StageChange} history (so {@code asOf(date)} shows the deal as it stood that day),
 * accounts, the {@link io.salesops.core.crm.StageModel} that orders stages and maps them to forecast categories,
 * and {@link io.salesops.core.crm.Quotas} per rep and period. Immutable and thread-safe.
 */
package io.salesops.core.crm;
