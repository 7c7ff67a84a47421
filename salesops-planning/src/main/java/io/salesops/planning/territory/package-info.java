/**
 * Territories and account assignment: which rep covers which account, balanced on potential and workload.
 *
 * <p>An {@link io.salesops.planning.territory.AccountBook} holds the accounts, the reps and the current assignment
 * ({@link io.salesops.planning.territory.TerritoryFiles} reads them from CSV).
 * {@link io.salesops.planning.territory.TerritoryRules} (rules as data: {@code condition -> TERRITORY} lines) or
 * {@link io.salesops.planning.territory.TerritoryGrouping#single} split the book into groups, and
 * {@link io.salesops.planning.territory.TerritoryPlan#of} balances each group within the tolerances, move cap and
 * search budget of its {@link io.salesops.planning.territory.AlignmentSettings}, by the greedy baseline or by
 * Timefold Solver's local search. Every plan carries a {@link io.salesops.planning.territory.BalanceReport} computed
 * from the assignment alone, so a plan written to CSV can be checked later.
 *
 * <p>Input problems are {@link io.salesops.planning.territory.TerritoryInputException}s naming file, line and
 * column. Its value types (book, rules, settings, plan, report) are immutable and thread-safe.
 */
package io.salesops.planning.territory;
