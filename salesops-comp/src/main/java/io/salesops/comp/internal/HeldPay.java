package io.salesops.comp.internal;

import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.HeldDeal;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.DealPayment;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Payout;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.core.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payee's commission of components paid later ({@link Payout}: on collection, in instalments). Each deal earns
 * at booking as any other; this holds it and releases it as it falls due. Per deal and component,
 * {@code due = round(earned to date x share due)}, the share being {@code atBooking + (1 - atBooking) x
 * collected / deal amount} on collection and the schedule's shares up to this period in instalments; the period
 * pays {@code due} less what was released before. A {@link LineKind#HELD} line per component takes this period's
 * earnings of those deals out of the pay, and a {@link LineKind#RELEASED} line per deal pays what fell due. Since
 * each period pays the change in {@code due}, over all periods a deal pays exactly what it earned once it is due in
 * full, and never more than it earned (a reversal lowers what it earned, and so takes back what was paid beyond it).
 *
 * <p>The state keeps a {@link HeldDeal} per deal not yet paid in full. A deal paid in full leaves it: if it is met
 * again (a reversal, a later booking) it comes back from the deal history as paid in full. Confined to
 * the thread calculating the payee.
 */
final class HeldPay {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PeriodSetup setup;
    private final FormulaText text;
    private final PayeeState before;
    private final List<PayoutLine> lines;

    /** One deal in one component: what the state held and what this period adds. */
    private static final class Open {
        final String component;
        final String deal;
        LocalDate booked;
        long dealMinor;
        long earnedBefore;
        long earnedNow;
        long released;

        Open(String component, String deal, LocalDate booked) {
            this.component = component;
            this.deal = deal;
            this.booked = booked;
        }
    }

    HeldPay(PeriodSetup setup, FormulaText text, PayeeState before, List<PayoutLine> lines) {
        this.setup = setup;
        this.text = text;
        this.before = before;
        this.lines = lines;
    }

    /** @return whether a payee has anything to hold or release: a component paid later, or pay held from before */
    static boolean applies(PeriodSetup setup, PayeeState before) {
        if (before != null && !before.held().isEmpty()) {
            return true;
        }
        for (VersionSlice s : setup.slices) {
            for (CompiledComponent k : s.components()) {
                if (k.component().payout() != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Holds this period's earnings of deals paid later, releases what fell due, and adds the lines.
     *
     * @param entries this period's deal history entries, clawbacks included
     * @return the deals still held after this period
     */
    List<HeldDeal> settle(HistoryColumns entries) {
        Map<String, Open> open = new LinkedHashMap<>();
        if (before != null) {
            for (HeldDeal h : before.held()) {
                Open o = new Open(h.component(), h.dealId(), h.booked());
                o.dealMinor = h.dealMinor();
                o.earnedBefore = h.earnedMinor();
                o.released = h.releasedMinor();
                open.put(key(h.component(), h.dealId()), o);
            }
        }
        Map<String, Long> heldByLabel = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String label = entries.components()[i];
            String name = setup.nameOf(label);
            String deal = entries.dealIds()[i];
            String k = key(name, deal);
            Open o = open.get(k);
            if (o == null) {
                if (payoutOf(name) == null) {
                    continue;
                }
                o = fromHistory(name, deal, entries.dates()[i]);
                open.put(k, o);
            }
            long pay = entries.pay()[i];
            o.earnedNow = Math.addExact(o.earnedNow, pay);
            o.dealMinor = Math.addExact(o.dealMinor, entries.dealMinor()[i]);
            heldByLabel.merge(label, pay, Math::addExact);
        }
        for (Map.Entry<String, Long> e : heldByLabel.entrySet()) {
            long held = e.getValue();
            if (held != 0) {
                Payout p = payoutOf(setup.nameOf(e.getKey()));
                String how = p == null ? "as it earns" : p.describe();
                addLine(LineKind.HELD, e.getKey(), "held until due", -held, held > 0
                        ? text.money(held) + " earned this period on deals paid " + how + " is held until it falls due"
                        : "clawbacks of " + text.money(-held) + " this period come out of pay held for deals paid " + how
                        + " (what was already paid is taken back below)");
            }
        }
        List<HeldDeal> after = new ArrayList<>();
        for (Open o : open.values()) {
            release(o, after);
        }
        return after;
    }

    /** @return what the deals hold in all: earned less released */
    static long total(List<HeldDeal> held) {
        long sum = 0;
        for (HeldDeal d : held) {
            sum = Math.addExact(sum, d.heldMinor());
        }
        return sum;
    }

    private static String key(String component, String deal) {
        return component + '\u0000' + deal;
    }

    /** A deal met again after it was paid in full, or met first: what it earned before, all of it paid. */
    private Open fromHistory(String name, String deal, LocalDate date) {
        Open o = new Open(name, deal, date);
        if (before == null) {
            return o;
        }
        for (DealPay d : before.history().forDeal(deal)) {
            if (setup.nameOf(d.component()).equals(name)) {
                o.earnedBefore = Math.addExact(o.earnedBefore, d.payMinor());
                o.dealMinor = Math.addExact(o.dealMinor, d.dealMinor());
                o.booked = d.dealDate().isBefore(o.booked) ? d.dealDate() : o.booked;
            }
        }
        o.released = o.earnedBefore;
        return o;
    }

    /** Releases what of {@code o} fell due; adds it to {@code after} unless it is paid in full. */
    private void release(Open o, List<HeldDeal> after) {
        long earned = Math.addExact(o.earnedBefore, o.earnedNow);
        Payout p = payoutOf(o.component);
        long due;
        boolean complete;
        String how;
        if (p == null) {
            due = earned;
            complete = true;
            how = "component " + o.component + " now pays as it earns, so all " + text.money(earned) + " earned is due";
        } else if (p.kind() == Payout.Kind.INSTALMENTS) {
            int since = periodsSince(o.booked, p.instalments().size());
            BigDecimal share = p.dueByInstalment(since);
            due = BigDecimal.valueOf(earned).multiply(share).divide(HUNDRED, 0, setup.rounding).longValueExact();
            complete = since >= p.instalments().size() - 1;
            how = "booked " + o.booked + ", instalment " + Math.min(since + 1, p.instalments().size()) + " of "
                    + p.instalments().size() + ": " + FormulaText.plain(share) + "% of " + text.money(earned)
                    + " earned = " + text.money(due) + " due";
        } else if (o.dealMinor <= 0) {
            // Reversed in full: nothing more will be collected, and nothing beyond what it still earns stays paid.
            due = Math.min(o.released, earned);
            complete = due == earned;
            how = "the deal is reversed in full, so nothing more falls due; " + text.money(due) + " of "
                    + text.money(earned) + " earned stays paid";
        } else {
            long collected = collected(o);
            long c = Math.max(0, Math.min(collected, o.dealMinor));
            boolean inFull = p.kind() == Payout.Kind.ON_COLLECTION_IN_FULL;
            if (inFull && c < o.dealMinor) {
                c = 0; // nothing counts until the whole deal is paid
            }
            BigDecimal b = p.atBooking().value();
            BigDecimal a = BigDecimal.valueOf(o.dealMinor);
            BigDecimal shareOfDeal = b.multiply(a).add(HUNDRED.subtract(b).multiply(BigDecimal.valueOf(c)));
            due = BigDecimal.valueOf(earned).multiply(shareOfDeal).divide(HUNDRED.multiply(a), 0, setup.rounding)
                    .longValueExact();
            complete = c == o.dealMinor;
            String fraction = text.money(c).formatAmount() + " / " + text.money(o.dealMinor).formatAmount();
            how = text.money(collected) + " of " + text.money(o.dealMinor) + " collected by " + setup.period.end()
                    + (collected > o.dealMinor ? " (the deal amount counts)" : "")
                    + (inFull ? (c == 0 ? ", not yet in full" : ", in full") : "") + ": "
                    + (b.signum() == 0 ? fraction : FormulaText.plain(b) + "% at booking + "
                    + FormulaText.plain(HUNDRED.subtract(b)) + "% x " + fraction)
                    + " of " + text.money(earned) + " earned = " + text.money(due) + " due";
        }
        long delta = due - o.released;
        if (delta != 0) {
            addLine(LineKind.RELEASED, labelOf(o.component), delta > 0 ? "released" : "taken back", delta,
                    "deal " + o.deal + ": " + how + ", less " + text.money(o.released) + " paid before");
        }
        if (!(complete && due == earned)) {
            after.add(new HeldDeal(o.component, o.deal, o.booked, o.dealMinor, earned, due));
        }
    }

    /** @return the deal's payments to the end of the period, in the plan currency at its booking day's rate */
    private long collected(Open o) {
        long sum = 0;
        for (DealPayment p : setup.ctx.payments().forDeal(o.deal, setup.period.end())) {
            sum = Math.addExact(sum, setup.ctx.rates().convert(p.amount(), setup.currency, o.booked, setup.rounding)
                    .minorUnits());
        }
        return sum;
    }

    /** @return how many periods like this one lie between the one holding {@code booked} and this one, at most {@code n} */
    private int periodsSince(LocalDate booked, int n) {
        Period p = setup.period;
        int k = 0;
        while (k < n && p.start().isAfter(booked)) {
            p = p.previous();
            k++;
        }
        return k;
    }

    /** @return the payout of the component of that name in the latest version in force, or null */
    private Payout payoutOf(String name) {
        Component c = componentNamed(name);
        return c == null ? null : c.payout();
    }

    private Component componentNamed(String name) {
        for (int i = setup.slices.size() - 1; i >= 0; i--) {
            for (CompiledComponent k : setup.slices.get(i).components()) {
                if (k.component().name().equals(name)) {
                    return k.component();
                }
            }
        }
        return null;
    }

    /** @return the statement label of the component of that name in the latest version in force, else the name */
    private String labelOf(String name) {
        for (int i = setup.slices.size() - 1; i >= 0; i--) {
            for (CompiledComponent k : setup.slices.get(i).components()) {
                if (k.component().name().equals(name)) {
                    return k.label();
                }
            }
        }
        return name;
    }

    private void addLine(LineKind kind, String component, String rule, long amount, String formula) {
        lines.add(new PayoutLine(kind, component, rule, List.of(), null, null, null, List.of(), text.money(amount),
                formula));
    }
}
