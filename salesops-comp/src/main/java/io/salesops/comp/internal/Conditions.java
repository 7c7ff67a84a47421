package io.salesops.comp.internal;

import io.salesops.comp.input.Credit;
import io.salesops.comp.plan.Condition;
import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import java.util.function.Function;
import java.util.function.Predicate;

/** Compiles a {@link Condition} tree into a predicate once, so each credit is tested without re-reading the tree. */
public final class Conditions {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Conditions() {
    }

    /** @return a predicate equivalent to {@code c} */
    public static Predicate<Credit> compile(Condition c) {
        if (c instanceof Condition.Always) {
            return x -> true;
        }
        if (c instanceof Condition.Equals e) {
            Function<Credit, String> g = getter(e.attribute());
            String v = e.value().strip();
            BigDecimal vn = number(v);
            return x -> same(v, vn, g.apply(x));
        }
        if (c instanceof Condition.In in) {
            Function<Credit, String> g = getter(in.attribute());
            String[] vs = in.values().stream().map(String::strip).toArray(String[]::new);
            BigDecimal[] vns = new BigDecimal[vs.length];
            for (int i = 0; i < vs.length; i++) {
                vns[i] = number(vs[i]);
            }
            return x -> {
                String s = g.apply(x);
                for (int i = 0; i < vs.length; i++) {
                    if (same(vs[i], vns[i], s)) {
                        return true;
                    }
                }
                return false;
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
                    String t = v.strip();
                    if (t.isEmpty()) {
                        return null;
                    }
                    BigDecimal d = number(t);
                    if (d == null) {
                        throw notComparable(x, r, v, "a number");
                    }
                    return d;
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
                String t = v.strip();
                if (t.isEmpty()) {
                    return null;
                }
                try {
                    return LocalDate.parse(t);
                } catch (RuntimeException e) {
                    throw notComparable(x, r, v, "an ISO date (yyyy-mm-dd)");
                }
            };
        }
        return x -> {
            LocalDate v = g.apply(x);
            return v != null && within(v, min, r.minInclusive(), max, r.maxInclusive());
        };
    }

    /**
     * Equality as a plan author means it: CRM exports differ from a plan in case and padding ("Renewal " for
     * {@code eq: renewal}), and a number written {@code eq: 1} must match a cell "1.0" or "01". Two values that
     * both read as numbers compare as numbers; otherwise as text, ignoring case and surrounding blanks.
     */
    private static boolean same(String planValue, BigDecimal planNumber, String cell) {
        if (cell == null) {
            return false;
        }
        if (planValue.equalsIgnoreCase(cell)) {
            return true;
        }
        String b = cell.strip(); // the same string when there is nothing to strip
        if (b != cell && planValue.equalsIgnoreCase(b)) {
            return true;
        }
        if (planNumber == null) {
            return false;
        }
        BigDecimal y = number(b);
        return y != null && planNumber.compareTo(y) == 0;
    }

    /** A plain decimal, or null: no exponent, so a cell cannot make a number of a billion digits. */
    private static BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > 40 || !PLAIN_NUMBER.matcher(s).matches()) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static SalesopsInputException notComparable(Credit x, Condition.Range r, String cell, String what) {
        return new SalesopsInputException(List.of(Problem.at("credits[" + x.id() + "]." + r.attribute(),
                "credit " + x.id() + " has " + r.attribute() + " \"" + cell + "\", which is not " + what
                        + "; the plan's condition \"" + r + "\" compares it as one. Correct the cell, or leave it empty"
                        + " for a credit the condition should not match")));
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
