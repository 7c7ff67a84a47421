package io.salesops.planning.quota;

import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.period.Period;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the weights are computed from: the org, the plan year, history, potential and forecast. Immutable. */
record QuotaInputs(Org org, Currency currency, Period year, List<Bookings> history, Map<String, Money> potentialByRep,
                   Map<String, Money> potentialByTerritory, Map<String, Money> forecast) {

    /** The fiscal year before the plan year, or the latest year of the history if that one has no rows. */
    Period historyYear() {
        Period previous = year.previous();
        Period latest = null;
        for (Bookings b : history) {
            if (previous.contains(b.period())) {
                return previous;
            }
            if (b.period().start().isBefore(year.start())) {
                Period y = year.calendar().periodOf(b.period().start(), io.salesops.core.period.PeriodKind.YEAR);
                if (latest == null || y.compareTo(latest) > 0) {
                    latest = y;
                }
            }
        }
        return latest == null ? previous : latest;
    }

    Map<String, List<Bookings>> historyByRep() {
        Map<String, List<Bookings>> m = new HashMap<>();
        for (Bookings b : history) {
            m.computeIfAbsent(b.repId(), k -> new java.util.ArrayList<>()).add(b);
        }
        return m;
    }
}
