package io.salesops.comp.file;

import io.salesops.comp.plan.Condition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Binds the conditions of a plan file ({@code crediting.when} and nested {@code all}, {@code any}, {@code not})
 * to {@link Condition}s. One instance per file; not thread-safe.
 */
final class ConditionBinder {

    static final String CONDITION_FORMS = "a condition: {attribute: type, eq: new}, {attribute: region, in: [EMEA, APAC]},"
            + " {attribute: amount, gte: 5000, lt: 10000}, {all: [...]}, {any: [...]}, {not: {...}} or {always: true}";
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final ValueReader r;

    ConditionBinder(ValueReader reader) {
        this.r = reader;
    }

    /** @return the condition, or null with the problems recorded */
    Condition condition(Node n, String path) {
        Mapping o = r.mapping(n, path, CONDITION_FORMS);
        if (o == null) {
            return null;
        }
        r.at(path, path, n);
        List<String> forms = new ArrayList<>();
        for (String k : List.of("always", "all", "any", "not", "attribute")) {
            if (n.fields.containsKey(k)) {
                forms.add(k);
            }
        }
        if (forms.size() != 1) {
            r.hard(n, path, forms.isEmpty() ? "expected " + CONDITION_FORMS
                    : "a condition has one form, but this one mixes " + String.join(", ", forms));
            return null;
        }
        Condition out;
        switch (forms.get(0)) {
            case "always" -> {
                Boolean b = r.bool(o.opt("always"), path + ".always");
                if (b != null && !b) {
                    r.hard(n.fields.get("always"), path + ".always", "always: false would match nothing; leave the condition out or write always: true");
                }
                out = Condition.always();
            }
            case "all" -> {
                List<Condition> l = r.list(o.opt("all"), path + ".all", "conditions", this::condition);
                out = l == null ? null : new Condition.And(l);
            }
            case "any" -> {
                List<Condition> l = r.list(o.opt("any"), path + ".any", "conditions", this::condition);
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

    private Condition comparison(Node n, Mapping o, String path) {
        String attribute = r.name(o.opt("attribute"), path + ".attribute");
        Node eq = o.opt("eq");
        Node in = o.opt("in");
        Node gt = o.opt("gt");
        Node gte = o.opt("gte");
        Node lt = o.opt("lt");
        Node lte = o.opt("lte");
        Node kindNode = o.opt("kind");
        int ops = (eq != null ? 1 : 0) + (in != null ? 1 : 0) + (gt != null || gte != null || lt != null || lte != null ? 1 : 0);
        if (ops != 1) {
            r.hard(n, path, ops == 0 ? "a comparison on \"" + attribute + "\" needs eq, in, or a range (gt, gte, lt, lte)"
                    : "a comparison takes one of eq, in, or a range (gt, gte, lt, lte), not several");
            return null;
        }
        if (attribute == null) {
            return null;
        }
        if (eq != null) {
            String v = r.scalar(eq, path + ".eq", "a value");
            return v == null ? null : new Condition.Equals(attribute, v);
        }
        if (in != null) {
            List<String> values = r.list(in, path + ".in", "values", (x, p) -> r.scalar(x, p, "a value"));
            if (values == null) {
                return null;
            }
            if (values.isEmpty()) {
                r.hard(in, path + ".in", "lists no values; a credit could never match");
                return null;
            }
            return new Condition.In(attribute, values);
        }
        if (gt != null && gte != null || lt != null && lte != null) {
            r.hard(n, path, "a range has at most one lower end (gt or gte) and one upper end (lt or lte)");
            return null;
        }
        Node lo = gt != null ? gt : gte;
        Node hi = lt != null ? lt : lte;
        String loPath = path + (gt != null ? ".gt" : ".gte");
        String hiPath = path + (lt != null ? ".lt" : ".lte");
        String min = lo == null ? null : r.scalar(lo, loPath, "a number or an ISO date");
        String max = hi == null ? null : r.scalar(hi, hiPath, "a number or an ISO date");
        if (lo != null && min == null || hi != null && max == null) {
            return null;
        }
        Condition.RangeKind kind;
        if (kindNode != null) {
            kind = r.enumOr(kindNode, path + ".kind", Condition.RangeKind.class, null);
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
            return r.decimal(n, path, "a number") != null;
        }
        try {
            LocalDate.parse(bound);
            return true;
        } catch (RuntimeException e) {
            r.hard(n, path, "expected an ISO date (yyyy-mm-dd), found " + n.describe());
            return false;
        }
    }
}
