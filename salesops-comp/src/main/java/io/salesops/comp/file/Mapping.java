package io.salesops.comp.file;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A mapping of a plan file being bound: remembers the keys a binder asked for, so that the others can be
 * reported as unknown keys (with the closest known key as a hint). One per mapping node; not thread-safe.
 */
final class Mapping {

    private final ValueReader reader;
    final Node node;
    private final String path;
    private final Set<String> known = new LinkedHashSet<>();

    Mapping(ValueReader reader, Node node, String path) {
        this.reader = reader;
        this.node = node;
        this.path = path;
    }

    /** @return the value under {@code key}, or null if it is absent or null */
    Node opt(String key) {
        known.add(key);
        Node n = node.fields.get(key);
        return n == null || n.kind == Node.Kind.NULL ? null : n;
    }

    /** @return the value under {@code key}, or null with a problem saying what was expected there */
    Node req(String key, String expected) {
        Node n = opt(key);
        if (n == null) {
            Node present = node.fields.get(key);
            Node where = present != null ? present : node;
            reader.hard(where, sub(key), (present != null ? "is null" : "is missing") + "; expected " + expected);
        }
        return n;
    }

    /** Stops checking the remaining keys (the mapping's type is unknown, so they cannot be judged). */
    void skipRest() {
        known.addAll(node.fields.keySet());
    }

    /** Reports every key that no binder asked for. */
    void done() {
        for (String k : node.fields.keySet()) {
            if (known.contains(k) || k.startsWith("\u0000")) {
                continue;
            }
            int[] l = node.keyLocations.get(k);
            String hint = closest(k);
            // Not "hard": the plan can still be built and validated, so its other problems show too.
            reader.soft(new PlanFileProblem(reader.file(), l[0], l[1], sub(k), "unknown key \"" + Node.preview(k) + "\""
                    + (hint == null ? "" : "; did you mean \"" + hint + "\"?") + " Expected one of: "
                    + String.join(", ", known)));
        }
    }

    private String sub(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String closest(String k) {
        String best = null;
        int bestD = 3;
        for (String c : known) {
            int d = distance(k.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** Optimal string alignment distance, so that a transposition such as "cpas" for "caps" costs one edit. */
    private static int distance(String a, String b) {
        if (a.length() > 40 || b.length() > 40) {
            return Integer.MAX_VALUE;
        }
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
