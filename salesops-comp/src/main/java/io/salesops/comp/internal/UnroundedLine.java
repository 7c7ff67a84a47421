package io.salesops.comp.internal;

import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.Supplier;

/**
 * A payout line before rounding and attribution: its exact amount, then the rounded {@code amount}, and the
 * credited amounts it is attributed to by {@code weights}. Mutable only by the thread calculating its payee.
 */
final class UnroundedLine {
    LineKind kind;
    String component;
    String rule;
    Money base;
    Percent rate;
    BigDecimal multiplier;
    List<String> applied = List.of();
    /** Renders the formula when the line is read: most lines of a large run are summed, never shown. */
    Supplier<String> formula;
    /** The exact pay, before rounding; null for lines built already rounded (caps, floors). */
    BigDecimal exact;
    /** The rounded pay, in minor units. */
    long amount;
    List<CreditedAmount> credited = List.of();
    /** Per credited amount, its weight in attributing the pay; null for no attribution. */
    long[] weights;

    PayoutLine toLine(Currency currency) {
        String[] ids = new String[credited.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = credited.get(i).id;
        }
        // An unmodifiable list, which the line keeps as it is instead of copying it.
        return new PayoutLine(kind, component, rule, List.of(ids), base, rate, multiplier, applied,
                Money.ofMinor(amount, currency), formula);
    }
}
