package io.salesops.comp.internal;

import io.salesops.comp.engine.CompState;
import io.salesops.comp.input.CompContext;
import io.salesops.comp.input.Leave;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Payees;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import io.salesops.core.period.Period;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every payee's calculation in one period reads and never changes: the period, the plan versions cut to
 * it, the context, the prior state, the payees and their index. Built once per period; safe to share
 * between the threads that calculate payees.
 */
final class PeriodSetup {

    final CompContext ctx;
    final Period period;
    /** The period's label, formatted once: it is stamped on every deal-pay entry. */
    final String periodLabel;
    final CompState prior;
    final List<VersionSlice> slices;
    /** Every version, also those not in force this period: per-year caps blend the versions of the year. */
    final List<CompPlan> versions;
    /** The version in effect at the end of the period: it names the statement and sets currency and rounding. */
    final CompPlan last;
    final Currency currency;
    final RoundingMode rounding;
    /** Components over all slices; each has a slot. */
    final int componentSlots;
    final Rep[] reps;
    /** Payee ids to their index in {@link #reps}. */
    final StringIds index;
    final Map<String, List<Leave>> leaves = new HashMap<>();
    final QuotaProrater quotas;
    private final Money zero;

    PeriodSetup(List<CompPlan> versions, CompContext ctx, Period period, CompState prior) {
        this.ctx = ctx;
        this.period = period;
        this.periodLabel = period.toString();
        this.prior = prior;
        this.slices = VersionSlice.of(versions, period);
        this.versions = List.copyOf(versions);
        this.last = slices.get(slices.size() - 1).plan();
        this.currency = last.currency();
        this.rounding = last.rounding();
        this.zero = Money.ofMinor(0, currency);
        int slots = 0;
        for (VersionSlice s : slices) {
            slots += s.components().length;
        }
        this.componentSlots = slots;
        this.reps = Payees.of(versions, ctx, period).toArray(new Rep[0]);
        this.index = new StringIds(reps.length);
        for (Rep r : reps) {
            index.add(r.id());
        }
        for (Leave l : ctx.leaves()) {
            leaves.computeIfAbsent(l.repId(), k -> new ArrayList<>()).add(l);
        }
        this.quotas = new QuotaProrater(this);
    }

    /** @return {@code minor} in the plan currency; zero is one shared value (every payee's statement has several) */
    Money money(long minor) {
        return minor == 0 ? zero : Money.ofMinor(minor, currency);
    }

    /** @return a sum of {@link VersionSlice#dayWeighted} amounts divided by the period's days, rounded once */
    long blend(java.math.BigDecimal dayWeighted) {
        return dayWeighted.divide(java.math.BigDecimal.valueOf(period.days()), 0, rounding).longValueExact();
    }

    /** @return the slice a date falls in, or null if no version is effective on it */
    VersionSlice sliceOf(java.time.LocalDate d) {
        for (VersionSlice s : slices) {
            if (s.contains(d)) {
                return s;
            }
        }
        return null;
    }

    /**
     * @return whether the component behind {@code label}, as this period's versions define it, pays a year-to-date
     *         true-up (see {@link PayRules#paysTrueUp})
     */
    boolean paysTrueUp(String label) {
        String name = nameOf(label);
        for (VersionSlice s : slices) {
            for (CompiledComponent k : s.components()) {
                if (k.component().name().equals(name) && PayRules.paysTrueUp(k.component())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the component name behind a statement label such as {@code "Bookings [AE H2]"} */
    String nameOf(String label) {
        for (VersionSlice s : slices) {
            for (CompiledComponent k : s.components()) {
                if (k.label().equals(label)) {
                    return k.component().name();
                }
            }
        }
        int i = label.indexOf(" [");
        return i < 0 ? label : label.substring(0, i);
    }
}
