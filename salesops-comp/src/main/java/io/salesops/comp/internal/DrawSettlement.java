package io.salesops.comp.internal;

import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.statement.LineKind;
import io.salesops.comp.statement.PayoutLine;
import io.salesops.core.money.Money;
import io.salesops.core.org.Rep;
import java.math.BigDecimal;
import java.util.List;

/**
 * Settles a payee's draw and guarantee against the period's earnings. Every plan version sharing the period
 * contributes its draw for its share of the days, with its own timing and kind: the parts paid in advance are
 * deducted from earnings, the parts topped up pay what earnings (after the deduction) leave short of them, and
 * the shortfall of each timing joins the draw balance in the proportion of its recoverable parts. With one
 * version, or versions that agree on kind and timing, this is the plain draw of {@link Draw}. Confined to the
 * thread calculating the payee.
 */
final class DrawSettlement {

    private final PeriodSetup setup;
    private final FormulaText text;
    private final Rep rep;
    private final List<PayoutLine> lines;
    private long advancePaid;

    /** A period's draw: each version's draw times its days in the period, summed exactly, by timing and kind. */
    private static final class Parts {
        BigDecimal advance = BigDecimal.ZERO;
        BigDecimal advanceRecoverable = BigDecimal.ZERO;
        BigDecimal topUp = BigDecimal.ZERO;
        BigDecimal topUpRecoverable = BigDecimal.ZERO;

        void add(Draw d, BigDecimal share) {
            boolean recoverable = d.kind() == Draw.Kind.RECOVERABLE;
            if (d.timing() == Draw.Timing.IN_ADVANCE) {
                advance = advance.add(share);
                advanceRecoverable = recoverable ? advanceRecoverable.add(share) : advanceRecoverable;
            } else {
                topUp = topUp.add(share);
                topUpRecoverable = recoverable ? topUpRecoverable.add(share) : topUpRecoverable;
            }
        }
    }

    DrawSettlement(PeriodSetup setup, FormulaText text, Rep rep, List<PayoutLine> lines) {
        this.setup = setup;
        this.text = text;
        this.rep = rep;
        this.lines = lines;
    }

    /**
     * Settles the draw and guarantee against {@code earned} and adds the draw, advance, recovery and guarantee
     * lines. A recoverable balance is paid back from earnings above the draw, and from all earnings in periods
     * without an active draw (also under a version that has no draw), never below an active guarantee.
     *
     * @param earned  the period's earnings, clawbacks included (may be negative)
     * @param balance the draw balance carried in
     * @return the draw balance to carry forward
     */
    long settle(long earned, long balance) {
        Parts parts = new Parts();
        Guarantee g = null;
        BigDecimal floorExact = BigDecimal.ZERO;
        int withDraw = 0;
        for (VersionSlice s : setup.slices) {
            Draw d = s.plan().draw();
            if (d != null && d.activeDuring(s.from(), s.to())) {
                parts.add(d, s.dayWeighted(d.amount().minorUnits()));
                withDraw++;
            }
            Guarantee gv = s.plan().guarantee();
            if (gv != null && gv.activeDuring(s.from(), s.to())) {
                g = gv;
                floorExact = floorExact.add(s.dayWeighted(gv.amount().minorUnits()));
            }
        }
        boolean blended = setup.slices.size() > 1 || !setup.slices.get(0).wholePeriod();
        long advance = round(parts.advance);
        long topUp = round(parts.advance.add(parts.topUp)) - advance; // the parts sum to the rounded whole
        long draw = advance + topUp;
        boolean gActive = g != null && rep.isActiveOn(setup.period.end());
        long floor = gActive ? round(floorExact) : Long.MIN_VALUE;
        Money floorShown = gActive ? text.money(floor) : null;
        String how = blended && withDraw > 0 ? " (blended by days of each plan version)" : "";
        long net = earned;
        long shortfall = 0;
        if (advance > 0) {
            advancePaid = advance;
            long deducted = Math.max(0, Math.min(earned, advance));
            long unpaid = advance - deducted;
            long recoverable = part(unpaid, parts.advanceRecoverable, parts.advance);
            addLine(LineKind.DRAW_RECOVERY, "draw advance deducted", -deducted, kind(parts.advanceRecoverable, parts.advance)
                    + " draw " + text.money(advance) + how + " paid in advance during " + setup.period + "; "
                    + text.money(deducted) + " of it deducted from " + text.money(earned) + " earned"
                    + (unpaid == 0 ? "" : ", the other " + text.money(unpaid) + carried(recoverable, unpaid)));
            net -= deducted;
            balance = Math.addExact(balance, recoverable);
            shortfall += unpaid;
        }
        if (topUp > 0 && net < topUp) {
            long top = topUp - net;
            long recoverable = part(top, parts.topUpRecoverable, parts.topUp);
            String kind = kind(parts.topUpRecoverable, parts.topUp);
            addLine(LineKind.DRAW, kind + " draw", top, kind + " draw " + text.money(topUp) + how + " less "
                    + text.money(net) + " earned" + (advance > 0 ? " beyond the advance" : "")
                    + (recoverable == 0 ? "" : recoverable == top ? "; added to the draw balance"
                    : "; " + text.money(recoverable) + " of it added to the draw balance"));
            net += top;
            balance = Math.addExact(balance, recoverable);
            shortfall += top;
        }
        if (shortfall == 0 && balance > 0) {
            long recovered = recover(earned - draw, balance, net + advance, gActive, floor, floorShown, earned,
                    draw > 0 ? " above the draw " + text.money(draw) : "");
            balance -= recovered;
            net -= recovered;
        }
        io.salesops.comp.plan.Clawback clawback = setup.last.clawback();
        if (net < 0 && clawback != null && clawback.deduct() == io.salesops.comp.plan.Clawback.Deduction.FROM_LATER_PAY) {
            // "Deducted from future commission payments until recouped": the period pays nothing and the rest
            // joins the balance that later earnings pay back.
            addLine(LineKind.DRAW, "clawback carried forward", -net, "clawbacks exceed this period's pay by "
                    + text.money(-net) + "; deducted from later pay (clawback deduct: from_later_pay), so it joins"
                    + " the balance instead of a negative net pay");
            balance = Math.addExact(balance, -net);
            net = 0;
        }
        if (gActive && net + advance < floor) {
            addLine(LineKind.GUARANTEE, "guarantee", floor - net - advance, "guarantee " + floorShown
                    + (blended ? " (blended by days of each plan version)" : "") + " less "
                    + text.money(net + advance) + " otherwise paid" + (advance > 0 ? " (advance included)" : ""));
        }
        return balance;
    }

    /** @return the draw paid in advance during the period (0 unless a version pays its draw in advance) */
    long advancePaid() {
        return advancePaid;
    }

    private long round(BigDecimal dayWeighted) {
        return setup.blend(dayWeighted);
    }

    /** @return {@code amount x part / whole}, rounded; all of it or none when the parts agree */
    private long part(long amount, BigDecimal part, BigDecimal whole) {
        if (part.compareTo(whole) == 0) {
            return amount;
        }
        if (part.signum() == 0) {
            return 0;
        }
        return BigDecimal.valueOf(amount).multiply(part).divide(whole, 0, setup.rounding).longValueExact();
    }

    private static String kind(BigDecimal recoverable, BigDecimal whole) {
        return recoverable.compareTo(whole) == 0 ? "recoverable" : recoverable.signum() == 0 ? "non-recoverable"
                : "partly recoverable";
    }

    private String carried(long recoverable, long unpaid) {
        if (recoverable == unpaid) {
            return " added to the draw balance";
        }
        if (recoverable == 0) {
            return " kept (non-recoverable)";
        }
        return ": " + text.money(recoverable) + " added to the draw balance (the recoverable versions' share), "
                + text.money(unpaid - recoverable) + " kept";
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
