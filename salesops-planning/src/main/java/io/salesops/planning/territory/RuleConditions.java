package io.salesops.planning.territory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the text form of a {@link RuleCondition}:
 * <pre>
 * condition  := or
 * or         := and ("or" and)*
 * and        := unary ("and" unary)*
 * unary      := "not" unary | "(" or ")" | "otherwise" | comparison
 * comparison := NAME ("=" | "!=") VALUE | NAME "in" "[" VALUE ("," VALUE)* "]" | NAME ("&lt;"|"&lt;="|"&gt;"|"&gt;=") NUMBER
 * VALUE      := a bare word (letters, digits, - _ . / &amp; +) or a "double-quoted" string
 * </pre>
 * Keywords ignore case; names and values do not. Bounded: at most {@link #MAX_LENGTH} characters and
 * {@link #MAX_DEPTH} levels of nesting. Stateless and thread-safe.
 */
public final class RuleConditions {

    /** The longest condition text accepted. */
    public static final int MAX_LENGTH = 4_000;
    /** The deepest nesting of parentheses and {@code not} accepted. */
    public static final int MAX_DEPTH = 32;

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]{1,30}(\\.[0-9]{1,12})?");

    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private int pos;
    private int depth;

    private RuleConditions(String text) {
        this.text = text;
    }

    /**
     * @param text the condition, e.g. {@code segment = Enterprise and country in [DE, AT, CH]}, not null
     * @return the condition tree
     * @throws IllegalArgumentException naming the character position and what was expected
     */
    public static RuleCondition parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("condition is " + text.length() + " characters, more than the limit of " + MAX_LENGTH);
        }
        RuleConditions p = new RuleConditions(text);
        p.tokenize();
        if (p.tokens.isEmpty()) {
            throw new IllegalArgumentException("condition is empty; write e.g. segment = Enterprise, or otherwise");
        }
        RuleCondition c = p.or();
        if (p.pos < p.tokens.size()) {
            throw p.error("expected 'and', 'or' or the end");
        }
        return c;
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("condition \"" + preview() + "\": the quote at character "
                            + (i + 1) + " is not closed");
                }
                add(text.substring(i, end + 1), i);
                i = end + 1;
            } else if ("()[],".indexOf(c) >= 0) {
                add(String.valueOf(c), i++);
            } else if ("=!<>".indexOf(c) >= 0) {
                int end = i + 1 < text.length() && text.charAt(i + 1) == '=' ? i + 2 : i + 1;
                add(text.substring(i, end), i);
                i = end;
            } else if (word(c)) {
                int end = i;
                while (end < text.length() && word(text.charAt(end))) {
                    end++;
                }
                add(text.substring(i, end), i);
                i = end;
            } else {
                throw new IllegalArgumentException("condition \"" + preview() + "\": character '" + c + "' at "
                        + (i + 1) + " is not allowed");
            }
        }
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || "-_./&+".indexOf(c) >= 0;
    }

    private void add(String token, int start) {
        tokens.add(token);
        starts.add(start);
    }

    private RuleCondition or() {
        List<RuleCondition> parts = new ArrayList<>();
        parts.add(and());
        while (keyword("or")) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.Or(parts);
    }

    private RuleCondition and() {
        List<RuleCondition> parts = new ArrayList<>();
        parts.add(unary());
        while (keyword("and")) {
            pos++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new RuleCondition.And(parts);
    }

    private RuleCondition unary() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting is deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (keyword("not")) {
                pos++;
                return new RuleCondition.Not(unary());
            }
            if (keyword("otherwise")) {
                pos++;
                return new RuleCondition.Always();
            }
            if (is("(")) {
                pos++;
                RuleCondition c = or();
                expect(")");
                return c;
            }
            return comparison();
        } finally {
            depth--;
        }
    }

    private RuleCondition comparison() {
        String name = name();
        if (pos >= tokens.size()) {
            throw error("expected =, !=, in, <, <=, > or >= after " + name);
        }
        String op = tokens.get(pos);
        if (keyword("in")) {
            pos++;
            expect("[");
            Set<String> values = new LinkedHashSet<>();
            values.add(value());
            while (is(",")) {
                pos++;
                values.add(value());
            }
            expect("]");
            return new RuleCondition.In(name, values);
        }
        pos++;
        switch (op) {
            case "=":
                return new RuleCondition.Equals(name, value());
            case "!=":
                return new RuleCondition.Not(new RuleCondition.Equals(name, value()));
            case "<", "<=", ">", ">=": {
                String v = value();
                if (!NUMBER.matcher(v).matches()) {
                    pos--;
                    throw error("expected a number after " + op);
                }
                return new RuleCondition.Compare(name, op, new BigDecimal(v));
            }
            default:
                pos--;
                throw error("expected =, !=, in, <, <=, > or >= after " + name);
        }
    }

    private String name() {
        if (pos >= tokens.size() || !word(tokens.get(pos).charAt(0)) || isKeyword(tokens.get(pos))) {
            throw error("expected an attribute name");
        }
        return tokens.get(pos++);
    }

    private String value() {
        if (pos >= tokens.size()) {
            throw error("expected a value");
        }
        String t = tokens.get(pos);
        if (t.startsWith("\"")) {
            pos++;
            return t.substring(1, t.length() - 1);
        }
        if (!word(t.charAt(0))) {
            throw error("expected a value");
        }
        pos++;
        return t;
    }

    private void expect(String token) {
        if (!is(token)) {
            throw error("expected '" + token + "'");
        }
        pos++;
    }

    private boolean is(String token) {
        return pos < tokens.size() && tokens.get(pos).equals(token);
    }

    private boolean keyword(String k) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(k);
    }

    private static boolean isKeyword(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        return l.equals("and") || l.equals("or") || l.equals("not") || l.equals("in") || l.equals("otherwise");
    }

    private IllegalArgumentException error(String expected) {
        String at = pos < tokens.size() ? "at character " + (starts.get(pos) + 1) + " (\"" + tokens.get(pos) + "\")"
                : "at the end";
        return new IllegalArgumentException("condition \"" + preview() + "\": " + expected + " " + at);
    }

    private String preview() {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    static void requireName(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("condition has a blank attribute name");
        }
    }

    static String text(Account a, String attribute) {
        return switch (attribute) {
            case "account" -> a.id();
            case "potential" -> a.potential().toPlainString();
            case "workload" -> a.workload().toPlainString();
            default -> a.attribute(attribute);
        };
    }

    static BigDecimal number(Account a, String attribute) {
        switch (attribute) {
            case "potential":
                return a.potential();
            case "workload":
                return a.workload();
            default:
                String v = a.attribute(attribute);
                return v == null || !NUMBER.matcher(v.strip()).matches() ? null : new BigDecimal(v.strip());
        }
    }

    static String quote(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> word((char) c)) && !isKeyword(v) ? v : "\"" + v + "\"";
    }
}
