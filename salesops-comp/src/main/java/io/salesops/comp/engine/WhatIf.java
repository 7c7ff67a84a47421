package io.salesops.comp.engine;

import io.salesops.comp.input.Credit;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import java.util.Map;
import java.util.Objects;

/**
 * The pay one more deal would bring, computed without changing any state: the owner's statement without
 * and with the deal, and every payee whose earnings it changes (split partners, managers with an override,
 * team members). Immutable and thread-safe.
 *
 * @param deal    the hypothetical deal
 * @param before  the owner's statement without the deal
 * @param after   the owner's statement with the deal
 * @param effects every payee whose earnings change, with the change, in org order; copied
 */
public record WhatIf(Credit deal, Statement before, Statement after, Map<String, Money> effects) {
    /**
     * Checks for nulls and copies the map.
     *
     * @param deal    the hypothetical deal
     * @param before  the owner's statement without the deal
     * @param after   the owner's statement with the deal
     * @param effects the change in earnings per payee id, in org order; copied, order kept
     * @throws NullPointerException if an argument is null
     */
    public WhatIf {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        effects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effects));
    }

    /** @return the owner's extra earnings from the deal (after minus before), in the plan currency */
    public Money extraPay() {
        return after.earned().minus(before.earned());
    }
}
