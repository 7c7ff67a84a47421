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

    /**
     * The twelve months that historical shares are measured over: those ending with the last month of history
     * before the plan year (the fiscal year before it when the history covers it, else the latest twelve
     * months there are, so a plan made mid-year uses the trailing twelve months).
     */
    List<Period> historyMonths() {
        java.time.LocalDate last = null;
        for (Bookings b : history) {
            java.time.LocalDate end = b.period().end();
            if (end.isBefore(year.start()) && (last == null || end.isAfter(last))) {
                last = end;
            }
        }
        Period lastMonth = year.calendar().periodOf(last == null ? year.start().minusDays(1) : last,
                io.salesops.core.period.PeriodKind.MONTH);
        return lastMonth.plus(-11).through(lastMonth);
    }

    /** @return e.g. {@code FY2026} when the months are a fiscal year, else {@code 2025-06..2026-05} */
    static String label(List<Period> months) {
        Period first = months.get(0);
        if (first.index() == 1) {
            return "FY" + first.fiscalYear();
        }
        return first + ".." + months.get(months.size() - 1);
    }

    Map<String, List<Bookings>> historyByRep() {
        Map<String, List<Bookings>> m = new HashMap<>();
        for (Bookings b : history) {
            m.computeIfAbsent(b.repId(), k -> new java.util.ArrayList<>()).add(b);
        }
        return m;
    }
}
