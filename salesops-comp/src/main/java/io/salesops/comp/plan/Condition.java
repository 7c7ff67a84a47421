package io.salesops.comp.plan;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which credits a component counts, as data: a small tree of comparisons on credit attributes, never code.
 *
 * <p>Read it as a sentence: {@code and(eq("type", "new"), in("region", "EMEA", "APAC"), atLeast("amount", "5000"))}.
 * Attribute names are checked against the plan's declared attributes by {@link PlanValidator}.
 * Comparisons are on the attribute's text; a {@link Range} compares numbers or ISO dates. A credit without
 * the attribute fails every comparison on it.
 *
 * <p>All implementations are immutable, thread-safe records.
 */
public sealed interface Condition permits Condition.Always, Condition.Equals, Condition.In, Condition.Range,
        Condition.And, Condition.Or, Condition.Not {

    /** Every credit. */
    record Always() implements Condition {
        @Override
        public String toString() {
            return "all credits";
        }
    }

    /**
     * The attribute equals the value.
     *
     * @param attribute a built-in or declared attribute name
     * @param value     the text it must equal
     */
    record Equals(String attribute, String value) implements Condition {
        /** Validates the fields. @throws IllegalArgumentException on a blank attribute */
        public Equals {
            requireName(attribute);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return attribute + " = " + value;
        }
    }

    /**
     * The attribute equals one of the values.
     *
     * @param attribute a built-in or declared attribute name
     * @param values    at least one value; copied
     */
    record In(String attribute, List<String> values) implements Condition {
        /** Validates the fields. @throws IllegalArgumentException on a blank attribute or no values */
        public In {
            requireName(attribute);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("condition \"" + attribute + " in ()\" lists no values");
            }
        }

        @Override
        public String toString() {
            return attribute + " in " + values;
        }
    }

    /**
     * The attribute lies in a range of numbers or dates; either end may be open (null).
     *
     * @param attribute    a built-in or declared attribute name
     * @param kind         numbers or ISO dates
     * @param min          lower end as text, or null for none
     * @param minInclusive whether the lower end itself is in the range
     * @param max          upper end as text, or null for none
     * @param maxInclusive whether the upper end itself is in the range
     */
    record Range(String attribute, RangeKind kind, String min, boolean minInclusive, String max,
                 boolean maxInclusive) implements Condition {
        /** Validates the fields. @throws IllegalArgumentException on a blank attribute, no ends, or a bad end */
        public Range {
            requireName(attribute);
            Objects.requireNonNull(kind, "kind");
            if (min == null && max == null) {
                throw new IllegalArgumentException("range on " + attribute + " has neither a lower nor an upper end");
            }
            if (min != null) {
                kind.check(attribute, min);
            }
            if (max != null) {
                kind.check(attribute, max);
            }
        }

        @Override
        public String toString() {
            return (min == null ? "" : min + (minInclusive ? " <= " : " < ")) + attribute
                    + (max == null ? "" : (maxInclusive ? " <= " : " < ") + max);
        }
    }

    /** @param all conditions that must all hold; copied */
    record And(List<Condition> all) implements Condition {
        /** Copies the list. */
        public And {
            all = List.copyOf(all);
        }

        @Override
        public String toString() {
            return "(" + String.join(" and ", all.stream().map(Object::toString).toList()) + ")";
        }
    }

    /** @param any conditions of which at least one must hold; copied */
    record Or(List<Condition> any) implements Condition {
        /** Copies the list. */
        public Or {
            any = List.copyOf(any);
        }

        @Override
        public String toString() {
            return "(" + String.join(" or ", any.stream().map(Object::toString).toList()) + ")";
        }
    }

    /** @param condition the condition that must not hold */
    record Not(Condition condition) implements Condition {
        /** Validates the field. */
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public String toString() {
            return "not " + condition;
        }
    }

    /** How a {@link Range} compares. */
    enum RangeKind {
        /** Decimal numbers, e.g. amounts. */
        NUMBER,
        /** ISO-8601 dates. */
        DATE;

        void check(String attribute, String bound) {
            try {
                if (this == NUMBER) {
                    new java.math.BigDecimal(bound);
                } else {
                    java.time.LocalDate.parse(bound);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("range bound \"" + bound + "\" on " + attribute + " is not a "
                        + (this == NUMBER ? "number" : "ISO date (yyyy-mm-dd)"));
            }
        }
    }

    /** @return every attribute name the condition refers to */
    default Set<String> attributes() {
        Set<String> out = new java.util.TreeSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Condition c, Set<String> out) {
        if (c instanceof Equals e) {
            out.add(e.attribute());
        } else if (c instanceof In i) {
            out.add(i.attribute());
        } else if (c instanceof Range r) {
            out.add(r.attribute());
        } else if (c instanceof And a) {
            a.all().forEach(x -> collect(x, out));
        } else if (c instanceof Or o) {
            o.any().forEach(x -> collect(x, out));
        } else if (c instanceof Not n) {
            collect(n.condition(), out);
        }
    }

    /** @return every credit */
    static Condition always() {
        return new Always();
    }

    /** @return {@code attribute = value} */
    static Condition eq(String attribute, String value) {
        return new Equals(attribute, value);
    }

    /** @return {@code attribute in (values)} */
    static Condition in(String attribute, String... values) {
        return new In(attribute, List.of(values));
    }

    /** @return {@code min <= attribute <= max} on numbers */
    static Condition between(String attribute, String min, String max) {
        return new Range(attribute, RangeKind.NUMBER, min, true, max, true);
    }

    /** @return {@code attribute >= min} on numbers */
    static Condition atLeast(String attribute, String min) {
        return new Range(attribute, RangeKind.NUMBER, min, true, null, false);
    }

    /** @return {@code attribute < max} on numbers */
    static Condition below(String attribute, String max) {
        return new Range(attribute, RangeKind.NUMBER, null, false, max, false);
    }

    /** @return {@code from <= attribute <= to} on ISO dates */
    static Condition dateBetween(String attribute, String from, String to) {
        return new Range(attribute, RangeKind.DATE, from, true, to, true);
    }

    /** @return all of the conditions */
    static Condition and(Condition... all) {
        return new And(List.of(all));
    }

    /** @return at least one of the conditions */
    static Condition or(Condition... any) {
        return new Or(List.of(any));
    }

    /** @return the negation */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    private static void requireName(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("condition has a blank attribute name");
        }
    }
}
