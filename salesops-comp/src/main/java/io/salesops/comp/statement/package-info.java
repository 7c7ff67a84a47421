/**
 * Commission statements: one {@link io.salesops.comp.statement.Statement} per payee and period, made of
 * {@link io.salesops.comp.statement.PayoutLine}s that each carry their formula and the credits they used, and
 * whose totals always equal the sum of their lines to the cent. Immutable values.
 */
package io.salesops.comp.statement;
