/**
 * CRM records: {@link io.salesops.core.crm.Opportunity} with its
 * {@link io.salesops.core.crm.StageChange} history (so {@code asOf(date)} shows the deal as it stood that day),
 * accounts, the {@link io.salesops.core.crm.StageModel} that orders stages and maps them to forecast categories,
 * and {@link io.salesops.core.crm.Quotas} per rep and period. For a million deals,
 * {@link io.salesops.core.crm.OpportunityTable} holds the same records as columns.
 *
 * <p>The records and the table are immutable and thread-safe; the builders
 * ({@link io.salesops.core.crm.Opportunity.Builder}, {@link io.salesops.core.crm.OpportunityTableBuilder},
 * {@link io.salesops.core.crm.OpportunityColumns}) and the {@link io.salesops.core.crm.Snapshot} cursor are not.
 */
package io.salesops.core.crm;
