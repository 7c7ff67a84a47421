package io.salesops.comp.internal;

import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One plan version applied to the days of a period it is effective on. Amounts a plan states per period
 * (bonus and MBO targets, draws, guarantees, per-period caps and floors) are scaled by this slice's share of
 * the period's days, so a period split between versions pays the day-weighted blend of them.
 *
 * @param plan       the plan version
 * @param from       first day of the period it applies to
 * @param to         last day of the period it applies to
 * @param components the version's components, compiled
 * @param days       days from {@code from} to {@code to}, inclusive
 * @param periodDays days of the whole period
 */
record VersionSlice(CompPlan plan, LocalDate from, LocalDate to, CompiledComponent[] components, long days,
                    int periodDays) {

    /** @return true if the slice covers the whole period, so per-period amounts apply in full */
    boolean wholePeriod() {
        return days == periodDays;
    }

    /** @return true if {@code d} lies in the slice */
    boolean contains(LocalDate d) {
        return !d.isBefore(from) && !d.isAfter(to);
    }

    /**
     * @return {@code perPeriod x days / periodDays} to 24 decimals of a minor unit; unchanged when the slice is
     *         whole. A fixed scale (not a number of significant digits) keeps the shares of two versions summing
     *         to the exact blend when that lands on half a cent: {@code 3205.4333... + 188.0666... = 3393.5}.
     */
    BigDecimal share(BigDecimal perPeriod) {
        if (wholePeriod()) {
            return perPeriod;
        }
        return perPeriod.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(periodDays), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Decimals of a minor unit a share keeps: a period's days divide no amount closer than 1/366 to half a cent. */
    private static final int SHARE_SCALE = 24;

    /**
     * @return {@code perPeriod x days}, exact: sum these over the slices and divide once by the period's days
     *         ({@link PeriodSetup#blend}), so a blend that lands on half a cent rounds as the plan says
     */
    BigDecimal dayWeighted(long perPeriod) {
        return BigDecimal.valueOf(perPeriod).multiply(BigDecimal.valueOf(days));
    }

    /** @return e.g. {@code " x 151/365 days"}, or "" for a whole period */
    String shareText() {
        return wholePeriod() ? "" : " x " + days + "/" + periodDays + " days";
    }

    /**
     * The versions effective in {@code period}, each cut to the days of the period it is effective on, in date
     * order. The versions share no day ({@link io.salesops.comp.plan.PlanValidator#validateVersions} refuses
     * overlaps before this runs).
     *
     * @throws io.salesops.core.problem.SalesopsInputException if none is effective or versions pay in different
     *         currencies
     */
    static List<VersionSlice> of(List<CompPlan> versions, Period period) {
        List<CompPlan> active = new ArrayList<>();
        for (CompPlan v : versions) {
            if ((v.effectiveFrom() == null || !v.effectiveFrom().isAfter(period.end()))
                    && (v.effectiveTo() == null || !v.effectiveTo().isBefore(period.start()))) {
                active.add(v);
            }
        }
        if (active.isEmpty()) {
            // The user's period (or plan dates), not a bug: an input exception, so the CLI exits 1 and the server
            // answers 400.
            throw io.salesops.core.problem.SalesopsInputException.of("no plan version is effective in " + period
                    + " (" + period.start() + " to " + period.end() + ")");
        }
        active.sort(Comparator.comparing(v -> v.effectiveFrom() == null ? LocalDate.MIN : v.effectiveFrom()));
        CompPlan last = active.get(active.size() - 1);
        List<VersionSlice> slices = new ArrayList<>();
        int slot = 0;
        for (int i = 0; i < active.size(); i++) {
            CompPlan v = active.get(i);
            if (!v.currency().equals(last.currency())) {
                throw io.salesops.core.problem.SalesopsInputException.of("plan versions " + v.name() + " (" + v.currency() + ") and "
                        + last.name() + " (" + last.currency() + ") pay in different currencies in " + period);
            }
            LocalDate from = v.effectiveFrom() == null || v.effectiveFrom().isBefore(period.start()) ? period.start() : v.effectiveFrom();
            LocalDate to = v.effectiveTo() == null || v.effectiveTo().isAfter(period.end()) ? period.end() : v.effectiveTo();
            if (to.isBefore(from)) {
                continue; // a version ending before it starts: the validator names it
            }
            CompiledComponent[] comps = new CompiledComponent[v.components().size()];
            for (int k = 0; k < comps.length; k++) {
                Component c = v.components().get(k);
                String label = active.size() > 1 ? c.name() + " [" + v.name() + "]" : c.name();
                comps[k] = new CompiledComponent(c, Conditions.compile(c.crediting().when()), label, slot++,
                        c.needsQuota());
            }
            slices.add(new VersionSlice(v, from, to, comps, ChronoUnit.DAYS.between(from, to) + 1, period.days()));
        }
        return slices;
    }
}
