package io.salesops.comp.internal;

import io.salesops.comp.engine.ComponentState;
import io.salesops.comp.engine.DealHistory;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.AmountOverflowException;
import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.statement.ComponentResult;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.comp.statement.Statement;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One payee's period: measures each component in each version slice, opens gates, pays by the rule, rounds,
 * caps and floors, then settles clawbacks, the draw and the guarantee in the {@link PayeeLedger}. Runs on one
 * thread; payees are independent of each other.
 */
final class PayeeCalculation {

    /** What one payee's calculation produced. */
    record Outcome(Statement statement, PayeeState state, int[] paidDeals) {
    }

    private final PeriodSetup setup;
    private final CreditRouter router;
    private final FormulaText text;
    private final PayRules rules;
    private final int p;
    private final Rep rep;
    private final PayeeState before;
    private final boolean sameYear;
    /** The year to date of the components met so far, by name: a payee has a few, so a scan finds one. */
    private String[] ytdNames = new String[4];
    private YearToDate[] ytdValues = new YearToDate[4];
    private int ytdCount;
    /** How many of the year-to-date components the prior state held; the others it holds are carried unchanged. */
    private int ytdFromBefore;
    /** Per component name, what {@code roundingPoint: total} has rounded so far; made only for such components. */
    private Map<String, Attribution.RoundingCarry> carries;
    private final List<PayoutLine> lines = new ArrayList<>();
    private final List<ComponentResult> results = new ArrayList<>();
    private final List<List<CreditedAmount>> paidCredits = new ArrayList<>();
    private final List<String> paidLabels = new ArrayList<>();
    /** What is being calculated, for the message of an overflow. */
    private String step = "the credits";
    /** The label of the component being calculated, or null; with {@link #step}, made into text only on overflow. */
    private String stepComponent;
    private final Caps caps;
    private final SharedPeriodLimits shared;

    PayeeCalculation(PeriodSetup setup, CreditRouter router, FormulaText text, PayRules rules, int p) {
        this.setup = setup;
        this.router = router;
        this.text = text;
        this.rules = rules;
        this.p = p;
        this.rep = setup.reps[p];
        this.before = setup.prior.payee(rep.id()).orElse(null);
        this.sameYear = before != null && before.fiscalYear() == setup.period.fiscalYear();
        this.caps = new Caps(setup, text, before);
        this.shared = new SharedPeriodLimits(setup, text);
    }

    /** @throws AmountOverflowException naming the payee and the component or step where an amount overflowed */
    Outcome run() {
        try {
            return calculate();
        } catch (ArithmeticException e) {
            throw new AmountOverflowException(rep.id(),
                    stepComponent == null ? step : "component \"" + stepComponent + "\" (" + step + ")", e);
        }
    }

    private Outcome calculate() {
        for (VersionSlice s : setup.slices) {
            CompiledComponent[] comps = s.components();
            ComponentMeasure[] measures = new ComponentMeasure[comps.length];
            for (int k = 0; k < comps.length; k++) {
                stepComponent = comps[k].label();
                step = "its measure";
                measures[k] = measure(s, comps[k], router.credited(p, comps[k].slot()));
            }
            for (int k = 0; k < comps.length; k++) {
                stepComponent = comps[k].label();
                step = "its pay";
                component(s, comps[k], router.credited(p, comps[k].slot()), measures, k);
            }
        }
        stepComponent = null;
        step = "the per-period caps and floors of components shared by plan versions";
        for (UnroundedLine d : shared.settle(caps)) {
            lines.add(d.toLine(setup.currency));
        }
        step = "the plan's totalCaps";
        totalCaps();
        step = "the draw, guarantee, clawbacks and year-to-date totals";
        PayeeLedger ledger = new PayeeLedger(setup, text, before, lines);
        HistoryColumns entries = ledger.history(paidCredits, paidLabels, router.reversals(p), router.deals());
        int[] paidDeals = ledger.paidDeals(paidLabels.size() > 1);
        ledger.clawbacks(router.reversals(p), this::ytd, router.deals());
        long earned = sum(lines);
        List<io.salesops.comp.engine.HeldDeal> held = HeldPay.applies(setup, before)
                ? new HeldPay(setup, text, before, lines).settle(entries) : null;
        DrawSettlement draw = new DrawSettlement(setup, text, rep, lines);
        // Pay held for later is not this period's to settle a draw balance carried in against: what it pays is.
        long balance = draw.settle(held == null ? earned : sum(lines), before == null ? 0 : before.drawBalance().minorUnits());
        long net = sum(lines);
        long ytdEarned = Math.addExact(sameYear ? before.ytdEarned().minorUnits() : 0, earned);
        // Paid to date counts a draw paid in advance: it was paid during the period, before this statement.
        long ytdPaid = Math.addExact(Math.addExact(sameYear ? before.ytdPaid().minorUnits() : 0, net), draw.advancePaid());
        List<ComponentResult> withPay = new ArrayList<>(results.size());
        for (ComponentResult r : results) {
            long s = 0;
            for (PayoutLine l : lines) {
                if (r.component().equals(l.component())) {
                    s += l.amount().minorUnits();
                }
            }
            withPay.add(new ComponentResult(r.component(), r.measure(), r.count(), r.quota(), r.attainment(),
                    r.gateOpen(), setup.money(s)));
        }
        Money balanceMoney = setup.money(balance);
        Money ytdEarnedMoney = setup.money(ytdEarned);
        Money ytdPaidMoney = setup.money(ytdPaid);
        Statement st = new Statement(rep.id(), setup.last.name(), setup.period, setup.currency, withPay, lines,
                setup.money(earned), setup.money(net), balanceMoney, ytdEarnedMoney, ytdPaidMoney,
                held == null ? null : setup.money(HeldPay.total(held)));
        Map<String, ComponentState> cs = componentStates();
        DealHistory h = before == null ? DealHistory.empty() : before.history();
        PayeeState state = new PayeeState(rep.id(), setup.period.fiscalYear(), setup.periodLabel, ytdEarnedMoney,
                ytdPaidMoney, balanceMoney, cs, entries.appendTo(h), held);
        return new Outcome(st, state, paidDeals);
    }

    private static long sum(List<PayoutLine> lines) {
        long s = 0;
        for (PayoutLine l : lines) {
            s = Math.addExact(s, l.amount().minorUnits());
        }
        return s;
    }

    /** @return the component's year to date, read from the prior state the first time it is asked for */
    private YearToDate ytd(String name) {
        for (int i = 0; i < ytdCount; i++) {
            if (ytdNames[i].equals(name)) {
                return ytdValues[i];
            }
        }
        YearToDate a = new YearToDate();
        if (sameYear) {
            Map<String, ComponentState> prior = before.components();
            if (prior instanceof ComponentColumns cols) {
                int j = cols.indexOf(name);
                if (j >= 0) {
                    a.measure = cols.measure(j);
                    a.count = cols.count(j);
                    a.gross = cols.gross(j);
                    a.earned = cols.earned(j);
                    ytdFromBefore++;
                }
            } else {
                ComponentState cs = prior.get(name);
                if (cs != null) {
                    a.measure = cs.ytdMeasure().minorUnits();
                    a.count = cs.ytdCount();
                    a.gross = cs.ytdGross().minorUnits();
                    a.earned = cs.ytdEarned().minorUnits();
                    ytdFromBefore++;
                }
            }
        }
        if (ytdCount == ytdNames.length) {
            ytdNames = java.util.Arrays.copyOf(ytdNames, ytdCount * 2);
            ytdValues = java.util.Arrays.copyOf(ytdValues, ytdCount * 2);
        }
        ytdNames[ytdCount] = name;
        ytdValues[ytdCount++] = a;
        return a;
    }

    /**
     * @return the components' year to date after this period: those calculated, and those of earlier versions not
     *         in force this period, which keep their year to date
     */
    private Map<String, ComponentState> componentStates() {
        Map<String, ComponentState> prior = sameYear && ytdFromBefore < before.components().size()
                ? before.components() : Map.of();
        ComponentColumns.Builder b = new ComponentColumns.Builder(ytdCount + prior.size());
        for (int i = 0; i < ytdCount; i++) {
            YearToDate a = ytdValues[i];
            b.add(ytdNames[i], a.measure, a.count, a.gross, a.earned);
        }
        return b.addAbsent(prior, setup.currency);
    }

    private ComponentMeasure measure(VersionSlice s, CompiledComponent k, List<CreditedAmount> credited) {
        Component c = k.component();
        long amt = 0;
        // Indexed loops on the per-credit lists: they are of two list classes, so an iterator would be allocated.
        for (int i = 0, n = credited.size(); i < n; i++) {
            amt = Math.addExact(amt, credited.get(i).amount);
        }
        YearToDate a = ytd(c.name());
        boolean cum = c.measure().cumulative();
        long start = cum ? a.measure : 0;
        long value = Math.addExact(start, amt);
        long count = (cum ? a.count : 0) + credited.size();
        Long quota = null;
        BigDecimal att = null;
        if (k.needsQuota()) {
            quota = setup.quotas.quota(rep, s, cum, c.name());
            if (quota != 0) {
                att = ComponentMeasure.attainment(value, quota);
            }
        }
        return new ComponentMeasure(start, amt, value, count, quota, att);
    }

    /** @return why a gate is closed, or null if all are open */
    private String closedGate(VersionSlice s, Component c, ComponentMeasure[] measures, int idx) {
        for (Gate g : c.gates()) {
            ComponentMeasure target = measures[idx];
            if (g.component() != null) {
                for (int j = 0; j < s.components().length; j++) {
                    if (s.components()[j].component().name().equals(g.component())) {
                        target = measures[j];
                    }
                }
            }
            BigDecimal v = switch (g.basis()) {
                case ATTAINMENT -> target.attainment() == null ? BigDecimal.ZERO : target.attainment();
                case AMOUNT -> BigDecimal.valueOf(target.value(), setup.currency.getDefaultFractionDigits());
                case COUNT -> BigDecimal.valueOf(target.count());
            };
            if (!g.opens(v)) {
                // an attainment is shown cut to 2 decimals, never rounded up to the gate it did not reach
                BigDecimal shown = g.basis() == Gate.Basis.ATTAINMENT ? v.setScale(2, RoundingMode.DOWN) : v;
                return "gate closed: " + g.describe(c.name()) + " not met at " + FormulaText.plain(shown)
                        + (g.basis() == Gate.Basis.ATTAINMENT ? "%" : "") + "; nothing paid";
            }
        }
        return null;
    }

    private void component(VersionSlice s, CompiledComponent k, List<CreditedAmount> credited,
                           ComponentMeasure[] measures, int idx) {
        Component c = k.component();
        ComponentMeasure m = measures[idx];
        YearToDate a = ytd(c.name());
        String label = k.label();
        String closed = closedGate(s, c, measures, idx);
        a.measure = Math.addExact(a.measure, m.periodAmount());
        a.count += credited.size();
        Money quota = m.quota() == null ? null : setup.money(m.quota());
        if (closed != null) {
            UnroundedLine d = new UnroundedLine();
            d.kind = LineKind.GATE;
            d.component = label;
            d.rule = "gate";
            d.applied = List.of(closed);
            d.formula = FormulaText.fixed(closed);
            d.credited = credited;
            lines.add(d.toLine(setup.currency));
            results.add(new ComponentResult(label, setup.money(m.value()), m.count(), quota, m.attainmentPercent(), false, setup.money(0)));
            return;
        }
        List<UnroundedLine> out = new ArrayList<>();
        rules.pay(s, c, label, credited, m, a, rep.id(), out);
        Attribution.roundAndAttribute(out, s.plan().roundingPoint(), setup.rounding, carry(s, c.name()));
        long gross = 0;
        for (int i = 0; i < out.size(); i++) {
            gross = Math.addExact(gross, out.get(i).amount);
        }
        a.gross = Math.addExact(a.gross, gross);
        long total = gross;
        // Versions sharing the period: per-period caps and floors bind the period's total, after every slice.
        boolean capShared = shared.capShared(c.name());
        boolean floorShared = shared.floorShared(c.name());
        for (int i = 0; i < c.caps().size(); i++) {
            Cap cap = c.caps().get(i);
            if (!(capShared && cap.scope() == Cap.Scope.PER_PERIOD)) {
                total = caps.apply(cap, s, label, credited, total, a, out);
            }
        }
        if (c.floor() != null && !floorShared) {
            long floor = s.wholePeriod() ? c.floor().minorUnits()
                    : s.share(BigDecimal.valueOf(c.floor().minorUnits())).setScale(0, setup.rounding).longValueExact();
            if (total < floor) {
                out.add(SharedPeriodLimits.floorLine(label, c.floor().toString(), floor - total,
                        c.floor() + s.shareText() + " less " + setup.money(total) + " earned"));
                total = floor;
            }
        }
        if (capShared || floorShared) {
            shared.add(s, c, label, credited, total, a);
        }
        a.earned = Math.addExact(a.earned, total);
        for (int i = 0; i < out.size(); i++) {
            lines.add(out.get(i).toLine(setup.currency));
        }
        results.add(new ComponentResult(label, setup.money(m.value()), m.count(), quota, m.attainmentPercent(), true, setup.money(0)));
        paidCredits.add(credited);
        paidLabels.add(label);
    }

    /** @return the rounding carried across the period's slices for {@code name}, or null when lines round each on its own */
    private Attribution.RoundingCarry carry(VersionSlice s, String name) {
        if (s.plan().roundingPoint() == io.salesops.comp.plan.RoundingPoint.EACH_LINE) {
            return null;
        }
        if (carries == null) {
            carries = new HashMap<>();
        }
        return carries.computeIfAbsent(name, n -> new Attribution.RoundingCarry());
    }

    private void totalCaps() {
        if (setup.last.totalCaps().isEmpty()) {
            return;
        }
        List<CreditedAmount> all = new ArrayList<>();
        for (List<CreditedAmount> l : paidCredits) {
            all.addAll(l);
        }
        long ytdBefore = sameYear ? before.ytdEarned().minorUnits() : 0;
        for (UnroundedLine d : caps.total(sum(lines), all, ytdBefore)) {
            lines.add(d.toLine(setup.currency));
        }
    }
}
