package io.salesops.comp.internal;

import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.core.period.Period;
import io.salesops.comp.statement.LineKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps for one payee in one period: per deal (over all periods), per period (prorated by a version's share
 * of the period's days when only some versions sharing the period cap the component; {@link SharedPeriodLimits}
 * when all do), per year, and on the plan total. A cap that bites adds a negative line and takes the
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
                    long earlier = priorDealPay(e.getKey(), setup.nameOf(label));
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
                String name = setup.nameOf(label);
                YearLimit year = yearLimit(v -> smallestYearCap(componentCaps(v, name)));
                long room = Math.max(0, (year.how().isEmpty() ? limit : year.limit()) - ytd.earned);
                if (total > room) {
                    long over = total - room;
                    Attribution.reduce(over, credited);
                    out.add(capLine(cap, label, credited, -over, "earned " + text.money(total) + " after "
                            + text.money(ytd.earned) + " earlier this year; " + cap.describe() + year.how()
                            + " leaves " + text.money(room)));
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
     * per-year total cap applies when a version in force has one, at the blend of the year's versions' limits
     * ({@link #yearLimit}).
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
                java.util.function.Supplier<String> capFormula = d.formula;
                d.formula = () -> "total " + capFormula.get();
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
        Cap yearCap = null;
        for (VersionSlice s : setup.slices) {
            Cap own = smallestYearCap(s.plan().totalCaps());
            yearCap = own != null ? own : yearCap;
        }
        YearLimit year = yearCap == null ? null : yearLimit(v -> smallestYearCap(v.totalCaps()));
        if (setup.slices.size() == 1 && setup.slices.get(0).wholePeriod()) {
            for (Cap cap : setup.last.totalCaps()) {
                boolean ownLimit = cap.scope() == Cap.Scope.PER_PERIOD || year.how().isEmpty();
                out.add(ownLimit ? new TotalLimit(cap, cap.limit().minorUnits(), "") : new TotalLimit(cap, year.limit(), year.how()));
            }
            return out;
        }
        if (year != null) {
            out.add(new TotalLimit(yearCap, year.limit(), year.how()));
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
            blended = blended.add(s.dayWeighted(own.limit().minorUnits()));
        }
        out.add(new TotalLimit(shown, setup.blend(blended), " blended by days of each plan version"));
        return out;
    }

    /** A per-year limit, and how it was found ("" for one version's own limit). */
    private record YearLimit(long limit, String how) {
    }

    /**
     * The limit of a per-year cap in the fiscal year of the period: with one version holding the cap, its limit;
     * with several, the day-weighted blend of their limits over the days of the year each is in force (a limit
     * of 100,000 to June and 150,000 from July gives 125,205.48 for 2026). Versions without the cap are
     * uncapped on their days and stay out of the blend.
     *
     * @param capOf a version's smallest per-year cap of the kind looked for, or null if it has none
     */
    private YearLimit yearLimit(java.util.function.Function<CompPlan, Cap> capOf) {
        Period year = setup.period.calendar().year(setup.period.fiscalYear());
        BigDecimal weighted = BigDecimal.ZERO;
        long days = 0;
        int holding = 0;
        long only = 0;
        for (CompPlan v : setup.versions) {
            Cap cap = capOf.apply(v);
            LocalDate from = v.effectiveFrom() == null || v.effectiveFrom().isBefore(year.start()) ? year.start() : v.effectiveFrom();
            LocalDate to = v.effectiveTo() == null || v.effectiveTo().isAfter(year.end()) ? year.end() : v.effectiveTo();
            if (cap == null || to.isBefore(from)) {
                continue;
            }
            long d = ChronoUnit.DAYS.between(from, to) + 1;
            weighted = weighted.add(BigDecimal.valueOf(cap.limit().minorUnits()).multiply(BigDecimal.valueOf(d)));
            days += d;
            holding++;
            only = cap.limit().minorUnits();
        }
        if (holding == 1) {
            return new YearLimit(only, "");
        }
        long limit = weighted.divide(BigDecimal.valueOf(days), 0, setup.rounding).longValueExact();
        return new YearLimit(limit, " (" + text.money(limit) + " for " + year + ", blended by days of each plan version)");
    }

    private static List<Cap> componentCaps(CompPlan v, String name) {
        for (Component c : v.components()) {
            if (c.name().equals(name)) {
                return c.caps();
            }
        }
        return List.of();
    }

    /** @return the smallest per-year cap among {@code caps}, or null */
    private static Cap smallestYearCap(List<Cap> caps) {
        Cap smallest = null;
        for (Cap cap : caps) {
            if (cap.scope() == Cap.Scope.PER_YEAR && (smallest == null || cap.limit().compareTo(smallest.limit()) < 0)) {
                smallest = cap;
            }
        }
        return smallest;
    }

    UnroundedLine capLine(Cap cap, String label, List<CreditedAmount> credited, long amount, String why) {
        UnroundedLine d = new UnroundedLine();
        d.kind = label == null ? LineKind.TOTAL_CAP : LineKind.CAP;
        d.component = label;
        d.rule = cap.describe();
        d.amount = amount;
        d.credited = credited;
        d.applied = List.of(cap.describe());
        d.formula = FormulaText.fixed(cap.describe() + " bites: " + why + ", so " + text.money(-amount) + " is not paid");
        return d;
    }

    private long priorDealPay(String dealId, String component) {
        if (before == null || before.history().size() == 0) {
            return 0;
        }
        if (priorDealPay == null) {
            priorDealPay = new HashMap<>();
            for (DealPay d : before.history().all()) {
                // By component name: a version's label ("Bookings [AE H2]") names the same component.
                priorDealPay.merge(d.dealId() + '\u0000' + setup.nameOf(d.component()), d.payMinor(), Long::sum);
            }
        }
        return priorDealPay.getOrDefault(dealId + '\u0000' + component, 0L);
    }
}
