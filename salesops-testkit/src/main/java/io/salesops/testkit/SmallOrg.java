package io.salesops.testkit;

import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small sales org to test against: a manager {@code mgr} with three account executives {@code ae-1},
 * {@code ae-2}, {@code ae-3} on team {@code east}, a USD 50,000 monthly quota for each AE in calendar 2026 (the
 * manager has none), and an AE plan that pays marginal tiers on attainment (6% to 50%, 10% to 100%, 12% above, times
 * 1.5 above quota, capped at USD 25,000 a period) plus a 2% override to the direct manager.
 * All values are immutable; every method returns the same value each time.
 */
public final class SmallOrg {
    /** The fiscal calendar: calendar years. */
    public static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear();
    /** March 2026, a month with quotas. */
    public static final Period MARCH = CALENDAR.month(2026, 3);
    /** The AEs' monthly quota. */
    public static final Money MONTHLY_QUOTA = Money.of("50000.00", "USD");

    private static final Org ORG = Org.of(List.of(
            new Rep("mgr", "Morgan Manager", null, "east", null, null, null),
            new Rep("ae-1", "Alex One", "mgr", "east", null, null, null),
            new Rep("ae-2", "Blair Two", "mgr", "east", null, null, null),
            new Rep("ae-3", "Casey Three", "mgr", "east", null, null, null)));

    private SmallOrg() {
    }

    /** @return the org: {@code mgr} managing {@code ae-1}, {@code ae-2}, {@code ae-3} */
    public static Org org() {
        return ORG;
    }

    /** @return the AEs' ids, in org order */
    public static List<String> aes() {
        return List.of("ae-1", "ae-2", "ae-3");
    }

    /** @return USD 50,000 per month of 2026 for each AE; none for the manager */
    public static Quotas quotas() {
        List<Quota> qs = new ArrayList<>();
        for (String ae : aes()) {
            for (int m = 1; m <= 12; m++) {
                qs.add(new Quota(ae, CALENDAR.month(2026, m), MONTHLY_QUOTA));
            }
        }
        return Quotas.of(qs);
    }

    /** @return the org and quotas, with the default payees (the AEs, who have quotas) */
    public static CompContext context() {
        return CompContext.of(ORG, quotas());
    }

    /** @return the AE plan described above */
    public static CompPlan aePlan() {
        return CompPlan.builder("AE").currency("USD").rounding(RoundingMode.HALF_EVEN)
                .component(c -> c.name("New business").credit(Crediting.all()).measure(Measure.attainment())
                        .pay(TierTable.marginal(TierTable.Basis.ATTAINMENT).upTo("50", "6").upTo("100", "10").above("12"))
                        .accelerate("100", "1.5").cap(Cap.perPeriod(Money.of("25000.00", "USD"))))
                .component(c -> c.name("Override").credit(Crediting.all().toManagers(1)).flatRate("2"))
                .build();
    }

    /**
     * One booked credit of a new deal.
     *
     * @param id   the credit and deal id
     * @param ae   the AE who booked it
     * @param date the booking date
     * @param usd  the amount in US dollars, e.g. {@code "12000.00"}
     * @return the credit
     */
    public static Credit deal(String id, String ae, LocalDate date, String usd) {
        return Credit.builder(id).payee(ae).date(date).amount(Money.of(usd, "USD")).type("new").build();
    }
}
