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
        /**
         * Validates the fields.
         *
         * @param attribute a built-in or declared attribute name
         * @param value     the text it must equal, exactly (case matters); may be empty
         * @throws IllegalArgumentException if {@code attribute} is null or blank
         * @throws NullPointerException     if {@code value} is null
         */
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
        /**
         * Validates the fields.
         *
         * @param attribute a built-in or declared attribute name
         * @param values    the texts of which it must equal one, exactly; copied
         * @throws IllegalArgumentException if {@code attribute} is null or blank, or {@code values} is empty
         * @throws NullPointerException     if {@code values} is null or holds a null
         */
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
        /**
         * Validates the fields. An empty range (lower end above the upper) is accepted here and reported by
         * plan validation.
         *
         * @param attribute    a built-in or declared attribute name
         * @param kind         numbers or ISO dates
         * @param min          lower end as text ({@code "5000"}, {@code "2026-01-01"}), or null for none
         * @param minInclusive whether the lower end itself is in the range
         * @param max          upper end as text, or null for none
         * @param maxInclusive whether the upper end itself is in the range
         * @throws IllegalArgumentException if {@code attribute} is blank, both ends are null, or an end is not a
         *                                  number (an ISO date for {@link RangeKind#DATE})
         * @throws NullPointerException     if {@code kind} is null
         */
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
        /**
         * Copies the list.
         *
         * @param all conditions that must all hold; an empty list holds for every credit; copied
         * @throws NullPointerException if {@code all} is null or holds a null
         */
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
        /**
         * Copies the list.
         *
         * @param any conditions of which at least one must hold; an empty list holds for no credit; copied
         * @throws NullPointerException if {@code any} is null or holds a null
         */
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
        /**
         * Validates the field.
         *
         * @param condition the condition that must not hold
         * @throws NullPointerException if {@code condition} is null
         */
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

    /** @return every attribute name the condition refers to, sorted; a new mutable set, empty for {@link Always} */
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

    /**
     * The attribute equals a text.
     *
     * @param attribute a built-in or declared attribute name, e.g. {@code "type"}
     * @param value     the text it must equal exactly, e.g. {@code "new"}
     * @return {@code attribute = value}
     * @throws IllegalArgumentException if {@code attribute} is null or blank
     * @throws NullPointerException     if {@code value} is null
     */
    static Condition eq(String attribute, String value) {
        return new Equals(attribute, value);
    }

    /**
     * The attribute equals one of several texts.
     *
     * @param attribute a built-in or declared attribute name, e.g. {@code "region"}
     * @param values    at least one text, e.g. {@code "EMEA", "APAC"}
     * @return {@code attribute in (values)}
     * @throws IllegalArgumentException if {@code attribute} is blank or no value is given
     * @throws NullPointerException     if a value is null
     */
    static Condition in(String attribute, String... values) {
        return new In(attribute, List.of(values));
    }

    /**
     * The attribute lies between two numbers, both ends included. {@code amount} compares the credit's amount
     * in major units of its currency ({@code "5000"} is 5,000.00).
     *
     * @param attribute a built-in or declared attribute name holding a number
     * @param min       the lower end as a decimal, e.g. {@code "5000"}
     * @param max       the upper end, not below {@code min} (plan validation reports an empty range)
     * @return {@code min <= attribute <= max}
     * @throws IllegalArgumentException if {@code attribute} is blank or an end is not a decimal number
     */
    static Condition between(String attribute, String min, String max) {
        return new Range(attribute, RangeKind.NUMBER, min, true, max, true);
    }

    /**
     * The attribute is at least a number. {@code amount} compares the credit's amount in major units.
     *
     * @param attribute a built-in or declared attribute name holding a number
     * @param min       the lower end, included, as a decimal, e.g. {@code "5000"}
     * @return {@code attribute >= min}
     * @throws IllegalArgumentException if {@code attribute} is blank or {@code min} is not a decimal number
     */
    static Condition atLeast(String attribute, String min) {
        return new Range(attribute, RangeKind.NUMBER, min, true, null, false);
    }

    /**
     * The attribute is below a number. {@code amount} compares the credit's amount in major units.
     *
     * @param attribute a built-in or declared attribute name holding a number
     * @param max       the upper end, excluded, as a decimal
     * @return {@code attribute < max}
     * @throws IllegalArgumentException if {@code attribute} is blank or {@code max} is not a decimal number
     */
    static Condition below(String attribute, String max) {
        return new Range(attribute, RangeKind.NUMBER, null, false, max, false);
    }

    /**
     * The attribute is a date between two dates, both included.
     *
     * @param attribute a built-in or declared attribute name holding an ISO date
     * @param from      the first day, {@code yyyy-mm-dd}
     * @param to        the last day, {@code yyyy-mm-dd}, not before {@code from}
     * @return {@code from <= attribute <= to}
     * @throws IllegalArgumentException if {@code attribute} is blank or a day is not an ISO date
     */
    static Condition dateBetween(String attribute, String from, String to) {
        return new Range(attribute, RangeKind.DATE, from, true, to, true);
    }

    /**
     * All of several conditions.
     *
     * @param all the conditions; none gives a condition every credit meets
     * @return a condition that holds when every one of {@code all} holds
     * @throws NullPointerException if a condition is null
     */
    static Condition and(Condition... all) {
        return new And(List.of(all));
    }

    /**
     * Any of several conditions.
     *
     * @param any the conditions; none gives a condition no credit meets
     * @return a condition that holds when at least one of {@code any} holds
     * @throws NullPointerException if a condition is null
     */
    static Condition or(Condition... any) {
        return new Or(List.of(any));
    }

    /**
     * The negation of a condition. A credit without the attribute fails a comparison on it, so it passes
     * the negation.
     *
     * @param condition the condition that must not hold
     * @return {@code not condition}
     * @throws NullPointerException if {@code condition} is null
     */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    private static void requireName(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("condition has a blank attribute name");
        }
    }
}
