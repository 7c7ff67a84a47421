package io.salesops.comp.engine;

import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * The pay one deal produced for one payee in one component in one period, remembered so that a later
 * reversal claws back exactly that pay at the rate it was paid. A clawback is recorded as a negative entry.
 * Amounts are minor units of the plan currency, kept as {@code long} because the history holds an entry per
 * credited deal. Immutable and thread-safe.
 *
 * @param dealId     the deal's id: a credit's {@code dealId}, shared by its booking and reversal rows
 * @param component  the component that paid
 * @param period     the period label it was paid in, e.g. {@code 2026-03}
 * @param dealDate   the booking date, which starts the clawback window
 * @param payMinor   the pay, in minor units (negative for a clawback)
 * @param baseMinor  the credited amount the pay was computed on, in minor units (negative for a clawback)
 * @param rule       how it was paid, e.g. {@code "10% x USD 2,000.00 (tier 1: 0%-100% of quota)"}
 * @param dealMinor  the deal's whole booked amount before splits, in minor units (negative for a clawback): a
 *                   reversal of part of the deal claws back that part's share of the pay
 */
public record DealPay(String dealId, String component, String period, LocalDate dealDate, long payMinor,
                      long baseMinor, String rule, long dealMinor) {

    /**
     * An entry whose deal amount is its base (no splits): as stored before deal amounts were kept.
     *
     * @param dealId    the deal's id (a credit's {@code dealId})
     * @param component the component that paid
     * @param period    the period label it was paid in, e.g. {@code 2026-03}
     * @param dealDate  the booking date
     * @param payMinor  the pay, in minor units of the plan currency (negative for a clawback)
     * @param baseMinor the credited amount the pay was computed on, in minor units; also the deal amount
     * @param rule      how it was paid
     * @throws NullPointerException if an object argument is null
     */
    public DealPay(String dealId, String component, String period, LocalDate dealDate, long payMinor, long baseMinor,
                   String rule) {
        this(dealId, component, period, dealDate, payMinor, baseMinor, rule, baseMinor);
    }

    /**
     * Checks for nulls.
     *
     * @param dealId    the deal's id (a credit's {@code dealId})
     * @param component the component that paid
     * @param period    the period label it was paid in, e.g. {@code 2026-03}
     * @param dealDate  the booking date, which starts the clawback window
     * @param payMinor  the pay, in minor units of the plan currency (negative for a clawback)
     * @param baseMinor the credited amount the pay was computed on, in minor units (negative for a clawback)
     * @param rule      how it was paid
     * @param dealMinor the deal's whole booked amount before splits, in minor units (negative for a clawback)
     * @throws NullPointerException if an object argument is null
     */
    public DealPay {
        Objects.requireNonNull(dealId, "dealId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dealDate, "dealDate");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * The pay as money.
     *
     * @param currency the plan currency, whose minor units {@link #payMinor()} counts
     * @return the pay in {@code currency}
     */
    public Money pay(Currency currency) {
        return Money.ofMinor(payMinor, currency);
    }
}
