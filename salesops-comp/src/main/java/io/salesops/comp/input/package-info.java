/**
 * What a calculation reads besides the plan: the {@link io.salesops.comp.input.CompContext} (org, quotas,
 * exchange rates, leaves), the {@link io.salesops.comp.input.Credit}s earned on deals with their
 * {@link io.salesops.comp.input.Split}s, and {@link io.salesops.comp.input.ExchangeRates}. Immutable values.
 */
package io.salesops.comp.input;
