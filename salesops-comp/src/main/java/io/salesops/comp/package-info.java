/**
 * The one-import way to pay commissions: {@link io.salesops.comp.Commissions} reads a plan, takes the org, quotas
 * and won deals, and calculates a period. The packages below it hold the parts for finer control: {@code plan} (the
 * plan as data), {@code input} (context and credits), {@code engine} (the calculation and its state),
 * {@code statement} (what each payee is paid and why) and {@code file} (plans as YAML or JSON).
 */
package io.salesops.comp;
