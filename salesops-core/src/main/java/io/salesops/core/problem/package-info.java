/**
 * One error model for bad input across salesops: a {@link io.salesops.core.problem.Problem} says what is wrong and
 * where (source, line, column, path), and a {@link io.salesops.core.problem.SalesopsInputException} carries every
 * problem found. Every module's input exceptions (CSV import, plan files, invalid plans, missing exchange rates,
 * invalid org charts, pipeline and series input) extend it, so an application needs one {@code catch} to tell the
 * user's mistakes (exit code 1, HTTP 400) from its own bugs (anything else).
 */
package io.salesops.core.problem;
