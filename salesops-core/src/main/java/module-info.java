/**
 * The salesops domain model: exact money, fiscal periods, the sales organisation and CRM records.
 * No runtime dependencies.
 */
module io.salesops.core {
    exports io.salesops.core.money;
    exports io.salesops.core.period;
    exports io.salesops.core.org;
    exports io.salesops.core.crm;
    exports io.salesops.core.problem;
}
