package io.salesops.comp.internal;

import io.salesops.comp.input.Leave;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import io.salesops.core.period.PeriodKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Quota proration: the part of a rep's quota that a slice of a period carries. A quota set for the period
 * itself is cut by days (or month weights) for mid-period starts, ends, leaves and plan versions. A quota
 * set for a longer period (an annual quota over monthly periods) is served month by month: each month
 * carries an equal share, or its weight when the plan lists one weight per month of the year (12) or per
 * quarter (4), or its days under {@code by_days}. Stateless beyond the period setup; thread-safe.
 */
final class QuotaProrater {

    private final PeriodSetup setup;

    QuotaProrater(PeriodSetup setup) {
        this.setup = setup;
    }

    /** The rep's quota for the slice, plus the earlier periods of the fiscal year when cumulative. */
    long quota(Rep rep, VersionSlice s, boolean cumulative, String component) {
        QuotaProration pr = s.plan().proration();
        Period period = setup.period;
        long q = quotaFor(rep, period, s.from(), s.to(), pr, component);
        if (cumulative) {
            Period first = period.calendar().period(period.kind(), period.fiscalYear(), 1);
            for (Period e = first; e.compareTo(period) < 0; e = e.next()) {
                q = Math.addExact(q, quotaFor(rep, e, e.start(), e.end(), pr, component));
            }
        }
        return q;
    }

    /** The quota of {@code from..to} within {@code per}. */
    long quotaFor(Rep rep, Period per, LocalDate from, LocalDate to, QuotaProration pr, String component) {
        QuotaSource src = QuotaSource.find(setup.ctx.quotas(), rep.id(), per).orElseThrow(() -> new IllegalArgumentException(
                "rep " + rep.id() + " has no quota for " + per + ", which component " + component + " needs"));
        Money raw = src.amount();
        if (!raw.currency().equals(setup.currency)) {
            raw = setup.ctx.rates().convert(raw, setup.currency, src.period().end(), setup.rounding);
        }
        BigDecimal q = BigDecimal.valueOf(raw.minorUnits());
        boolean own = src.period().equals(per);
        if (own && pr.method() != QuotaProration.Method.BY_WEIGHTS) {
            int days = per.days();
            long d = pr.method() == QuotaProration.Method.NONE ? ChronoUnit.DAYS.between(from, to) + 1 : activeDays(rep, from, to);
            return d == days ? raw.minorUnits()
                    : q.multiply(BigDecimal.valueOf(d)).divide(BigDecimal.valueOf(days), 0, setup.rounding).longValueExact();
        }
        List<Period> months = src.period().split(PeriodKind.MONTH);
        BigDecimal[] weights = monthWeights(src.period(), months, pr);
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        for (int i = 0; i < months.size(); i++) {
            Period mth = months.get(i);
            den = den.add(weights[i]);
            LocalDate a = from.isAfter(mth.start()) ? from : mth.start();
            LocalDate b = to.isBefore(mth.end()) ? to : mth.end();
            if (b.isBefore(a) || weights[i].signum() == 0) {
                continue;
            }
            long covered = pr.method() == QuotaProration.Method.NONE ? ChronoUnit.DAYS.between(a, b) + 1 : activeDays(rep, a, b);
            num = num.add(covered == mth.days() ? weights[i] : weights[i].multiply(BigDecimal.valueOf(covered))
                    .divide(BigDecimal.valueOf(mth.days()), MathContext.DECIMAL128));
        }
        return q.multiply(num).divide(den, MathContext.DECIMAL128).setScale(0, setup.rounding).longValueExact();
    }

    /**
     * One weight per month of {@code quotaPeriod}: the plan's weights when it lists one per month of that
     * period, one per month of the fiscal year (12) or one per quarter (4, each month taking its quarter's);
     * days of the month under {@code by_days}; else 1 each.
     */
    private static BigDecimal[] monthWeights(Period quotaPeriod, List<Period> months, QuotaProration pr) {
        BigDecimal[] w = new BigDecimal[months.size()];
        List<BigDecimal> given = pr.weights();
        for (int i = 0; i < w.length; i++) {
            Period m = months.get(i);
            if (pr.method() == QuotaProration.Method.BY_WEIGHTS) {
                if (given.size() == months.size()) {
                    w[i] = given.get(i);
                } else if (given.size() == 12) {
                    w[i] = given.get(m.index() - 1);
                } else if (given.size() == 4) {
                    w[i] = given.get((m.index() - 1) / 3);
                } else {
                    throw new IllegalArgumentException("quota proration has " + given.size() + " weights but the quota for "
                            + quotaPeriod + " covers " + months.size() + " month" + (months.size() == 1 ? "" : "s")
                            + "; give one weight per month of it, 12 (one per month of the year) or 4 (one per quarter)");
                }
            } else if (pr.method() == QuotaProration.Method.BY_DAYS) {
                w[i] = BigDecimal.valueOf(m.days());
            } else {
                w[i] = BigDecimal.ONE;
            }
        }
        return w;
    }

    /** Days from {@code from} to {@code to} on which the rep is employed and not on leave. */
    long activeDays(Rep rep, LocalDate from, LocalDate to) {
        LocalDate a = rep.startDate() != null && rep.startDate().isAfter(from) ? rep.startDate() : from;
        LocalDate b = rep.endDate() != null && rep.endDate().isBefore(to) ? rep.endDate() : to;
        if (b.isBefore(a)) {
            return 0;
        }
        List<Leave> ls = setup.leaves.get(rep.id());
        if (ls == null) {
            return ChronoUnit.DAYS.between(a, b) + 1;
        }
        long n = 0;
        for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
            boolean away = false;
            for (Leave l : ls) {
                if (!d.isBefore(l.from()) && !d.isAfter(l.to())) {
                    away = true;
                    break;
                }
            }
            if (!away) {
                n++;
            }
        }
        return n;
    }
}
