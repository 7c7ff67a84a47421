package io.salesops.comp.internal;

import io.salesops.comp.engine.DealPay;
import io.salesops.comp.engine.PayeeState;
import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
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
 * reversed share of a deal). Draws and guarantees are {@link DrawSettlement}'s. Confined to the thread
 * calculating the payee.
 */
final class PayeeLedger {

    private final PeriodSetup setup;
    private final FormulaText text;
    private final PayeeState before;
    private final List<PayoutLine> lines;
    /** This period's history entries, each with its deal's int id in the period. */
    private HistoryColumns entries;

    private static final Comparator<Credit> REVERSAL_ORDER = Comparator.comparing(Credit::date).thenComparing(Credit::id);

    PayeeLedger(PeriodSetup setup, FormulaText text, PayeeState before, List<PayoutLine> lines) {
        this.setup = setup;
        this.text = text;
        this.before = before;
        this.lines = lines;
    }

    /**
     * The per-deal pay of this period, one entry per deal and component, from what each credit earned: a deal
     * credited by several credits in a component gets one entry, at its first credit. Notes each entry's deal
     * as the period's int id, so reversals find their deal's entries without hashing strings.
     *
     * @param reversals the reversals {@link #clawbacks} will take, or null: room is kept for their entries
     * @return the entries, to which {@link #clawbacks} adds
     */
    HistoryColumns history(List<List<CreditedAmount>> paidCredits, List<String> paidLabels, List<Credit> reversals,
                           StringIds deals) {
        // A reversal adds at most one entry per component it claws back from.
        int expected = reversals == null ? 0 : reversals.size() * Math.max(1, paidLabels.size());
        for (List<CreditedAmount> l : paidCredits) {
            expected += l.size();
        }
        entries = HistoryColumns.reused(setup.periodLabel, expected);
        for (int k = 0; k < paidCredits.size(); k++) {
            List<CreditedAmount> credited = paidCredits.get(k);
            String label = paidLabels.get(k);
            int m = credited.size();
            if (m == 0) {
                continue;
            }
            int first = entries.size();
            // (deal << 32 | entry) sorted brings a deal's entries together in credit order.
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
                keys[nk] = (long) c.deal << 32 | nk;
                nk++;
                entries.add(deals.key(c.deal), deals.hash(c.deal), label, c.date, c.pay, c.amount,
                        c.rule == null ? "" : c.rule, whole, c.deal);
            }
            if (repeatsADeal(keys, nk, deals.size())) {
                mergeRepeatedDeals(first, keys, nk);
            }
        }
        return entries;
    }

    /**
     * @param deals the number of the period's deals: each key's deal is below it
     * @return whether two of the keys ({@code deal << 32 | position}) have the same deal: no sort, and for the few
     *         keys of most payees no allocation
     */
    static boolean repeatsADeal(long[] keys, int nk, int deals) {
        if (nk <= 32) {
            for (int k = 1; k < nk; k++) {
                long deal = keys[k] >>> 32;
                for (int j = 0; j < k; j++) {
                    if (keys[j] >>> 32 == deal) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (deals <= nk * 64) {
            // A bit per deal of the period is smaller than a hash set of the keys.
            long[] seen = new long[(deals + 63) >>> 6];
            for (int k = 0; k < nk; k++) {
                int deal = (int) (keys[k] >>> 32);
                long bit = 1L << deal;
                if ((seen[deal >>> 6] & bit) != 0) {
                    return true;
                }
                seen[deal >>> 6] |= bit;
            }
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

    /** Merges the entries of one deal, from {@code first} on, into the entry at its first credit. */
    private void mergeRepeatedDeals(int first, long[] keys, int nk) {
        java.util.Arrays.sort(keys, 0, nk);
        boolean[] keep = new boolean[nk];
        for (int g = 0; g < nk; ) {
            int into = (int) keys[g];
            keep[into] = true;
            int e = g + 1;
            while (e < nk && keys[e] >>> 32 == keys[g] >>> 32) {
                entries.merge(first + into, first + (int) keys[e]);
                e++;
            }
            g = e;
        }
        entries.compact(first, keep);
    }

    /** @return the period's int ids of the deals in the history entries, each once, ascending */
    int[] paidDeals(boolean severalComponents) {
        int[] d = new int[entries.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = entries.periodDeal(i);
        }
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
    void clawbacks(List<Credit> reversals, java.util.function.Function<String, YearToDate> ytd, StringIds deals) {
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
            for (int i = 0; i < entries.size(); i++) {
                if (entries.periodDeal(i) == deal) {
                    paid.add(entries.get(i));
                }
            }
            Map<String, List<DealPay>> byComp = new LinkedHashMap<>();
            for (DealPay d : paid) {
                byComp.computeIfAbsent(d.component(), k -> new ArrayList<>()).add(d);
            }
            for (Map.Entry<String, List<DealPay>> e : byComp.entrySet()) {
                clawback(r, rule, e.getKey(), e.getValue(), deal, ytd);
            }
        }
    }

    private void clawback(Credit r, Clawback rule, String label, List<DealPay> paid, int periodDeal,
                          java.util.function.Function<String, YearToDate> ytd) {
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
        line.credited = List.of(new CreditedAmount(r, r.id(), r.date(), -1, 0, BigDecimal.ONE, 0));
        long days = booked == null ? 0 : ChronoUnit.DAYS.between(booked, r.date());
        if (rule == null) {
            line.rule = "no clawback rule";
            line.formula = FormulaText.fixed("reversal " + r.id() + " of deal " + r.dealId() + " ignored: the plan has no clawback rule");
        } else if (days > rule.windowDays()) {
            line.rule = "outside clawback window";
            line.formula = FormulaText.fixed("reversal " + r.id() + " of deal " + r.dealId() + " on " + r.date() + " is " + days
                    + " days after booking on " + booked + ", outside the " + rule.windowDays() + "-day window; nothing clawed back");
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
            line.formula = FormulaText.fixed("clawback of deal " + r.dealId() + " (" + r.status().name().toLowerCase(Locale.ROOT)
                    + " by " + r.id() + " on " + r.date() + ", " + days + " days after booking): reverses "
                    + (whole ? "" : reversed + "/" + deal + " of the deal's " + text.money(net) + " net, from ")
                    + String.join(" and ", how));
            if (!whole) {
                line.formula = FormulaText.fixed("clawback of deal " + r.dealId() + " (" + r.status().name().toLowerCase(Locale.ROOT)
                        + " by " + r.id() + " on " + r.date() + ", " + days + " days after booking): "
                        + text.money(reversed) + " of the deal's remaining " + text.money(deal) + " reversed, so "
                        + text.money(net) + " x " + text.money(reversed).formatAmount() + " / " + text.money(deal).formatAmount()
                        + " = " + text.money(claw) + " of " + String.join(" and ", how));
            }
            YearToDate a = ytd.apply(setup.nameOf(label));
            a.earned -= claw;
            if (rule.attainment() == Clawback.Attainment.REDUCE) {
                a.measure -= clawBase;
                if (whole) {
                    a.count -= 1;
                }
                if (setup.paysTrueUp(label)) {
                    // The next true-up pays the rate reached on the reduced measure less what was paid before: the
                    // pay clawed back now counts as not paid, or that true-up would take it back a second time.
                    a.gross -= claw;
                }
            }
            entries.add(r.dealId(), r.dealId().hashCode(), label, booked == null ? r.date() : booked, -claw, -clawBase, "clawback by " + r.id(),
                    -clawDeal, periodDeal);
        }
        lines.add(line.toLine(setup.currency));
    }

    private long share(long amount, long part, long whole) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 0, setup.rounding).longValueExact();
    }
}
