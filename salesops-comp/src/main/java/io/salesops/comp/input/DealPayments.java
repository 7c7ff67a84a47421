package io.salesops.comp.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every payment customers made against deals, all history as the credits file holds it: a component paid on
 * collection pays each deal's commission in proportion to what was collected by the end of the period
 * calculated. Immutable and thread-safe.
 */
public final class DealPayments {

    private static final DealPayments NONE = new DealPayments(List.of(), Map.of());

    private final List<DealPayment> all;
    private final Map<String, List<DealPayment>> byDeal;

    private DealPayments(List<DealPayment> all, Map<String, List<DealPayment>> byDeal) {
        this.all = all;
        this.byDeal = byDeal;
    }

    /** @return no payments: nothing paid on collection is released */
    public static DealPayments none() {
        return NONE;
    }

    /**
     * The payments given.
     *
     * @param payments the payments, in any order; copied
     * @return the payments
     * @throws NullPointerException if {@code payments} is or holds null
     */
    public static DealPayments of(Collection<DealPayment> payments) {
        List<DealPayment> list = List.copyOf(payments);
        if (list.isEmpty()) {
            return NONE;
        }
        Map<String, List<DealPayment>> by = new HashMap<>();
        for (DealPayment p : list) {
            by.computeIfAbsent(p.dealId(), k -> new ArrayList<>(2)).add(p);
        }
        by.replaceAll((k, v) -> List.copyOf(v));
        return new DealPayments(list, Map.copyOf(by));
    }

    /**
     * The payments against one deal received on or before a day.
     *
     * @param dealId the deal's id, exact match
     * @param until  the last day counted, inclusive
     * @return those payments, in the order given; empty if none
     */
    public List<DealPayment> forDeal(String dealId, LocalDate until) {
        List<DealPayment> l = byDeal.get(dealId);
        if (l == null) {
            return List.of();
        }
        List<DealPayment> out = new ArrayList<>(l.size());
        for (DealPayment p : l) {
            if (!p.date().isAfter(until)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * @param dealId a deal's id
     * @return whether any payment names that deal
     */
    public boolean hasDeal(String dealId) {
        return byDeal.containsKey(dealId);
    }

    /** @return every payment, in the order given */
    public List<DealPayment> all() {
        return all;
    }

    /** @return whether there are no payments */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DealPayments p && p.all.equals(all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    @Override
    public String toString() {
        return "DealPayments[" + all.size() + " payments]";
    }
}
