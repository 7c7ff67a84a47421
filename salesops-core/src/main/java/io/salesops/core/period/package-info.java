/**
 * Fiscal calendars and periods: {@link io.salesops.core.period.FiscalCalendar} names fiscal years by the
 * calendar year they end in and parses {@code "2026-Q3"}, {@code "FY2026"}, {@code "2026-H1"} and
 * {@code "2026-07"} into {@link io.salesops.core.period.Period}s; every date lies in exactly one period of each
 * {@link io.salesops.core.period.PeriodKind}. Immutable and thread-safe.
 */
package io.salesops.core.period;
