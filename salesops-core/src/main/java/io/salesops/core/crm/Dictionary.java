package io.salesops.core.crm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct strings of a column, each with an int code in order of first appearance. Appended by one
 * thread while a table is built, then read-only.
 */
final class Dictionary {

    private final Map<String, Integer> codes = new HashMap<>();
    private final ArrayList<String> values = new ArrayList<>();

    /** @return the code of {@code s}, adding it if new; -1 for null */
    int code(String s) {
        if (s == null) {
            return -1;
        }
        Integer c = codes.get(s);
        if (c == null) {
            c = values.size();
            codes.put(s, c);
            values.add(s);
        }
        return c;
    }

    /** Adds distinct values in order, so that each gets its index as code. */
    void addAll(String[] distinct) {
        for (String v : distinct) {
            if (code(v) != values.size() - 1) {
                throw new IllegalArgumentException("\"" + v + "\" is listed twice");
            }
        }
    }

    /** @return the code of {@code s}, or -1 if absent or null */
    int find(String s) {
        Integer c = s == null ? null : codes.get(s);
        return c == null ? -1 : c;
    }

    /** @return the value of a code, null for -1 */
    String value(int code) {
        return code < 0 ? null : values.get(code);
    }

    int size() {
        return values.size();
    }

    List<String> values() {
        return List.copyOf(values);
    }
}
