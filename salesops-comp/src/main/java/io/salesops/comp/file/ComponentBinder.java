package io.salesops.comp.file;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Condition;
import io.salesops.comp.plan.CreditTarget;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.Payout;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Binds one entry of a plan file's {@code components} (crediting, measure, pay, multipliers, gates, caps,
 * floor, payout) to a {@link Component}; conditions, pay rules and payouts go to their own binders. Caps are bound here for
 * the plan's {@code totalCaps} too. One instance per file; not thread-safe.
 */
final class ComponentBinder {

    private enum Per { DEAL, PERIOD, YEAR }

    private final ValueReader r;
    private final ConditionBinder conditions;
    private final PayRuleBinder payRules;
    private final PayoutBinder payouts;
    /** The plan's own {@code payout}, which every component without one takes; empty for paid at booking. */
    private java.util.Optional<Payout> planPayout = java.util.Optional.empty();

    ComponentBinder(ValueReader reader) {
        this.r = reader;
        this.conditions = new ConditionBinder(reader);
        this.payRules = new PayRuleBinder(reader);
        this.payouts = new PayoutBinder(reader);
    }

    /**
     * Binds the plan's {@code payout}, the default of the components bound after it; a problem is recorded and
     * the default stays paid at booking.
     */
    void planPayout(Node n) {
        java.util.Optional<Payout> p = payouts.payout(n, "payout");
        planPayout = p == null ? java.util.Optional.empty() : p;
    }

    /** @return the component, or null with the problems recorded */
    Component component(Node n, String path) {
        Mapping o = r.mapping(n, path, "a component");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        String name = r.name(o.req("name", "the component's name"), path + ".name");
        Node cr = o.opt("crediting");
        Crediting crediting = cr == null ? Crediting.all() : crediting(cr, path + ".crediting");
        Node ms = o.opt("measure");
        Measure measure = ms == null ? Measure.sum() : measure(ms, path + ".measure");
        PayRule pay = payRules.pay(o.req("pay", PayRuleBinder.PAY_FORMS), path + ".pay");
        List<Multiplier> multipliers = r.list(o.opt("multipliers"), path + ".multipliers", "multipliers", this::multiplier);
        List<Gate> gates = r.list(o.opt("gates"), path + ".gates", "gates", this::gate);
        List<Cap> caps = r.list(o.opt("caps"), path + ".caps", "caps", this::cap);
        Money floor = r.money(o.opt("floor"), path + ".floor");
        Node po = o.opt("payout");
        java.util.Optional<Payout> payout = po != null ? payouts.payout(po, path + ".payout") : planPayout;
        if (po == null && planPayout.isPresent()) {
            // A problem of the payout this component takes from the plan is shown at the plan's payout.
            r.locateAt(path + ".payout", r.locate("payout"));
        }
        o.done();
        if (name == null || crediting == null || measure == null || pay == null || multipliers == null || gates == null
                || caps == null || (o.node.fields.containsKey("floor") && o.node.fields.get("floor").kind != Node.Kind.NULL
                && floor == null) || payout == null) {
            return null;
        }
        return r.build(n, path, () -> new Component(name, crediting, measure, pay, multipliers, gates, caps, floor,
                payout.orElse(null)));
    }

    private Crediting crediting(Node n, String path) {
        Mapping o = r.mapping(n, path, "crediting: {when: ..., to: owner|managers|team, levels: 0, splits: true}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        Node w = o.opt("when");
        Condition when = w == null ? Condition.always() : conditions.condition(w, path + ".when");
        CreditTarget target = r.enumOr(o.opt("to"), path + ".to", CreditTarget.class, CreditTarget.OWNER);
        Node lv = o.opt("levels");
        Integer levels = lv == null ? Integer.valueOf(0) : r.integer(lv, path + ".levels", 0, 100);
        Node sp = o.opt("splits");
        Boolean splits = sp == null ? Boolean.TRUE : r.bool(sp, path + ".splits");
        Node ov = o.opt("overlay");
        List<String> overlays = ov == null ? List.of() : overlays(ov, path + ".overlay");
        o.done();
        if (when == null || target == null || levels == null || splits == null || overlays == null) {
            return null;
        }
        return r.build(n, path, () -> new Crediting(when, target, levels, splits, overlays));
    }

    /** {@code overlay: se} or {@code overlay: [se, overlay_rep]}: columns naming people also credited in full. */
    private List<String> overlays(Node n, String path) {
        r.at(path, path, n);
        if (n.kind != Node.Kind.ARRAY) {
            String one = r.name(n, path);
            return one == null ? null : List.of(one);
        }
        List<String> l = r.list(n, path, "columns naming a person credited too", r::name);
        if (l != null && new java.util.HashSet<>(l).size() != l.size()) {
            r.hard(n, path, "overlay columns " + l + " repeat a column");
            return null;
        }
        return l;
    }

    private Measure measure(Node n, String path) {
        r.at(path, path, n);
        if (n.kind == Node.Kind.STRING) {
            Measure.Kind k = r.enumOr(n, path, Measure.Kind.class, null);
            return k == null ? null : new Measure(k, false);
        }
        Mapping o = r.mapping(n, path, "a measure: sum, count, attainment or {kind: attainment, yearToDate: true}");
        if (o == null) {
            return null;
        }
        Measure.Kind k = r.enumOr(o.req("kind", "sum, count or attainment"), path + ".kind", Measure.Kind.class, null);
        Node y = o.opt("yearToDate");
        Boolean ytd = y == null ? Boolean.FALSE : r.bool(y, path + ".yearToDate");
        o.done();
        return k == null || ytd == null ? null : new Measure(k, ytd);
    }

    private Multiplier multiplier(Node n, String path) {
        Mapping o = r.mapping(n, path, "a multiplier: {above: 100, factor: 1.5} or {below: 50, factor: 0.5}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        Node fromN = o.opt("from");
        Node aboveN = o.opt("above");
        Node upToN = o.opt("upTo");
        Node belowN = o.opt("below");
        Node fN = o.req("factor", "the multiplier, e.g. 1.5");
        BigDecimal factor = r.decimal(fN, path + ".factor", "a number");
        if (fN != null) {
            r.at(path + ".factor", path + ".factor", fN);
        }
        boolean ok = factor != null;
        if (fromN != null && aboveN != null || upToN != null && belowN != null) {
            r.hard(n, path, "a multiplier range starts at from (inclusive) or above (exclusive), and ends at upTo"
                    + " (inclusive) or below (exclusive); give at most one of each");
            o.done();
            return null;
        }
        BigDecimal from = BigDecimal.ZERO;
        if (fromN != null || aboveN != null) {
            String lp = path + (fromN != null ? ".from" : ".above");
            from = r.decimal(fromN != null ? fromN : aboveN, lp, "an attainment percentage");
            r.at(path + ".from", lp, fromN != null ? fromN : aboveN);
            ok &= from != null;
        }
        BigDecimal upTo = null;
        if (upToN != null || belowN != null) {
            String up = path + (upToN != null ? ".upTo" : ".below");
            upTo = r.decimal(upToN != null ? upToN : belowN, up, "an attainment percentage");
            r.at(path + ".upTo", up, upToN != null ? upToN : belowN);
            ok &= upTo != null;
        }
        o.done();
        if (!ok) {
            return null;
        }
        return new Multiplier(from, aboveN == null, upTo, upToN != null, factor);
    }

    private Gate gate(Node n, String path) {
        Mapping o = r.mapping(n, path, "a gate: {basis: attainment, atLeast: 50} or {component: Bookings, basis: count, above: 2}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        Node cn = o.opt("component");
        String component = cn == null ? null : r.name(cn, path + ".component");
        Gate.Basis basis = r.enumOr(o.opt("basis"), path + ".basis", Gate.Basis.class, Gate.Basis.ATTAINMENT);
        Node atLeast = o.opt("atLeast");
        Node above = o.opt("above");
        o.done();
        if (atLeast != null && above != null || atLeast == null && above == null) {
            r.hard(n, path, "a gate opens at atLeast (inclusive) or above (exclusive) a threshold; give exactly one");
            return null;
        }
        String tp = path + (atLeast != null ? ".atLeast" : ".above");
        BigDecimal threshold = r.decimal(atLeast != null ? atLeast : above, tp, "a number");
        r.at(path + ".threshold", tp, atLeast != null ? atLeast : above);
        if (threshold == null || basis == null || cn != null && component == null) {
            return null;
        }
        return new Gate(component, basis, threshold, atLeast != null);
    }

    /** @return the cap of a component's {@code caps} or the plan's {@code totalCaps}, or null with problems */
    Cap cap(Node n, String path) {
        Mapping o = r.mapping(n, path, "a cap: {per: period, limit: 20000}");
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        Node pn = o.req("per", "deal, period or year");
        Per per = r.enumOr(pn, path + ".per", Per.class, null);
        if (pn != null) {
            r.at(path + ".scope", path + ".per", pn);
        }
        Node ln = o.req("limit", "the most that may be paid");
        Money limit = r.money(ln, path + ".limit");
        o.done();
        if (per == null || limit == null) {
            return null;
        }
        return new Cap(switch (per) {
            case DEAL -> Cap.Scope.PER_DEAL;
            case PERIOD -> Cap.Scope.PER_PERIOD;
            case YEAR -> Cap.Scope.PER_YEAR;
        }, limit);
    }
}
