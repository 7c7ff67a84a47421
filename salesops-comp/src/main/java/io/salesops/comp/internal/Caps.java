package io.salesops.comp.internal;

import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.statement.LineKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps for one payee in one period: per deal (over all periods), per period (prorated by a version's share
 * of the period's days), per year, and on the plan total. A cap that bites adds a negative line and takes the
 * reduction off the credits in proportion to their pay, so clawbacks stay exact. Confined to the thread
 * calculating the payee.
 */
final class Caps {

    private final PeriodSetup setup;
    private final FormulaText text;
    private final PayeeState before;
    private Map<String, Long> priorDealPay;

    Caps(PeriodSetup setup, FormulaText text, PayeeState before) {
        this.setup = setup;
        this.text = text;
        this.before = before;
    }

    /** Applies {@code cap} of a component to {@code total}; returns what is left and adds any cap line. */
    long apply(Cap cap, VersionSlice slice, String label, List<CreditedAmount> credited, long total, YearToDate ytd,
               List<UnroundedLine> out) {
        long limit = cap.limit().minorUnits();
        switch (cap.scope()) {
            case PER_DEAL -> {
                Map<String, List<CreditedAmount>> byDeal = new LinkedHashMap<>();
                for (CreditedAmount i : credited) {
                    byDeal.computeIfAbsent(i.credit.dealId(), k -> new ArrayList<>(1)).add(i);
                }
                for (Map.Entry<String, List<CreditedAmount>> e : byDeal.entrySet()) {
                    long now = 0;
                    for (CreditedAmount i : e.getValue()) {
                        now += i.pay;
                    }
                    long earlier = priorDealPay(e.getKey(), label);
                    long over = Math.min(now, earlier + now - limit);
                    if (over > 0) {
                        Attribution.reduce(over, e.getValue());
                        out.add(capLine(cap, label, e.getValue(), -over, "deal " + e.getKey() + " earned "
                                + text.money(now) + (earlier != 0 ? " after " + text.money(earlier) + " earlier" : "")
                                + "; " + cap.describe() + " allows " + text.money(Math.max(0, limit - earlier))));
                        total -= over;
                    }
                }
            }
            case PER_PERIOD -> {
                long room = slice.wholePeriod() ? limit
                        : slice.share(BigDecimal.valueOf(limit)).setScale(0, setup.rounding).longValueExact();
                if (total > room) {
                    long over = total - room;
                    Attribution.reduce(over, credited);
                    out.add(capLine(cap, label, credited, -over, "earned " + text.money(total) + " in " + setup.period
                            + "; " + cap.describe() + (slice.wholePeriod() ? " allows " + cap.limit()
                            : slice.shareText() + " of the period allows " + text.money(room))));
                    total = room;
                }
            }
            case PER_YEAR -> {
                long room = Math.max(0, limit - ytd.earned);
                if (total > room) {
                    long over = total - room;
                    Attribution.reduce(over, credited);
                    out.add(capLine(cap, label, credited, -over, "earned " + text.money(total) + " after "
                            + text.money(ytd.earned) + " earlier this year; " + cap.describe() + " leaves " + text.money(room)));
                    total = room;
                }
            }
            default -> throw new IllegalStateException("unknown cap scope " + cap.scope());
        }
        return total;
    }

    /**
     * Applies the plan's total caps to {@code total}, the sum of all components. A per-period total cap is
     * the day-weighted blend of the versions' limits when every version sharing the period has one; a
     * per-year total cap is the last version's.
     *
     * @return lines removing what the caps take off
     */
    List<UnroundedLine> total(long total, List<CreditedAmount> credited, long ytdEarnedBefore) {
        List<UnroundedLine> out = new ArrayList<>();
        for (TotalLimit cap : totalLimits()) {
            long room = cap.cap().scope() == Cap.Scope.PER_YEAR ? Math.max(0, cap.limit() - ytdEarnedBefore) : cap.limit();
            if (total > room) {
                long over = total - room;
                Attribution.reduce(over, credited);
                UnroundedLine d = capLine(cap.cap(), null, credited, -over, "all components earned " + text.money(total)
                        + (cap.cap().scope() == Cap.Scope.PER_YEAR ? " after " + text.money(ytdEarnedBefore) + " earlier this year" : "")
                        + "; the total " + cap.cap().describe() + cap.how() + " allows " + text.money(room));
                d.formula = "total " + d.formula;
                out.add(d);
                total = room;
            }
        }
        return out;
    }

    /** A total cap with its limit for this period, and how it was blended. */
    private record TotalLimit(Cap cap, long limit, String how) {
    }

    private List<TotalLimit> totalLimits() {
        List<TotalLimit> out = new ArrayList<>();
        CompPlan last = setup.last;
        for (Cap cap : last.totalCaps()) {
            if (cap.scope() != Cap.Scope.PER_PERIOD || setup.slices.size() == 1 && setup.slices.get(0).wholePeriod()) {
                out.add(new TotalLimit(cap, cap.limit().minorUnits(), ""));
            }
        }
        BigDecimal blended = BigDecimal.ZERO;
        Cap shown = null;
        for (VersionSlice s : setup.slices) {
            Cap own = null;
            for (Cap cap : s.plan().totalCaps()) {
                if (cap.scope() == Cap.Scope.PER_PERIOD && (own == null || cap.limit().compareTo(own.limit()) < 0)) {
                    own = cap;
                }
            }
            if (own == null) {
                return out;
            }
            shown = own;
            blended = blended.add(s.share(BigDecimal.valueOf(own.limit().minorUnits())));
        }
        if (setup.slices.size() > 1 || !setup.slices.get(0).wholePeriod()) {
            out.add(new TotalLimit(shown, blended.setScale(0, setup.rounding).longValueExact(), " blended by days of each plan version"));
        }
        return out;
    }

    private UnroundedLine capLine(Cap cap, String label, List<CreditedAmount> credited, long amount, String why) {
        UnroundedLine d = new UnroundedLine();
        d.kind = label == null ? LineKind.TOTAL_CAP : LineKind.CAP;
        d.component = label;
        d.rule = cap.describe();
        d.amount = amount;
        d.credited = credited;
        d.applied = List.of(cap.describe());
        d.formula = cap.describe() + " bites: " + why + ", so " + text.money(-amount) + " is not paid";
        return d;
    }

    private long priorDealPay(String dealId, String component) {
        if (before == null || before.history().size() == 0) {
            return 0;
        }
        if (priorDealPay == null) {
            priorDealPay = new HashMap<>();
            for (DealPay d : before.history().all()) {
                priorDealPay.merge(d.dealId() + '\u0000' + d.component(), d.payMinor(), Long::sum);
            }
        }
        return priorDealPay.getOrDefault(dealId + '\u0000' + component, 0L);
    }
}
