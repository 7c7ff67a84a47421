package io.salesops.comp.file;

import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Binds the plan-wide terms that act on each payee's ledger rather than on one component: {@code clawback},
 * {@code draw}, {@code guarantee} and quota {@code proration}. One instance per file; not thread-safe.
 */
final class PayeeTermsBinder {

    private final ValueReader r;

    PayeeTermsBinder(ValueReader reader) {
        this.r = reader;
    }

    /** @return the clawback, or null if absent or broken (problems recorded) */
    Clawback clawback(Node n, String path) {
        if (n == null) {
            return null;
        }
        Mapping o = r.mapping(n, path, "a clawback: {windowDays: 90, attainment: reduce, deduct: now}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        Integer days = r.integer(o.req("windowDays", "days after booking within which a reversal claws back"),
                path + ".windowDays", 0, 3660);
        Clawback.Attainment a = r.enumOr(o.opt("attainment"), path + ".attainment", Clawback.Attainment.class,
                Clawback.Attainment.REDUCE);
        Clawback.Deduction deduct = r.enumOr(o.opt("deduct"), path + ".deduct", Clawback.Deduction.class,
                Clawback.Deduction.NOW);
        o.done();
        return days == null || a == null || deduct == null ? null : new Clawback(days, a, deduct);
    }

    /** @return the draw, or null if absent or broken (problems recorded) */
    Draw draw(Node n, String path) {
        if (n == null) {
            return null;
        }
        Mapping o = r.mapping(n, path, "a draw: {kind: recoverable, amount: 3000, from: 2026-01-01, to: 2026-06-30}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        int before = r.hardProblems();
        Draw.Kind kind = r.enumOr(o.req("kind", "recoverable or non_recoverable"), path + ".kind", Draw.Kind.class, null);
        Money amount = r.money(o.req("amount", "the draw per period"), path + ".amount");
        LocalDate from = r.date(o.req("from", "the first day of the draw"), path + ".from");
        LocalDate to = r.date(o.opt("to"), path + ".to");
        Draw.Timing timing = r.enumOr(o.opt("timing"), path + ".timing", Draw.Timing.class, Draw.Timing.TOP_UP);
        o.done();
        if (kind == null || amount == null || from == null || timing == null || r.hardProblems() != before) {
            return null;
        }
        return new Draw(kind, amount, from, to, timing);
    }

    /** @return the guarantee, or null if absent or broken (problems recorded) */
    Guarantee guarantee(Node n, String path) {
        if (n == null) {
            return null;
        }
        Mapping o = r.mapping(n, path, "a guarantee: {amount: 2000, from: 2026-01-01, to: 2026-03-31}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        int before = r.hardProblems();
        Money amount = r.money(o.req("amount", "the minimum net pay per period"), path + ".amount");
        LocalDate from = r.date(o.req("from", "the first day of the guarantee"), path + ".from");
        LocalDate to = r.date(o.opt("to"), path + ".to");
        o.done();
        if (amount == null || from == null || r.hardProblems() != before) {
            return null;
        }
        return new Guarantee(amount, from, to);
    }

    /** @return the proration ({@link QuotaProration#none()} if absent), or null if broken (problems recorded) */
    QuotaProration proration(Node n, String path) {
        if (n == null) {
            return QuotaProration.none();
        }
        r.at(path, path, n);
        if (n.kind == Node.Kind.STRING) {
            QuotaProration.Method m = r.enumOr(n, path, QuotaProration.Method.class, null);
            return m == null ? null : new QuotaProration(m, List.of());
        }
        Mapping o = r.mapping(n, path, "a proration: none, by_days or {method: by_weights, weights: [30, 30, 40]}");
        if (o == null) {
            return null;
        }
        QuotaProration.Method m = r.enumOr(o.req("method", "none, by_days or by_weights"), path + ".method",
                QuotaProration.Method.class, null);
        Node wn = o.opt("weights");
        List<BigDecimal> weights = wn == null ? List.of() : r.list(wn, path + ".weights", "weights",
                (x, p) -> {
                    r.at(p, p, x);
                    return r.decimal(x, p, "a weight");
                });
        o.done();
        return m == null || weights == null ? null : new QuotaProration(m, weights);
    }
}
