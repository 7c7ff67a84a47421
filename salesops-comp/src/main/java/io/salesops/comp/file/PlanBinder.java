package io.salesops.comp.file;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.Clawback;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Component;
import io.salesops.comp.plan.Condition;
import io.salesops.comp.plan.CreditTarget;
import io.salesops.comp.plan.Crediting;
import io.salesops.comp.plan.Draw;
import io.salesops.comp.plan.Gate;
import io.salesops.comp.plan.Guarantee;
import io.salesops.comp.plan.Measure;
import io.salesops.comp.plan.Multiplier;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.QuotaProration;
import io.salesops.comp.plan.RoundingPoint;
import io.salesops.comp.plan.Tier;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Binds a located {@link Node} tree to a {@link CompPlan} field by field, collecting every problem (wrong type,
 * missing key, unknown key, bad value) instead of stopping at the first. Remembers where each model path came
 * from so that {@link io.salesops.comp.plan.PlanValidator} problems can be located in the file too.
 * One instance per file; not thread-safe.
 */
final class PlanBinder {

    /** Where a model path was read from: the file path and the node's position. */
    record Loc(String path, int line, int column) {
    }

    /** Decimals beyond these bounds are refused before anything can scale them (1e999999999 would hang). */
    static final int MAX_SCALE = 12;
    static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final String file;
    private final List<PlanFileProblem> problems;
    private final Map<String, Loc> locations = new HashMap<>();
    private int hard;
    private Currency currency;

    PlanBinder(String file, List<PlanFileProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** @return where {@code modelPath} (or its nearest recorded parent) was read from, or null */
    Loc locate(String modelPath) {
        String p = modelPath;
        while (true) {
            Loc l = locations.get(p);
            if (l != null) {
                return p.length() == modelPath.length() ? l
                        : new Loc(l.path() + modelPath.substring(p.length()).replace(".table", ""), l.line(), l.column());
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                Loc root = locations.get("");
                return root == null ? null : new Loc(modelPath.replace(".table", ""), root.line(), root.column());
            }
            p = p.substring(0, cut);
        }
    }

    /** @return the plan, or null if a problem prevents building it (problems recorded) */
    CompPlan bind(Node root) {
        Obj o = obj(root, "", "the plan");
        if (o == null) {
            return null;
        }
        at("", "", root);
        o.opt("$schema");
        String name = name(o.req("name", "the plan's name"), "name");
        currency = currency(o.req("currency", "an ISO 4217 code such as USD"), "currency");
        RoundingMode rounding = enumOr(o.opt("rounding"), "rounding", RoundingMode.class, RoundingMode.HALF_EVEN);
        RoundingPoint point = enumOr(o.opt("roundingPoint"), "roundingPoint", RoundingPoint.class, RoundingPoint.EACH_LINE);
        Set<String> attributes = new LinkedHashSet<>();
        Node attrs = o.opt("attributes");
        if (attrs != null) {
            List<String> l = list(attrs, "attributes", "attribute names", this::name);
            if (l != null) {
                attributes.addAll(l);
            }
        }
        LocalDate from = date(o.opt("effectiveFrom"), "effectiveFrom");
        LocalDate to = date(o.opt("effectiveTo"), "effectiveTo");
        List<Integer> keptComponents = new ArrayList<>();
        List<Component> components = kept(o.req("components", "a list of components"), "components", "components",
                this::component, keptComponents);
        List<Integer> keptCaps = new ArrayList<>();
        List<Cap> totalCaps = kept(o.opt("totalCaps"), "totalCaps", "caps", this::cap, keptCaps);
        Clawback clawback = clawback(o.opt("clawback"), "clawback");
        Draw draw = draw(o.opt("draw"), "draw");
        Guarantee guarantee = guarantee(o.opt("guarantee"), "guarantee");
        QuotaProration proration = proration(o.opt("proration"), "proration");
        o.done();
        if (hard > 0) {
            // What did bind can still be validated, so that the engine's problems show with the file's own.
            if (name != null && currency != null && rounding != null && point != null && components != null
                    && totalCaps != null) {
                try {
                    partial = new CompPlan(name, currency, rounding, point, attributes, components, totalCaps, clawback,
                            draw, guarantee, proration == null ? QuotaProration.none() : proration, from, to);
                    partialComponents = keptComponents;
                    partialCaps = keptCaps;
                    allComponentsBound = keptComponents.size() == root.fields.getOrDefault("components", root).itemsSize();
                } catch (RuntimeException e) {
                    partial = null;
                }
            }
            return null;
        }
        return build(root, "", () -> new CompPlan(name, currency, rounding, point, attributes, components, totalCaps,
                clawback, draw, guarantee, proration, from, to));
    }

    /** The plan of the parts that bound, when the whole could not; null if even that could not be built. */
    CompPlan partial;
    /** For {@link #partial}: the file index of each component and total cap kept. */
    List<Integer> partialComponents = List.of();
    List<Integer> partialCaps = List.of();
    boolean allComponentsBound;

    /** Like {@link #list} but keeps the elements that bound, recording their indexes; null if not a list. */
    private <T> List<T> kept(Node n, String path, String what, BiFunction<Node, String, T> element, List<Integer> indexes) {
        if (n == null) {
            return List.of();
        }
        if (n.kind != Node.Kind.ARRAY) {
            hard(n, path, "expected a list of " + what + ", found " + n.describe());
            return null;
        }
        at(path, path, n);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n.items.size(); i++) {
            int before = hard;
            T t = element.apply(n.items.get(i), path + "[" + i + "]");
            if (t != null && hard == before) {
                out.add(t);
                indexes.add(i);
            }
        }
        return out;
    }

    private Component component(Node n, String path) {
        Obj o = obj(n, path, "a component");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        String name = name(o.req("name", "the component's name"), path + ".name");
        Node cr = o.opt("crediting");
        Crediting crediting = cr == null ? Crediting.all() : crediting(cr, path + ".crediting");
        Node ms = o.opt("measure");
        Measure measure = ms == null ? Measure.sum() : measure(ms, path + ".measure");
        PayRule pay = pay(o.req("pay", "a pay rule with a type: flat_rate, tiered, bonus, mbo or spiff"), path + ".pay");
        List<Multiplier> multipliers = list(o.opt("multipliers"), path + ".multipliers", "multipliers", this::multiplier);
        List<Gate> gates = list(o.opt("gates"), path + ".gates", "gates", this::gate);
        List<Cap> caps = list(o.opt("caps"), path + ".caps", "caps", this::cap);
        Money floor = money(o.opt("floor"), path + ".floor");
        o.done();
        if (name == null || crediting == null || measure == null || pay == null || multipliers == null || gates == null
                || caps == null || (o.node.fields.containsKey("floor") && o.node.fields.get("floor").kind != Node.Kind.NULL
                && floor == null)) {
            return null;
        }
        return build(n, path, () -> new Component(name, crediting, measure, pay, multipliers, gates, caps, floor));
    }

    private Crediting crediting(Node n, String path) {
        Obj o = obj(n, path, "crediting: {when: ..., to: owner|managers|team, levels: 0, splits: true}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        Node w = o.opt("when");
        Condition when = w == null ? Condition.always() : condition(w, path + ".when");
        CreditTarget target = enumOr(o.opt("to"), path + ".to", CreditTarget.class, CreditTarget.OWNER);
        Node lv = o.opt("levels");
        Integer levels = lv == null ? Integer.valueOf(0) : integer(lv, path + ".levels", 0, 100);
        Node sp = o.opt("splits");
        Boolean splits = sp == null ? Boolean.TRUE : bool(sp, path + ".splits");
        o.done();
        if (when == null || target == null || levels == null || splits == null) {
            return null;
        }
        return build(n, path, () -> new Crediting(when, target, levels, splits));
    }

    private static final String CONDITION_FORMS = "a condition: {attribute: type, eq: new}, {attribute: region, in: [EMEA, APAC]},"
            + " {attribute: amount, gte: 5000, lt: 10000}, {all: [...]}, {any: [...]}, {not: {...}} or {always: true}";

    private Condition condition(Node n, String path) {
        Obj o = obj(n, path, CONDITION_FORMS);
        if (o == null) {
            return null;
        }
        at(path, path, n);
        List<String> forms = new ArrayList<>();
        for (String k : List.of("always", "all", "any", "not", "attribute")) {
            if (n.fields.containsKey(k)) {
                forms.add(k);
            }
        }
        if (forms.size() != 1) {
            hard(n, path, forms.isEmpty() ? "expected " + CONDITION_FORMS
                    : "a condition has one form, but this one mixes " + String.join(", ", forms));
            return null;
        }
        Condition out;
        switch (forms.get(0)) {
            case "always" -> {
                Boolean b = bool(o.opt("always"), path + ".always");
                if (b != null && !b) {
                    hard(n.fields.get("always"), path + ".always", "always: false would match nothing; leave the condition out or write always: true");
                }
                out = Condition.always();
            }
            case "all" -> {
                List<Condition> l = list(o.opt("all"), path + ".all", "conditions", this::condition);
                out = l == null ? null : new Condition.And(l);
            }
            case "any" -> {
                List<Condition> l = list(o.opt("any"), path + ".any", "conditions", this::condition);
                out = l == null ? null : new Condition.Or(l);
            }
            case "not" -> {
                Condition c = condition(o.opt("not"), path + ".not");
                out = c == null ? null : new Condition.Not(c);
            }
            default -> out = comparison(n, o, path);
        }
        o.done();
        return out;
    }

    private Condition comparison(Node n, Obj o, String path) {
        String attribute = name(o.opt("attribute"), path + ".attribute");
        Node eq = o.opt("eq");
        Node in = o.opt("in");
        Node gt = o.opt("gt");
        Node gte = o.opt("gte");
        Node lt = o.opt("lt");
        Node lte = o.opt("lte");
        Node kindNode = o.opt("kind");
        int ops = (eq != null ? 1 : 0) + (in != null ? 1 : 0) + (gt != null || gte != null || lt != null || lte != null ? 1 : 0);
        if (ops != 1) {
            hard(n, path, ops == 0 ? "a comparison on \"" + attribute + "\" needs eq, in, or a range (gt, gte, lt, lte)"
                    : "a comparison takes one of eq, in, or a range (gt, gte, lt, lte), not several");
            return null;
        }
        if (attribute == null) {
            return null;
        }
        if (eq != null) {
            String v = scalar(eq, path + ".eq", "a value");
            return v == null ? null : new Condition.Equals(attribute, v);
        }
        if (in != null) {
            List<String> values = list(in, path + ".in", "values", (x, p) -> scalar(x, p, "a value"));
            if (values == null) {
                return null;
            }
            if (values.isEmpty()) {
                hard(in, path + ".in", "lists no values; a credit could never match");
                return null;
            }
            return new Condition.In(attribute, values);
        }
        if (gt != null && gte != null || lt != null && lte != null) {
            hard(n, path, "a range has at most one lower end (gt or gte) and one upper end (lt or lte)");
            return null;
        }
        Node lo = gt != null ? gt : gte;
        Node hi = lt != null ? lt : lte;
        String loPath = path + (gt != null ? ".gt" : ".gte");
        String hiPath = path + (lt != null ? ".lt" : ".lte");
        String min = lo == null ? null : scalar(lo, loPath, "a number or an ISO date");
        String max = hi == null ? null : scalar(hi, hiPath, "a number or an ISO date");
        if (lo != null && min == null || hi != null && max == null) {
            return null;
        }
        Condition.RangeKind kind;
        if (kindNode != null) {
            kind = enumOr(kindNode, path + ".kind", Condition.RangeKind.class, null);
            if (kind == null) {
                return null;
            }
        } else {
            kind = ISO_DATE.matcher(min != null ? min : max).matches() ? Condition.RangeKind.DATE : Condition.RangeKind.NUMBER;
        }
        boolean ok = true;
        if (min != null) {
            ok &= checkBound(lo, loPath, min, kind);
        }
        if (max != null) {
            ok &= checkBound(hi, hiPath, max, kind);
        }
        if (!ok) {
            return null;
        }
        return new Condition.Range(attribute, kind, min, gte != null, max, lte != null);
    }

    private boolean checkBound(Node n, String path, String bound, Condition.RangeKind kind) {
        if (kind == Condition.RangeKind.NUMBER) {
            return decimal(n, path, "a number") != null;
        }
        try {
            LocalDate.parse(bound);
            return true;
        } catch (RuntimeException e) {
            hard(n, path, "expected an ISO date (yyyy-mm-dd), found " + n.describe());
            return false;
        }
    }

    private Measure measure(Node n, String path) {
        at(path, path, n);
        if (n.kind == Node.Kind.STRING) {
            Measure.Kind k = enumOr(n, path, Measure.Kind.class, null);
            return k == null ? null : new Measure(k, false);
        }
        Obj o = obj(n, path, "a measure: sum, count, attainment or {kind: attainment, yearToDate: true}");
        if (o == null) {
            return null;
        }
        Measure.Kind k = enumOr(o.req("kind", "sum, count or attainment"), path + ".kind", Measure.Kind.class, null);
        Node y = o.opt("yearToDate");
        Boolean ytd = y == null ? Boolean.FALSE : bool(y, path + ".yearToDate");
        o.done();
        return k == null || ytd == null ? null : new Measure(k, ytd);
    }

    private enum PayType { FLAT_RATE, TIERED, BONUS, MBO, SPIFF }

    private PayRule pay(Node n, String path) {
        Obj o = obj(n, path, "a pay rule with a type: flat_rate, tiered, bonus, mbo or spiff");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        PayType type = enumOr(o.req("type", "flat_rate, tiered, bonus, mbo or spiff"), path + ".type", PayType.class, null);
        if (type == null) {
            o.skipRest();
            return null;
        }
        PayRule out = switch (type) {
            case FLAT_RATE -> {
                Percent r = percent(o.req("rate", "the rate in percent, e.g. 8 for 8%"), path + ".rate");
                yield r == null ? null : new PayRule.FlatRate(r);
            }
            case TIERED -> {
                TierTable t = table(n, o, path, TierTable.Mode.MARGINAL);
                yield t == null ? null : new PayRule.Tiered(t);
            }
            case BONUS -> {
                Money target = money(o.req("target", "the bonus at 100% of the table's rate"), path + ".target");
                TierTable t = table(n, o, path, TierTable.Mode.RETROACTIVE);
                yield target == null || t == null ? null : new PayRule.Bonus(target, t);
            }
            case MBO -> {
                Money target = money(o.req("target", "the payout at 100% attainment"), path + ".target");
                Node mx = o.opt("maxPercent");
                BigDecimal max = mx == null ? null : decimal(mx, path + ".maxPercent", "a percentage");
                yield target == null || (mx != null && max == null) ? null : new PayRule.Mbo(target, max);
            }
            case SPIFF -> {
                Money per = money(o.req("perDeal", "the amount paid per qualifying deal"), path + ".perDeal");
                yield per == null ? null : new PayRule.Spiff(per);
            }
        };
        o.done();
        return out;
    }

    private TierTable table(Node n, Obj o, String path, TierTable.Mode defaultMode) {
        locations.put(path + ".table", new Loc(path, n.line, n.column));
        TierTable.Mode mode = enumOr(o.opt("mode"), path + ".mode", TierTable.Mode.class, defaultMode);
        TierTable.Basis basis = enumOr(o.req("basis", "amount or attainment"), path + ".basis", TierTable.Basis.class, null);
        Node tn = o.req("tiers", "a list of tiers, e.g. [{upTo: 100, rate: 10}, {rate: 15}]");
        if (tn == null) {
            return null;
        }
        if (tn.kind != Node.Kind.ARRAY) {
            hard(tn, path + ".tiers", "expected a list of tiers, found " + tn.describe());
            return null;
        }
        locations.put(path + ".table.tiers", new Loc(path + ".tiers", tn.line, tn.column));
        List<Tier> tiers = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        boolean ok = true;
        for (int k = 0; k < tn.items.size(); k++) {
            Node t = tn.items.get(k);
            String tp = path + ".tiers[" + k + "]";
            String mp = path + ".table.tiers[" + k + "]";
            Tier tier = tier(t, tp, mp, previous, ok);
            if (tier == null) {
                ok = false;
                previous = null;
            } else {
                tiers.add(tier);
                previous = tier.upTo();
            }
        }
        if (!ok || mode == null || basis == null) {
            return null;
        }
        return new TierTable(mode, basis, tiers);
    }

    private Tier tier(Node n, String path, String modelPath, BigDecimal previous, boolean previousOk) {
        Obj o = obj(n, path, "a tier: {upTo: 100, rate: 10}, {below: 100, rate: 10} or {rate: 15} for the open top tier");
        if (o == null) {
            return null;
        }
        at(modelPath, path, n);
        Node fromN = o.opt("from");
        Node upToN = o.opt("upTo");
        Node belowN = o.opt("below");
        BigDecimal from;
        if (fromN != null) {
            from = decimal(fromN, path + ".from", "a number");
            at(modelPath + ".from", path + ".from", fromN);
        } else {
            // The default lower bound is the previous tier's upper bound; after an open or broken tier it is unknown.
            from = previous;
            if (from == null && previousOk) {
                hard(n, path + ".from", "the previous tier has no upper bound, so this tier needs an explicit from");
            }
        }
        if (upToN != null && belowN != null) {
            hard(n, path, "a tier ends either at upTo (inclusive) or below (exclusive), not both");
            o.done();
            return null;
        }
        BigDecimal upTo = null;
        if (upToN != null) {
            upTo = decimal(upToN, path + ".upTo", "a number");
            at(modelPath + ".upTo", path + ".upTo", upToN);
        } else if (belowN != null) {
            upTo = decimal(belowN, path + ".below", "a number");
            at(modelPath + ".upTo", path + ".below", belowN);
        }
        Node rn = o.req("rate", "the rate in percent");
        Percent rate = percent(rn, path + ".rate");
        if (rn != null) {
            at(modelPath + ".rate", path + ".rate", rn);
        }
        o.done();
        if (from == null || rate == null || (upToN != null || belowN != null) && upTo == null) {
            return null;
        }
        return new Tier(from, upTo, upToN != null, rate);
    }

    private Multiplier multiplier(Node n, String path) {
        Obj o = obj(n, path, "a multiplier: {above: 100, factor: 1.5} or {below: 50, factor: 0.5}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        Node fromN = o.opt("from");
        Node aboveN = o.opt("above");
        Node upToN = o.opt("upTo");
        Node belowN = o.opt("below");
        Node fN = o.req("factor", "the multiplier, e.g. 1.5");
        BigDecimal factor = decimal(fN, path + ".factor", "a number");
        if (fN != null) {
            at(path + ".factor", path + ".factor", fN);
        }
        boolean ok = factor != null;
        if (fromN != null && aboveN != null || upToN != null && belowN != null) {
            hard(n, path, "a multiplier range starts at from (inclusive) or above (exclusive), and ends at upTo"
                    + " (inclusive) or below (exclusive); give at most one of each");
            o.done();
            return null;
        }
        BigDecimal from = BigDecimal.ZERO;
        if (fromN != null || aboveN != null) {
            String lp = path + (fromN != null ? ".from" : ".above");
            from = decimal(fromN != null ? fromN : aboveN, lp, "an attainment percentage");
            at(path + ".from", lp, fromN != null ? fromN : aboveN);
            ok &= from != null;
        }
        BigDecimal upTo = null;
        if (upToN != null || belowN != null) {
            String up = path + (upToN != null ? ".upTo" : ".below");
            upTo = decimal(upToN != null ? upToN : belowN, up, "an attainment percentage");
            at(path + ".upTo", up, upToN != null ? upToN : belowN);
            ok &= upTo != null;
        }
        o.done();
        if (!ok) {
            return null;
        }
        return new Multiplier(from, aboveN == null, upTo, upToN != null, factor);
    }

    private Gate gate(Node n, String path) {
        Obj o = obj(n, path, "a gate: {basis: attainment, atLeast: 50} or {component: Bookings, basis: count, above: 2}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        Node cn = o.opt("component");
        String component = cn == null ? null : name(cn, path + ".component");
        Gate.Basis basis = enumOr(o.opt("basis"), path + ".basis", Gate.Basis.class, Gate.Basis.ATTAINMENT);
        Node atLeast = o.opt("atLeast");
        Node above = o.opt("above");
        o.done();
        if (atLeast != null && above != null || atLeast == null && above == null) {
            hard(n, path, "a gate opens at atLeast (inclusive) or above (exclusive) a threshold; give exactly one");
            return null;
        }
        String tp = path + (atLeast != null ? ".atLeast" : ".above");
        BigDecimal threshold = decimal(atLeast != null ? atLeast : above, tp, "a number");
        at(path + ".threshold", tp, atLeast != null ? atLeast : above);
        if (threshold == null || basis == null || cn != null && component == null) {
            return null;
        }
        return new Gate(component, basis, threshold, atLeast != null);
    }

    private enum Per { DEAL, PERIOD, YEAR }

    private Cap cap(Node n, String path) {
        Obj o = obj(n, path, "a cap: {per: period, limit: 20000}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        Node pn = o.req("per", "deal, period or year");
        Per per = enumOr(pn, path + ".per", Per.class, null);
        if (pn != null) {
            at(path + ".scope", path + ".per", pn);
        }
        Node ln = o.req("limit", "the most that may be paid");
        Money limit = money(ln, path + ".limit");
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

    private Clawback clawback(Node n, String path) {
        if (n == null) {
            return null;
        }
        Obj o = obj(n, path, "a clawback: {windowDays: 90, attainment: reduce}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        Integer days = integer(o.req("windowDays", "days after booking within which a reversal claws back"),
                path + ".windowDays", 0, 3660);
        Clawback.Attainment a = enumOr(o.opt("attainment"), path + ".attainment", Clawback.Attainment.class,
                Clawback.Attainment.REDUCE);
        o.done();
        return days == null || a == null ? null : new Clawback(days, a);
    }

    private Draw draw(Node n, String path) {
        if (n == null) {
            return null;
        }
        Obj o = obj(n, path, "a draw: {kind: recoverable, amount: 3000, from: 2026-01-01, to: 2026-06-30}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        int before = hard;
        Draw.Kind kind = enumOr(o.req("kind", "recoverable or non_recoverable"), path + ".kind", Draw.Kind.class, null);
        Money amount = money(o.req("amount", "the draw per period"), path + ".amount");
        LocalDate from = date(o.req("from", "the first day of the draw"), path + ".from");
        LocalDate to = date(o.opt("to"), path + ".to");
        o.done();
        if (kind == null || amount == null || from == null || hard != before) {
            return null;
        }
        return new Draw(kind, amount, from, to);
    }

    private Guarantee guarantee(Node n, String path) {
        if (n == null) {
            return null;
        }
        Obj o = obj(n, path, "a guarantee: {amount: 2000, from: 2026-01-01, to: 2026-03-31}");
        if (o == null) {
            return null;
        }
        at(path, path, n);
        int before = hard;
        Money amount = money(o.req("amount", "the minimum net pay per period"), path + ".amount");
        LocalDate from = date(o.req("from", "the first day of the guarantee"), path + ".from");
        LocalDate to = date(o.opt("to"), path + ".to");
        o.done();
        if (amount == null || from == null || hard != before) {
            return null;
        }
        return new Guarantee(amount, from, to);
    }

    private QuotaProration proration(Node n, String path) {
        if (n == null) {
            return QuotaProration.none();
        }
        at(path, path, n);
        if (n.kind == Node.Kind.STRING) {
            QuotaProration.Method m = enumOr(n, path, QuotaProration.Method.class, null);
            return m == null ? null : new QuotaProration(m, List.of());
        }
        Obj o = obj(n, path, "a proration: none, by_days or {method: by_weights, weights: [30, 30, 40]}");
        if (o == null) {
            return null;
        }
        QuotaProration.Method m = enumOr(o.req("method", "none, by_days or by_weights"), path + ".method",
                QuotaProration.Method.class, null);
        Node wn = o.opt("weights");
        List<BigDecimal> weights = wn == null ? List.of() : list(wn, path + ".weights", "weights",
                (x, p) -> {
                    at(p, p, x);
                    return decimal(x, p, "a weight");
                });
        o.done();
        return m == null || weights == null ? null : new QuotaProration(m, weights);
    }

    // ---- scalars -------------------------------------------------------------------------------------------

    private <T> List<T> list(Node n, String path, String what, BiFunction<Node, String, T> element) {
        if (n == null) {
            return List.of();
        }
        if (n.kind != Node.Kind.ARRAY) {
            hard(n, path, "expected a list of " + what + ", found " + n.describe());
            return null;
        }
        at(path, path, n);
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.items.size(); i++) {
            T t = element.apply(n.items.get(i), path + "[" + i + "]");
            if (t == null) {
                ok = false;
            } else {
                out.add(t);
            }
        }
        return ok ? out : null;
    }

    private String name(Node n, String path) {
        if (n == null) {
            return null;
        }
        String s = scalar(n, path, "a name");
        if (s != null && s.isBlank()) {
            hard(n, path, "is blank; expected a name");
            return null;
        }
        return s == null ? null : s.strip();
    }

    private String scalar(Node n, String path, String expected) {
        if (n == null) {
            return null;
        }
        at(path, path, n);
        if (!n.isScalar()) {
            hard(n, path, "expected " + expected + ", found " + n.describe());
            return null;
        }
        return n.text;
    }

    private Currency currency(Node n, String path) {
        String s = scalar(n, path, "an ISO 4217 currency code such as USD");
        if (s == null) {
            return null;
        }
        try {
            Currency c = Currency.getInstance(s.strip().toUpperCase(Locale.ROOT));
            if (c.getDefaultFractionDigits() < 0) {
                hard(n, path, "currency " + s + " has no minor unit and cannot hold money");
                return null;
            }
            return c;
        } catch (IllegalArgumentException e) {
            hard(n, path, "\"" + Node.preview(s) + "\" is not an ISO 4217 currency code; expected e.g. USD or EUR");
            return null;
        }
    }

    private LocalDate date(Node n, String path) {
        String s = scalar(n, path, "an ISO date (yyyy-mm-dd)");
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (RuntimeException e) {
            hard(n, path, "expected an ISO date (yyyy-mm-dd), found " + n.describe());
            return null;
        }
    }

    private Boolean bool(Node n, String path) {
        if (n == null) {
            return null;
        }
        at(path, path, n);
        if (n.kind == Node.Kind.BOOLEAN || n.kind == Node.Kind.STRING) {
            String s = n.text.strip().toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return Boolean.TRUE;
            }
            if (s.equals("false")) {
                return Boolean.FALSE;
            }
        }
        hard(n, path, "expected true or false, found " + n.describe());
        return null;
    }

    private Integer integer(Node n, String path, int min, int max) {
        BigDecimal d = decimal(n, path, "a whole number");
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.valueOf(min)) < 0
                || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            hard(n, path, "expected a whole number from " + min + " to " + max + ", found " + n.describe());
            return null;
        }
        return d.intValue();
    }

    private Percent percent(Node n, String path) {
        if (n == null) {
            return null;
        }
        Node m = n;
        if (n.kind == Node.Kind.STRING && n.text.strip().endsWith("%")) {
            String t = n.text.strip();
            m = Node.scalar(Node.Kind.STRING, n.line, n.column, t.substring(0, t.length() - 1));
        }
        BigDecimal d = decimal(m, path, "a percentage such as 10 or \"10%\"");
        return d == null ? null : Percent.of(d);
    }

    /** Parses a bounded decimal; rejects exponents and lengths that would make later arithmetic explode. */
    BigDecimal decimal(Node n, String path, String expected) {
        if (n == null) {
            return null;
        }
        at(path, path, n);
        if (n.kind != Node.Kind.NUMBER && n.kind != Node.Kind.STRING) {
            hard(n, path, "expected " + expected + ", found " + n.describe());
            return null;
        }
        String s = n.text.strip();
        if (s.length() > TreeReader.MAX_NUMBER_LENGTH) {
            hard(n, path, "expected " + expected + ", found " + n.describe() + " (" + s.length() + " characters)");
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            hard(n, path, "expected " + expected + ", found " + n.describe());
            return null;
        }
        if (d.scale() > MAX_SCALE || d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
            hard(n, path, "number " + Node.preview(s) + " is out of range; at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_SCALE + " after");
            return null;
        }
        return d;
    }

    /** A number is an amount in the plan currency; text such as {@code "EUR 500.00"} names its currency. */
    private Money money(Node n, String path) {
        if (n == null) {
            return null;
        }
        at(path, path, n);
        String expected = "an amount such as 5000.00 (in the plan currency) or \"EUR 5000.00\"";
        if (n.kind == Node.Kind.STRING && n.text.chars().anyMatch(Character::isLetter)) {
            String s = n.text.strip();
            if (s.length() > TreeReader.MAX_NUMBER_LENGTH) {
                hard(n, path, "expected " + expected + ", found " + n.describe());
                return null;
            }
            try {
                return Money.parse(s);
            } catch (RuntimeException e) {
                hard(n, path, "expected " + expected + ", found " + n.describe() + ": " + e.getMessage());
                return null;
            }
        }
        BigDecimal d = decimal(n, path, expected);
        if (d == null) {
            return null;
        }
        if (currency == null) {
            return null; // the plan currency is wrong; that problem is reported already
        }
        try {
            return Money.of(d, currency);
        } catch (ArithmeticException e) {
            hard(n, path, "amount " + d.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + currency.getDefaultFractionDigits() + ")");
            return null;
        }
    }

    private <E extends Enum<E>> E enumOr(Node n, String path, Class<E> type, E fallback) {
        if (n == null) {
            return fallback;
        }
        String s = scalar(n, path, "one of " + names(type));
        if (s == null) {
            return null;
        }
        String key = s.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        hard(n, path, "expected one of " + names(type) + ", found " + n.describe());
        return null;
    }

    static String names(Class<? extends Enum<?>> type) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : type.getEnumConstants()) {
            out.add(e.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", out);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private interface Maker<T> {
        T make();
    }

    private <T> T build(Node n, String path, Maker<T> maker) {
        try {
            return maker.make();
        } catch (IllegalArgumentException | NullPointerException e) {
            hard(n, path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private void at(String modelPath, String filePath, Node n) {
        locations.putIfAbsent(modelPath, new Loc(filePath, n.line, n.column));
    }

    private void hard(Node n, String path, String message) {
        hard++;
        problems.add(new PlanFileProblem(file, n.line, n.column, path, message));
    }

    private Obj obj(Node n, String path, String expected) {
        if (n == null) {
            return null;
        }
        if (n.kind != Node.Kind.OBJECT) {
            hard(n, path, "expected " + expected + ", found " + n.describe());
            return null;
        }
        return new Obj(n, path);
    }

    /** An object being bound: remembers the keys asked for, so that the others are reported as unknown. */
    private final class Obj {
        private final Node node;
        private final String path;
        private final Set<String> known = new LinkedHashSet<>();

        Obj(Node node, String path) {
            this.node = node;
            this.path = path;
        }

        Node opt(String key) {
            known.add(key);
            Node n = node.fields.get(key);
            return n == null || n.kind == Node.Kind.NULL ? null : n;
        }

        Node req(String key, String expected) {
            Node n = opt(key);
            if (n == null) {
                Node present = node.fields.get(key);
                Node where = present != null ? present : node;
                hard(where, sub(key), (present != null ? "is null" : "is missing") + "; expected " + expected);
            }
            return n;
        }

        /** Stops checking the remaining keys (the object's type is unknown, so they cannot be judged). */
        void skipRest() {
            known.addAll(node.fields.keySet());
        }

        void done() {
            for (String k : node.fields.keySet()) {
                if (known.contains(k) || k.startsWith("\u0000")) {
                    continue;
                }
                int[] l = node.keyLocations.get(k);
                String hint = closest(k);
                // Not "hard": the plan can still be built and validated, so its other problems show too.
                problems.add(new PlanFileProblem(file, l[0], l[1], sub(k), "unknown key \"" + Node.preview(k) + "\""
                        + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " Expected one of: "
                        + String.join(", ", known)));
            }
        }

        private String sub(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private String closest(String k) {
            String best = null;
            int bestD = 3;
            for (String c : known) {
                int d = distance(k.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
            return best;
        }
    }

    private static int distance(String a, String b) {
        if (a.length() > 40 || b.length() > 40) {
            return Integer.MAX_VALUE;
        }
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1); // a transposition such as "cpas" for "caps"
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
