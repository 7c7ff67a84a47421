package io.salesops.comp.engine;

import io.salesops.comp.internal.ComponentColumns;
import io.salesops.core.money.Money;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine carries for one payee from one period to the next. Immutable and thread-safe.
 *
 * @param payeeId     the payee's rep id
 * @param fiscalYear  the fiscal year the year-to-date values belong to; a period in a later year starts them
 *                    at zero (the draw balance and deal history carry on)
 * @param lastPeriod  label of the last period calculated, e.g. {@code 2026-03}
 * @param ytdEarned   earned year to date
 * @param ytdPaid     paid year to date
 * @param drawBalance recoverable draw balance, never negative
 * @param components  per-component year-to-date state, by component name; copied (a map the engine made is
 *                    immutable and kept as it is)
 * @param history     per-deal pay, for clawbacks
 * @param held        per deal and component paid later (on collection, in instalments), what is earned and not yet
 *                    paid in full; empty for plans that pay as they earn; copied
 */
public record PayeeState(String payeeId, int fiscalYear, String lastPeriod, Money ytdEarned, Money ytdPaid,
                         Money drawBalance, Map<String, ComponentState> components, DealHistory history,
                         List<HeldDeal> held) {
    /**
     * Checks the fields.
     *
     * @param payeeId     the payee's rep id
     * @param fiscalYear  the fiscal year the year-to-date values belong to, e.g. 2026
     * @param lastPeriod  label of the last period calculated, e.g. {@code 2026-03}
     * @param ytdEarned   earned year to date
     * @param ytdPaid     paid year to date
     * @param drawBalance recoverable draw balance, zero or more
     * @param components  per-component state by component name; copied
     * @param history     per-deal pay
     * @param held        deals whose commission is held, not yet paid in full; null means none; copied
     * @throws IllegalArgumentException if the draw balance is negative
     * @throws NullPointerException     if {@code payeeId}, a money argument, {@code components} or
     *                                  {@code history} is null, or {@code held} holds a null
     */
    public PayeeState {
        held = held == null ? List.of() : List.copyOf(held);
        Objects.requireNonNull(payeeId, "payeeId");
        Objects.requireNonNull(ytdEarned, "ytdEarned");
        Objects.requireNonNull(ytdPaid, "ytdPaid");
        Objects.requireNonNull(drawBalance, "drawBalance");
        Objects.requireNonNull(history, "history");
        // The engine's own component map is immutable already and compact: it is kept as it is.
        components = components instanceof ComponentColumns ? components : Map.copyOf(components);
        if (drawBalance.isNegative()) {
            throw new IllegalArgumentException("draw balance of " + payeeId + " is negative: " + drawBalance);
        }
    }

    /**
     * A state with no commission held.
     *
     * @param payeeId     the payee's rep id
     * @param fiscalYear  the fiscal year the year-to-date values belong to, e.g. 2026
     * @param lastPeriod  label of the last period calculated, e.g. {@code 2026-03}
     * @param ytdEarned   earned year to date
     * @param ytdPaid     paid year to date
     * @param drawBalance recoverable draw balance, zero or more
     * @param components  per-component state by component name; copied
     * @param history     per-deal pay
     * @throws IllegalArgumentException if the draw balance is negative
     * @throws NullPointerException     if {@code payeeId}, a money argument, {@code components} or
     *                                  {@code history} is null
     */
    public PayeeState(String payeeId, int fiscalYear, String lastPeriod, Money ytdEarned, Money ytdPaid,
                      Money drawBalance, Map<String, ComponentState> components, DealHistory history) {
        this(payeeId, fiscalYear, lastPeriod, ytdEarned, ytdPaid, drawBalance, components, history, List.of());
    }
}
