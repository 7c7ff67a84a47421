package io.salesops.comp.statement;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.util.Objects;
import java.util.Optional;

/**
 * What one component measured and paid for one payee in one period. Immutable and thread-safe.
 *
 * @param component  the component name
 * @param measure    the credited amount measured (year to date for cumulative measures)
 * @param count      the number of credits measured (year to date for cumulative measures)
 * @param quota      the (prorated) quota the attainment is against, or null if the component uses none
 * @param attainment the attainment ({@code measure / quota}, e.g. 112.5%, to 20 decimal places), empty without a
 *                   quota or with a zero quota; the same type as a forecast node's {@code attainment()}
 * @param gateOpen   false if a gate stopped the component paying
 * @param pay        the sum of the component's lines in the period, clawbacks included
 */
public record ComponentResult(String component, Money measure, long count, Money quota, Optional<Percent> attainment,
                              boolean gateOpen, Money pay) {
    /**
     * Checks for nulls.
     *
     * @param component  the component name
     * @param measure    the credited amount measured, in the plan currency
     * @param count      the number of credits measured, 0 or more
     * @param quota      the (prorated) quota, or null if the component uses none
     * @param attainment {@code measure / quota} as a percent; {@code Optional.empty()}, never null, without a
     *                   quota or with a zero quota
     * @param gateOpen   false if a gate stopped the component paying
     * @param pay        the sum of the component's lines in the period
     * @throws NullPointerException if {@code component}, {@code measure}, {@code attainment} or {@code pay} is
     *                              null
     */
    public ComponentResult {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(attainment, "attainment (Optional.empty() when there is none)");
        Objects.requireNonNull(pay, "pay");
    }
}
