package io.salesops.comp.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed plan file with the line and column it starts at. Objects keep their keys in file order
 * and the location of each key. Built by {@link TreeReader}; mutable only while it builds.
 */
final class Node {

    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    final Kind kind;
    final int line;
    final int column;
    /** The scalar's text as written (numbers unparsed), or null for containers. */
    final String text;
    final Map<String, Node> fields;
    final Map<String, int[]> keyLocations;
    final List<Node> items;

    private Node(Kind kind, int line, int column, String text) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.keyLocations = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.items = kind == Kind.ARRAY ? new ArrayList<>() : null;
    }

    static Node object(int line, int column) {
        return new Node(Kind.OBJECT, line, column, null);
    }

    static Node array(int line, int column) {
        return new Node(Kind.ARRAY, line, column, null);
    }

    static Node scalar(Kind kind, int line, int column, String text) {
        return new Node(kind, line, column, text);
    }

    int itemsSize() {
        return items == null ? -1 : items.size();
    }

    boolean isScalar() {
        return fields == null && items == null && kind != Kind.NULL;
    }

    /** @return a short description for messages: {@code a list}, {@code the number 12}, {@code "abc"} */
    String describe() {
        return switch (kind) {
            case OBJECT -> "a mapping";
            case ARRAY -> "a list";
            case NULL -> "null";
            case BOOLEAN -> text;
            case NUMBER -> "the number " + preview(text);
            case STRING -> "\"" + preview(text) + "\"";
        };
    }

    static String preview(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
