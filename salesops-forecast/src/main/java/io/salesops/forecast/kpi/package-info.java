/**
 * The standard sales KPIs over a window of periods, in total and per group, with stage-to-stage conversion.
 * {@link io.salesops.forecast.kpi.SalesKpis} is the entry point; its {@link io.salesops.forecast.kpi.KpiReport}
 * is an immutable value.
 */
package io.salesops.forecast.kpi;
