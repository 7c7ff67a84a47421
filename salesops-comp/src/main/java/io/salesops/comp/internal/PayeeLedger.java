package io.salesops.comp.internal;

import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A payee's ledger across periods: the per-deal pay history, clawbacks of reversed deals (in full, or the
 * reversed share of a deal), and draws and guarantees settled against the period's earnings. Confined to the
 * thread calculating the payee.
 */
final class PayeeLedger {

    private final PeriodSetup setup;
    private final FormulaText text;
    private final Rep rep;
    private final PayeeState before;
    private final List<PayoutLine> lines;
    private long advancePaid;
    /** Per entry of this period's history, its deal's int id in the period. */
    private int[] entryDeals = new int[16];
    private int entryCount;

    private static final Comparator<Credit> REVERSAL_ORDER = Comparator.comparing(Credit::date).thenComparing(Credit::id);

    PayeeLedger(PeriodSetup setup, FormulaText text, Rep rep, PayeeState before, List<PayoutLine> lines) {
        this.setup = setup;
        this.text = text;
        this.rep = rep;
        this.before = before;
        this.lines = lines;
    }

    /**
     * The per-deal pay of this period, one entry per deal and component, from what each credit earned: a deal
     * credited by several credits in a component gets one entry, at its first credit. Notes each entry's deal
     * as the period's int id, so reversals find their deal's entries without hashing strings.
     */
    List<DealPay> history(List<List<CreditedAmount>> paidCredits, List<String> paidLabels) {
        List<DealPay> out = new ArrayList<>();
        for (int k = 0; k < paidCredits.size(); k++) {
            List<CreditedAmount> credited = paidCredits.get(k);
            String label = paidLabels.get(k);
            int m = credited.size();
            if (m == 0) {
                continue;
            }
            DealPay[] at = new DealPay[m];
            // (deal << 32 | position) sorted brings a deal's credits together in credit order.
            long[] keys = new long[m];
            int nk = 0;
            Credit previous = null;
            for (int i = 0; i < m; i++) {
                CreditedAmount c = credited.get(i);
                // One credit reaching a manager through two split payees arrives twice, one after the other:
                // its whole amount counts once towards the deal.
                long whole = c.credit == previous ? 0 : c.creditMinor;
                previous = c.credit;
                if (c.pay == 0 && c.amount == 0) {
                    continue;
                }
                at[i] = new DealPay(c.credit.dealId(), label, setup.periodLabel, c.credit.date(), c.pay, c.amount,
                        c.rule == null ? "" : c.rule, whole);
                keys[nk++] = (long) c.deal << 32 | i;
            }
            if (repeatsADeal(keys, nk)) {
                mergeRepeatedDeals(at, keys, nk);
            }
            for (int i = 0; i < m; i++) {
                if (at[i] != null) {
                    out.add(at[i]);
                    noteEntryDeal(credited.get(i).deal);
                }
            }
        }
        return out;
    }

    /** @return whether two of the keys ({@code deal << 32 | position}) have the same deal: an int set, no sort */
    private static boolean repeatsADeal(long[] keys, int nk) {
        if (nk < 2) {
            return false;
        }
        int[] set = new int[Integer.highestOneBit(nk) << 2];
        int mask = set.length - 1;
        for (int k = 0; k < nk; k++) {
            int deal = (int) (keys[k] >>> 32);
            int h = deal * 0x9E3779B9;
            int i = (h ^ (h >>> 16)) & mask;
            while (set[i] != 0) {
                if (set[i] == deal + 1) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            set[i] = deal + 1;
        }
        return false;
    }

    /** Merges the entries of one deal into the entry at its first credit, leaving null at the others. */
    private static void mergeRepeatedDeals(DealPay[] at, long[] keys, int nk) {
        java.util.Arrays.sort(keys, 0, nk);
        for (int g = 0; g < nk; ) {
            int first = (int) keys[g];
            int e = g + 1;
            while (e < nk && keys[e] >>> 32 == keys[g] >>> 32) {
                DealPay x = at[first];
                DealPay y = at[(int) keys[e]];
                at[first] = new DealPay(x.dealId(), x.component(), x.period(),
                        x.dealDate().isBefore(y.dealDate()) ? x.dealDate() : y.dealDate(),
                        Math.addExact(x.payMinor(), y.payMinor()), Math.addExact(x.baseMinor(), y.baseMinor()),
                        x.rule().equals(y.rule()) ? x.rule() : x.rule() + " + " + y.rule(),
                        Math.addExact(x.dealMinor(), y.dealMinor()));
                at[(int) keys[e]] = null;
                e++;
            }
            g = e;
        }
    }

    private void noteEntryDeal(int deal) {
        if (entryDeals.length == entryCount) {
            entryDeals = java.util.Arrays.copyOf(entryDeals, Math.max(16, entryCount * 2));
        }
        entryDeals[entryCount++] = deal;
    }

    /** @return the period's int ids of the deals in the history entries, each once, ascending */
    int[] paidDeals(boolean severalComponents) {
        int[] d = java.util.Arrays.copyOf(entryDeals, entryCount);
        if (!severalComponents) {
            return d; // within one component a deal has one entry
        }
        java.util.Arrays.sort(d);
        int n = 0;
        for (int i = 0; i < d.length; i++) {
            if (n == 0 || d[i] != d[n - 1]) {
                d[n++] = d[i];
            }
        }
        return java.util.Arrays.copyOf(d, n);
    }

    /**
     * Claws back reversed deals: per component, the pay the deal has earned net of earlier clawbacks, times
     * the reversed share of what is left of the deal (all of it when the whole deal is reversed). Adds
     * clawback lines and negative history entries to {@code entries}, which {@link #history} made.
     *
     * @param deals the period's deal ids, which give each reversal's deal its int id
     */
    void clawbacks(List<Credit> reversals, List<DealPay> entries, Map<String, YearToDate> ytd, StringIds deals) {
        if (reversals == null) {
            return;
        }
        List<Credit> revs = new ArrayList<>(reversals);
        revs.sort(REVERSAL_ORDER);
        Clawback rule = setup.last.clawback();
        for (Credit r : revs) {
            int deal = deals.get(r.dealId());
            List<DealPay> paid = new ArrayList<>();
            if (before != null) {
                paid.addAll(before.history().forDeal(r.dealId()));
            }
            for (int i = 0; i < entryCount; i++) {
                if (entryDeals[i] == deal) {
                    paid.add(entries.get(i));
                }
            }
            Map<String, List<DealPay>> byComp = new LinkedHashMap<>();
            for (DealPay d : paid) {
                byComp.computeIfAbsent(d.component(), k -> new ArrayList<>()).add(d);
            }
            for (Map.Entry<String, List<DealPay>> e : byComp.entrySet()) {
                int added = entries.size();
                clawback(r, rule, e.getKey(), e.getValue(), entries, ytd);
                for (int i = added; i < entries.size(); i++) {
                    noteEntryDeal(deal);
                }
            }
        }
    }

    private void clawback(Credit r, Clawback rule, String label, List<DealPay> paid, List<DealPay> entries,
                          Map<String, YearToDate> ytd) {
        long net = 0;
        long base = 0;
        long deal = 0;
        LocalDate booked = null;
        List<String> how = new ArrayList<>();
        for (DealPay d : paid) {
            net += d.payMinor();
            base += d.baseMinor();
            deal += d.dealMinor();
            if (d.payMinor() > 0 || d.baseMinor() > 0) {
                booked = booked == null || d.dealDate().isBefore(booked) ? d.dealDate() : booked;
                how.add(text.money(d.payMinor()) + " in " + d.period() + (d.rule().isEmpty() ? "" : " (" + d.rule() + ")"));
            }
        }
        if (net == 0 && base == 0) {
            return;
        }
        UnroundedLine line = new UnroundedLine();
        line.kind = LineKind.CLAWBACK;
        line.component = label;
        line.credited = List.of(new CreditedAmount(r, -1, 0, r.payeeId(), BigDecimal.ONE, 0));
        long days = booked == null ? 0 : ChronoUnit.DAYS.between(booked, r.date());
        if (rule == null) {
            line.rule = "no clawback rule";
            line.formula = "reversal " + r.id() + " of deal " + r.dealId() + " ignored: the plan has no clawback rule";
        } else if (days > rule.windowDays()) {
            line.rule = "outside clawback window";
            line.formula = "reversal " + r.id() + " of deal " + r.dealId() + " on " + r.date() + " is " + days
                    + " days after booking on " + booked + ", outside the " + rule.windowDays() + "-day window; nothing clawed back";
        } else {
            // The reversed amount at the rate the booking was converted at, so reversing the whole deal is 100%.
            long reversed = setup.ctx.rates().convert(r.amount(), setup.currency, booked == null ? r.date() : booked,
                    setup.rounding).minorUnits();
            boolean whole = deal <= 0 || reversed >= deal;
            long claw = whole ? net : share(net, reversed, deal);
            long clawBase = whole ? base : share(base, reversed, deal);
            long clawDeal = whole ? deal : reversed;
            line.rule = "clawback within " + rule.windowDays() + " days";
            line.amount = -claw;
            line.base = text.money(clawBase);
            line.formula = "clawback of deal " + r.dealId() + " (" + r.status().name().toLowerCase(Locale.ROOT)
                    + " by " + r.id() + " on " + r.date() + ", " + days + " days after booking): reverses "
                    + (whole ? "" : reversed + "/" + deal + " of the deal's " + text.money(net) + " net, from ")
                    + String.join(" and ", how);
            if (!whole) {
                line.formula = "clawback of deal " + r.dealId() + " (" + r.status().name().toLowerCase(Locale.ROOT)
                        + " by " + r.id() + " on " + r.date() + ", " + days + " days after booking): "
                        + text.money(reversed) + " of the deal's remaining " + text.money(deal) + " reversed, so "
                        + text.money(net) + " x " + text.money(reversed).formatAmount() + " / " + text.money(deal).formatAmount()
                        + " = " + text.money(claw) + " of " + String.join(" and ", how);
            }
            YearToDate a = ytd.computeIfAbsent(setup.nameOf(label), k -> new YearToDate());
            a.earned -= claw;
            if (rule.attainment() == Clawback.Attainment.REDUCE) {
                a.measure -= clawBase;
                if (whole) {
                    a.count -= 1;
                }
            }
            entries.add(new DealPay(r.dealId(), label, setup.periodLabel, booked == null ? r.date() : booked,
                    -claw, -clawBase, "clawback by " + r.id(), -clawDeal));
        }
        lines.add(line.toLine(setup.currency));
    }

    private long share(long amount, long part, long whole) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 0, setup.rounding).longValueExact();
    }

    /**
     * Settles the draw and guarantee against {@code earned}: adds draw, advance, recovery and guarantee lines.
     * Each version sharing the period contributes its draw and guarantee for its share of the days.
     *
     * @return the draw balance to carry forward
     */
    long drawAndGuarantee(long earned, long balance) {
        Draw draw = null;
        BigDecimal drawExact = BigDecimal.ZERO;
        Guarantee g = null;
        BigDecimal floorExact = BigDecimal.ZERO;
        for (VersionSlice s : setup.slices) {
            Draw d = s.plan().draw();
            if (d != null && d.activeDuring(s.from(), s.to())) {
                draw = d;
                drawExact = drawExact.add(s.share(BigDecimal.valueOf(d.amount().minorUnits())));
            }
            Guarantee gv = s.plan().guarantee();
            if (gv != null && gv.activeDuring(s.from(), s.to())) {
                g = gv;
                floorExact = floorExact.add(s.share(BigDecimal.valueOf(gv.amount().minorUnits())));
            }
        }
        if (draw == null && setup.last.draw() != null) {
            draw = setup.last.draw(); // inactive this period: earnings still pay back the balance
        }
        boolean blended = setup.slices.size() > 1 || !setup.slices.get(0).wholePeriod();
        boolean active = drawExact.signum() > 0;
        long amt = drawExact.setScale(0, setup.rounding).longValueExact();
        boolean gActive = g != null && rep.isActiveOn(setup.period.end());
        long floor = gActive ? floorExact.setScale(0, setup.rounding).longValueExact() : Long.MIN_VALUE;
        Money drawShown = active ? text.money(amt) : null;
        String drawWhat = active ? drawShown + (blended ? " (blended by days of each plan version)" : "") : "";
        Money floorShown = gActive ? text.money(floor) : null;
        long net = earned;
        long advance = 0;
        if (draw != null) {
            boolean recoverable = draw.kind() == Draw.Kind.RECOVERABLE;
            String kind = recoverable ? "recoverable" : "non-recoverable";
            if (active && draw.timing() == Draw.Timing.IN_ADVANCE) {
                advance = amt;
                advancePaid = amt;
                long deducted = Math.max(0, Math.min(earned, amt));
                long shortfall = amt - deducted;
                addLine(LineKind.DRAW_RECOVERY, "draw advance deducted", -deducted, kind + " draw " + drawWhat
                        + " paid in advance during " + setup.period + "; " + text.money(deducted) + " of it deducted from "
                        + text.money(earned) + " earned" + (shortfall == 0 ? "" : recoverable
                        ? ", the other " + text.money(shortfall) + " added to the draw balance"
                        : ", the other " + text.money(shortfall) + " kept (non-recoverable)"));
                net -= deducted;
                if (recoverable) {
                    balance = Math.addExact(balance, shortfall);
                }
                if (shortfall == 0 && balance > 0) {
                    long recovered = recover(earned - amt, balance, net + advance, gActive, floor, floorShown,
                            earned, " above the draw " + drawShown);
                    balance -= recovered;
                    net -= recovered;
                }
            } else if (active && earned < amt) {
                long top = amt - earned;
                addLine(LineKind.DRAW, kind + " draw", top, kind + " draw " + drawWhat + " less " + text.money(earned)
                        + " earned" + (recoverable ? "; added to the draw balance" : ""));
                net += top;
                if (recoverable) {
                    balance = Math.addExact(balance, top);
                }
            } else if (balance > 0) {
                long recovered = recover(active ? earned - amt : earned, balance, net, gActive, floor, floorShown,
                        earned, active ? " above the draw " + drawShown : "");
                balance -= recovered;
                net -= recovered;
            }
        }
        if (gActive && net + advance < floor) {
            addLine(LineKind.GUARANTEE, "guarantee", floor - net - advance, "guarantee " + floorShown + " less "
                    + text.money(net + advance) + " otherwise paid" + (advance > 0 ? " (advance included)" : ""));
        }
        return balance;
    }

    /** @return the draw paid in advance during the period (0 unless the draw is paid in advance) */
    long advancePaid() {
        return advancePaid;
    }

    /**
     * Recovers up to {@code available} of the draw balance, never taking the period's cash below an active
     * guarantee, and adds the recovery line.
     *
     * @return the amount recovered
     */
    private long recover(long available, long balance, long cash, boolean gActive, long floor, Money floorShown,
                         long earned, String above) {
        long recover = Math.min(balance, Math.max(0, available));
        if (gActive) {
            recover = Math.min(recover, Math.max(0, cash - floor));
        }
        if (recover > 0) {
            addLine(LineKind.DRAW_RECOVERY, "draw recovery", -recover, "recovers " + text.money(recover)
                    + " of the draw balance " + text.money(balance) + " from " + text.money(earned) + " earned" + above
                    + (gActive ? ", keeping the guarantee " + floorShown : ""));
        }
        return recover;
    }

    private void addLine(LineKind kind, String rule, long amount, String formula) {
        lines.add(new PayoutLine(kind, null, rule, List.of(), null, null, null, List.of(rule), text.money(amount), formula));
    }
}
