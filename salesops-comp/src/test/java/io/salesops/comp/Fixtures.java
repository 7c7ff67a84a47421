package io.salesops.comp;

import io.salesops.comp.engine.CalculationResult;
import io.salesops.comp.engine.CommissionEngine;
import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Credit;
import io.salesops.comp.input.CreditStatus;
import io.salesops.comp.input.Split;
import io.salesops.comp.plan.CompPlan;
import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small builders shared by the comp tests. */
public final class Fixtures {

    public static final FiscalCalendar CAL = FiscalCalendar.calendarYear();

    private Fixtures() {
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    public static Period month(int m) {
        return CAL.month(2026, m);
    }

    public static LocalDate day(int m, int d) {
        return LocalDate.of(2026, m, d);
    }

    public static Credit deal(String id, String rep, LocalDate date, String usd) {
        return new Credit(id, rep, date, usd(usd), "new", "", id, CreditStatus.BOOKED, List.of(), Map.of());
    }

    public static Credit deal(String id, String rep, LocalDate date, String usd, String type, String product) {
        return new Credit(id, rep, date, usd(usd), type, product, id, CreditStatus.BOOKED, List.of(), Map.of());
    }

    public static Credit split(String id, String owner, LocalDate date, String usd, Split... splits) {
        return new Credit(id, owner, date, usd(usd), "new", "", id, CreditStatus.BOOKED, List.of(splits), Map.of());
    }

    public static Credit reversal(String id, String rep, LocalDate date, String usd, String dealId) {
        return new Credit(id, rep, date, usd(usd), "new", "", dealId, CreditStatus.REVERSED, List.of(), Map.of());
    }

    /** One manager "mgr" with reps "a", "b", "c" reporting to them. */
    public static Org team() {
        return Org.of(List.of(Rep.of("mgr", null), Rep.of("a", "mgr"), Rep.of("b", "mgr"), Rep.of("c", "mgr")));
    }

    public static Org solo(String id) {
        return Org.of(List.of(Rep.of(id, null)));
    }

    /** The same monthly quota for every rep for every month of 2026. */
    public static Quotas monthlyQuotas(Org org, String usd) {
        List<Quota> qs = new ArrayList<>();
        for (Rep r : org.reps()) {
            for (int m = 1; m <= 12; m++) {
                qs.add(new Quota(r.id(), month(m), usd(usd)));
            }
        }
        return Quotas.of(qs);
    }

    public static CalculationResult calc(CompPlan plan, CompContext ctx, List<Credit> credits, Period p) {
        return CommissionEngine.calculate(plan, ctx, credits, p, CompState.empty());
    }

    /**
     * An instalment schedule: each part in ten-thousandths of a percent, then the share that makes the sum 100%.
     *
     * @param parts the shares before the last, e.g. 500000 for 50%
     * @return the shares, the last one closing the sum to exactly 100
     */
    public static List<io.salesops.core.money.Percent> sharesTo100(List<Integer> parts) {
        List<io.salesops.core.money.Percent> shares = new ArrayList<>();
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int x : parts) {
            java.math.BigDecimal share = java.math.BigDecimal.valueOf(x, 4);
            shares.add(io.salesops.core.money.Percent.of(share));
            sum = sum.add(share);
        }
        shares.add(io.salesops.core.money.Percent.of(java.math.BigDecimal.valueOf(100).subtract(sum)));
        return shares;
    }
}
