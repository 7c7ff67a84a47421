/**
 * CSV import of CRM exports (opportunities with stage history, quotas, the org chart) into the salesops domain
 * model, with column mappings for Salesforce and HubSpot exports and problems located by file, line and column.
 */
module io.salesops.io {
    // Transitive: the readers take and return core types (Opportunity, Quotas, Org, StageModel, FiscalCalendar).
    requires transitive io.salesops.core;
    requires de.siegmar.fastcsv;

    exports io.salesops.io;
}
