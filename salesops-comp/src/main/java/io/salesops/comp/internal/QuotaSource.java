package io.salesops.comp.internal;

import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.util.Optional;

/**
 * Where a rep's quota for a period comes from: the quota set for that period (or the quotas tiling it), else
 * the quota of the shortest longer period containing it (an annual quota serves a month or a quarter, which
 * then gets a prorated share of it). Immutable.
 *
 * @param period the period the quota was set for
 * @param amount the quota set for it
 */
public record QuotaSource(Period period, Money amount) {

    /** @return the quota serving {@code period} for {@code repId}, or empty if none is set for it or around it */
    public static Optional<QuotaSource> find(Quotas quotas, String repId, Period period) {
        Optional<Money> own = quotas.quota(repId, period);
        if (own.isPresent()) {
            return Optional.of(new QuotaSource(period, own.get()));
        }
        for (PeriodKind kind : PeriodKind.values()) {
            if (kind.months() <= period.kind().months()) {
                continue;
            }
            Period around = period.enclosing(kind);
            Optional<Money> q = quotas.quota(repId, around);
            if (q.isPresent()) {
                return Optional.of(new QuotaSource(around, q.get()));
            }
        }
        return Optional.empty();
    }
}
