package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.Condition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Compiles a {@link Condition} tree into a predicate once, so each credit is tested without re-reading the tree. */
public final class Conditions {

    private Conditions() {
    }

    /** @return a predicate equivalent to {@code c} */
    public static Predicate<Credit> compile(Condition c) {
        if (c instanceof Condition.Always) {
            return x -> true;
        }
        if (c instanceof Condition.Equals e) {
            Function<Credit, String> g = getter(e.attribute());
            String v = e.value();
            return x -> v.equals(g.apply(x));
        }
        if (c instanceof Condition.In in) {
            Function<Credit, String> g = getter(in.attribute());
            Set<String> vs = new HashSet<>(in.values());
            return x -> {
                String s = g.apply(x);
                return s != null && vs.contains(s);
            };
        }
        if (c instanceof Condition.Range r) {
            return range(r);
        }
        if (c instanceof Condition.And a) {
            List<Predicate<Credit>> ps = a.all().stream().map(Conditions::compile).toList();
            return x -> {
                for (Predicate<Credit> p : ps) {
                    if (!p.test(x)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (c instanceof Condition.Or o) {
            List<Predicate<Credit>> ps = o.any().stream().map(Conditions::compile).toList();
            return x -> {
                for (Predicate<Credit> p : ps) {
                    if (p.test(x)) {
                        return true;
                    }
                }
                return false;
            };
        }
        Condition.Not n = (Condition.Not) c;
        return compile(n.condition()).negate();
    }

    private static Predicate<Credit> range(Condition.Range r) {
        if (r.kind() == Condition.RangeKind.NUMBER) {
            BigDecimal min = r.min() == null ? null : new BigDecimal(r.min());
            BigDecimal max = r.max() == null ? null : new BigDecimal(r.max());
            Function<Credit, BigDecimal> g;
            if (r.attribute().equals("amount")) {
                g = x -> x.amount().amount();
            } else {
                Function<Credit, String> s = getter(r.attribute());
                g = x -> {
                    String v = s.apply(x);
                    if (v == null) {
                        return null;
                    }
                    try {
                        return new BigDecimal(v.strip());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                };
            }
            return x -> {
                BigDecimal v = g.apply(x);
                return v != null && within(v, min, r.minInclusive(), max, r.maxInclusive());
            };
        }
        LocalDate min = r.min() == null ? null : LocalDate.parse(r.min());
        LocalDate max = r.max() == null ? null : LocalDate.parse(r.max());
        Function<Credit, LocalDate> g;
        if (r.attribute().equals("date")) {
            g = Credit::date;
        } else {
            Function<Credit, String> s = getter(r.attribute());
            g = x -> {
                String v = s.apply(x);
                if (v == null) {
                    return null;
                }
                try {
                    return LocalDate.parse(v.strip());
                } catch (RuntimeException e) {
                    return null;
                }
            };
        }
        return x -> {
            LocalDate v = g.apply(x);
            return v != null && within(v, min, r.minInclusive(), max, r.maxInclusive());
        };
    }

    private static <T extends Comparable<T>> boolean within(T v, T min, boolean minInc, T max, boolean maxInc) {
        if (min != null) {
            int c = v.compareTo(min);
            if (c < 0 || (c == 0 && !minInc)) {
                return false;
            }
        }
        if (max != null) {
            int c = v.compareTo(max);
            return c < 0 || (c == 0 && maxInc);
        }
        return true;
    }

    private static Function<Credit, String> getter(String name) {
        switch (name) {
            case "type": return Credit::type;
            case "product": return Credit::product;
            case "dealId": return Credit::dealId;
            case "payee": return Credit::payeeId;
            case "id": return Credit::id;
            default: return x -> x.attribute(name);
        }
    }
}
