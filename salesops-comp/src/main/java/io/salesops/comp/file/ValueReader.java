package io.salesops.comp.file;

import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the section binders of one plan file share: the located problems found so far, where each model path
 * was read from, the plan currency once known, and the readers of scalar values (names, numbers, money, dates,
 * enums) that record a located problem instead of throwing. One instance per file; not thread-safe.
 */
final class ValueReader {

    /** Where a model path was read from: the file path and the node's position. */
    record Loc(String path, int line, int column) {
    }

    /** Decimals beyond these bounds are refused before anything can scale them (1e999999999 would hang). */
    static final int MAX_SCALE = 12;
    static final int MAX_INTEGER_DIGITS = 15;

    private final String file;
    private final List<PlanFileProblem> problems;
    private final Map<String, Loc> locations = new HashMap<>();
    private int hardProblems;
    private Currency currency;

    ValueReader(String file, List<PlanFileProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    /** @return how many problems so far prevent building the plan (unknown keys do not) */
    int hardProblems() {
        return hardProblems;
    }

    /** Sets the plan currency that bare amounts are read in; null while the currency is unknown or wrong. */
    void planCurrency(Currency currency) {
        this.currency = currency;
    }

    // ---- locations -----------------------------------------------------------------------------------------

    /** Records where {@code modelPath} was read from, unless it is recorded already. */
    void at(String modelPath, String filePath, Node n) {
        locations.putIfAbsent(modelPath, new Loc(filePath, n.line, n.column));
    }

    /** Records where {@code modelPath} was read from, replacing what was recorded. */
    void locateAt(String modelPath, Loc loc) {
        locations.put(modelPath, loc);
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

    // ---- problems ------------------------------------------------------------------------------------------

    /** Records a problem that prevents building the plan. */
    void hard(Node n, String path, String message) {
        hardProblems++;
        problems.add(new PlanFileProblem(file, n.line, n.column, path, message));
    }

    /** Records a problem that leaves the plan buildable, so that the validator's problems show as well. */
    void soft(PlanFileProblem problem) {
        problems.add(problem);
    }

    /** A constructor of the plan model, which may refuse its arguments. */
    interface Maker<T> {
        T make();
    }

    /** @return what {@code maker} builds, or null with its refusal recorded as a problem at {@code n} */
    <T> T build(Node n, String path, Maker<T> maker) {
        try {
            return maker.make();
        } catch (IllegalArgumentException | NullPointerException e) {
            hard(n, path, String.valueOf(e.getMessage()));
            return null;
        }
    }

    // ---- containers ----------------------------------------------------------------------------------------

    /** @return {@code n} as a mapping to bind, or null (with a problem unless {@code n} is null) */
    Mapping mapping(Node n, String path, String expected) {
        if (n == null) {
            return null;
        }
        if (n.kind != Node.Kind.OBJECT) {
            hard(n, path, "expected " + expected + ", found " + n.describe());
            return null;
        }
        return new Mapping(this, n, path);
    }

    /** @return every element bound, an empty list for a null node, or null if any element failed */
    <T> List<T> list(Node n, String path, String what, BiFunction<Node, String, T> element) {
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

    // ---- scalars -------------------------------------------------------------------------------------------

    String name(Node n, String path) {
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

    String scalar(Node n, String path, String expected) {
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

    Currency currency(Node n, String path) {
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

    LocalDate date(Node n, String path) {
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

    Boolean bool(Node n, String path) {
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

    Integer integer(Node n, String path, int min, int max) {
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

    Percent percent(Node n, String path) {
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
    Money money(Node n, String path) {
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

    /** @return the constant {@code n} names (case and dashes ignored), {@code fallback} if n is null, else null */
    <E extends Enum<E>> E enumOr(Node n, String path, Class<E> type, E fallback) {
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
}
