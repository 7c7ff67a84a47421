/**
 * What a calculation reads besides the plan: the {@link io.salesops.comp.input.CompContext} (org, quotas,
 * exchange rates, leaves, and who is paid), the {@link io.salesops.comp.input.Credit}s earned on deals with their
 * {@link io.salesops.comp.input.Split}s, and {@link io.salesops.comp.input.ExchangeRates}. Credits are built by
 * hand ({@link io.salesops.comp.input.Credit#builder(String)}) or from the CRM's won opportunities
 * ({@link io.salesops.comp.input.Credits#fromWon}, naming types with {@link io.salesops.comp.input.CreditRules}).
 * Data that cannot be calculated is an input error ({@link io.salesops.comp.input.MissingRateException},
 * {@link io.salesops.comp.input.AmountOverflowException}), never "plan invalid". Immutable values.
 */
package io.salesops.comp.input;
