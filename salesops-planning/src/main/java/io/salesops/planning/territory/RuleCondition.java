package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which accounts a territory rule takes, as data: a small tree of comparisons on account attributes, never
 * code. {@link RuleConditions#parse(String)} reads the text form
 * {@code segment = Enterprise and country in [DE, AT, CH]}. The built-in names {@code account},
 * {@code potential} and {@code workload} read the account's id and measures; any other name reads an
 * attribute column. An account without the attribute fails every comparison on it.
 *
 * <p>All implementations are immutable, thread-safe records.
 */
public sealed interface RuleCondition permits RuleCondition.Always, RuleCondition.Equals, RuleCondition.In,
        RuleCondition.Compare, RuleCondition.And, RuleCondition.Or, RuleCondition.Not {

    /**
     * @param account the account, not null
     * @return whether the condition holds for it
     */
    boolean test(Account account);

    /** Every account ({@code otherwise}). */
    record Always() implements RuleCondition {
        @Override
        public boolean test(Account account) {
            return true;
        }

        @Override
        public String toString() {
            return "otherwise";
        }
    }

    /**
     * The attribute equals the value, exactly.
     *
     * @param attribute the attribute name, not blank
     * @param value     the text it must equal, not null
     */
    record Equals(String attribute, String value) implements RuleCondition {
        /**
         * Validates the fields.
         *
         * @param attribute the attribute name, not blank
         * @param value     the text it must equal (case-sensitive); not null
         * @throws IllegalArgumentException if the attribute name is blank
         * @throws NullPointerException     if the value is null
         */
        public Equals {
            RuleConditions.requireName(attribute);
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Account account) {
            return value.equals(RuleConditions.text(account, attribute));
        }

        @Override
        public String toString() {
            return attribute + " = " + RuleConditions.quote(value);
        }
    }

    /**
     * The attribute equals one of the values.
     *
     * @param attribute the attribute name, not blank
     * @param values    at least one value; copied
     */
    record In(String attribute, Set<String> values) implements RuleCondition {
        /**
         * Validates the fields; the values are copied.
         *
         * @param attribute the attribute name, not blank
         * @param values    the texts of which the attribute must equal one; at least one; no null element
         * @throws IllegalArgumentException if the attribute name is blank or no value is given
         */
        public In {
            RuleConditions.requireName(attribute);
            values = Set.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("condition \"" + attribute + " in []\" lists no values");
            }
        }

        @Override
        public boolean test(Account account) {
            String v = RuleConditions.text(account, attribute);
            return v != null && values.contains(v);
        }

        @Override
        public String toString() {
            return attribute + " in " + new java.util.TreeSet<>(values).stream().map(RuleConditions::quote).toList();
        }
    }

    /**
     * A numeric comparison: the attribute, read as a decimal, against a bound. Non-numeric values fail.
     *
     * @param attribute the attribute name, not blank
     * @param operator  one of {@code < <= > >=}
     * @param bound     the bound, not null
     */
    record Compare(String attribute, String operator, BigDecimal bound) implements RuleCondition {
        /**
         * Validates the fields.
         *
         * @param attribute the attribute name, not blank
         * @param operator  one of {@code < <= > >=}
         * @param bound     the bound the attribute's value is compared with; not null
         * @throws IllegalArgumentException if the attribute name is blank or the operator is not one of those
         * @throws NullPointerException     if the bound is null
         */
        public Compare {
            RuleConditions.requireName(attribute);
            if (!List.of("<", "<=", ">", ">=").contains(operator)) {
                throw new IllegalArgumentException("comparison operator \"" + operator + "\" is not one of < <= > >=");
            }
            Objects.requireNonNull(bound, "bound");
        }

        @Override
        public boolean test(Account account) {
            BigDecimal v = RuleConditions.number(account, attribute);
            if (v == null) {
                return false;
            }
            int c = v.compareTo(bound);
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                default -> c >= 0;
            };
        }

        @Override
        public String toString() {
            return attribute + " " + operator + " " + bound.toPlainString();
        }
    }

    /**
     * Every one of the conditions holds.
     *
     * @param all conditions that must all hold; copied, at least two
     */
    record And(List<RuleCondition> all) implements RuleCondition {
        /**
         * Copies the list.
         *
         * @param all conditions that must all hold; not null, no null element
         */
        public And {
            all = List.copyOf(all);
        }

        @Override
        public boolean test(Account account) {
            for (RuleCondition c : all) {
                if (!c.test(account)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "(" + String.join(" and ", all.stream().map(Object::toString).toList()) + ")";
        }
    }

    /**
     * At least one of the conditions holds.
     *
     * @param any conditions of which one must hold; copied, at least two
     */
    record Or(List<RuleCondition> any) implements RuleCondition {
        /**
         * Copies the list.
         *
         * @param any conditions of which one must hold; not null, no null element
         */
        public Or {
            any = List.copyOf(any);
        }

        @Override
        public boolean test(Account account) {
            for (RuleCondition c : any) {
                if (c.test(account)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "(" + String.join(" or ", any.stream().map(Object::toString).toList()) + ")";
        }
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition that must not hold, not null
     */
    record Not(RuleCondition condition) implements RuleCondition {
        /**
         * Validates the field.
         *
         * @param condition the condition that must not hold; not null
         * @throws NullPointerException if {@code condition} is null
         */
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public boolean test(Account account) {
            return !condition.test(account);
        }

        @Override
        public String toString() {
            return "not " + condition;
        }
    }
}
