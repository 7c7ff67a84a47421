/**
 * A test kit for code that uses salesops: jqwik arbitraries for money, periods, orgs, credits and commission
 * plans, and fixtures for a small org.
 *
 * <p>An explicit module so that on the module path a user's {@code requires io.salesops.testkit} also resolves
 * comp and jqwik, whose types the arbitraries return.
 */
module io.salesops.testkit {
    requires transitive io.salesops.core;
    requires transitive io.salesops.comp;
    requires transitive net.jqwik.api;

    exports io.salesops.testkit;
}
