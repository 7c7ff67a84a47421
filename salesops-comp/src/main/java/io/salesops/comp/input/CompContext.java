package io.salesops.comp.input;

import io.salesops.core.crm.Quotas;
import io.salesops.core.org.Org;
import java.util.List;
import java.util.Objects;

/**
 * Everything a plan is evaluated against besides the credits: the org (who manages whom, teams, start and
 * end dates), quotas, exchange rates and leaves. Immutable and thread-safe.
 *
 * @param org    the sales org; the payees of a calculation are its reps
 * @param quotas quotas per rep and period; {@link Quotas#none()} if the plan uses none
 * @param rates  exchange rates; {@link ExchangeRates#none()} if every amount is in the plan currency
 * @param leaves leaves of absence, which prorate quotas; copied
 */
public record CompContext(Org org, Quotas quotas, ExchangeRates rates, List<Leave> leaves) {
    /** Validates the fields. @throws NullPointerException if org, quotas or rates is null */
    public CompContext {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(quotas, "quotas");
        Objects.requireNonNull(rates, "rates");
        leaves = leaves == null ? List.of() : List.copyOf(leaves);
    }

    /** A context with an org only: no quotas, no exchange rates, no leaves. */
    public static CompContext of(Org org) {
        return new CompContext(org, Quotas.none(), ExchangeRates.none(), List.of());
    }

    /** A context with an org and quotas. */
    public static CompContext of(Org org, Quotas quotas) {
        return new CompContext(org, quotas, ExchangeRates.none(), List.of());
    }

    /** @return a copy with these exchange rates */
    public CompContext withRates(ExchangeRates newRates) {
        return new CompContext(org, quotas, newRates, leaves);
    }

    /** @return a copy with these leaves */
    public CompContext withLeaves(List<Leave> newLeaves) {
        return new CompContext(org, quotas, rates, newLeaves);
    }
}
