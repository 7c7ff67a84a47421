/**
 * CSV import of CRM exports (opportunities with stage history, quotas, the org chart) into the salesops domain
 * model, with column mappings for Salesforce and HubSpot exports and problems located by file, line and column.
 */
module io.salesops.io {
    requires io.salesops.core;
    requires de.siegmar.fastcsv;

    exports io.salesops.io;
}
