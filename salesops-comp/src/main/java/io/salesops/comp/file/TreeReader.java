package io.salesops.comp.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses plan-file bytes into a located {@link Node} tree, bounding all work: size, encoding, nesting depth,
 * number length, scalar length, aliases and duplicate keys are checked here, before any value is bound.
 * Problems go to the given list; a syntax error ends the parse (nothing after it can be trusted).
 * Thread-safe: the factories are shared and immutable once configured.
 */
final class TreeReader {

    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_STRING_LENGTH = 10_000;
    static final int MAX_NODES = 200_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 8)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_BYTES)
            .maxDocumentLength(MAX_BYTES * 4L)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            // Duplicate keys are detected by tree() instead, so that every duplicate is reported, not only the first.
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final YAMLFactory YAML = yamlFactory();

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        // Aliases are refused below anyway; these stop SnakeYAML itself from doing unbounded work.
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit(MAX_BYTES * 2);
        options.setAllowDuplicateKeys(true); // reported by us with both locations, not as an exception
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
    }

    private final String file;
    private final List<PlanFileProblem> problems;

    TreeReader(String file, List<PlanFileProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** @return the root node, or null if the file could not be parsed (with problems recorded) */
    Node read(byte[] bytes, PlanFormat format) {
        if (bytes.length > MAX_BYTES) {
            problem(0, 0, "", "file is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES + " bytes (1 MiB)");
            return null;
        }
        String text = decode(bytes);
        if (text == null) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            problem(1, 1, "", "file is empty; expected a plan with at least name, currency and components");
            return null;
        }
        if (!controlCharactersAbsent(text)) {
            return null;
        }
        try (JsonParser p = (format == PlanFormat.JSON ? JSON : YAML).createParser(text)) {
            int before = problems.size();
            Node root = tree(p);
            if (root == null && problems.size() == before) {
                problem(1, 1, "", "file holds no values (only comments?); expected a plan with at least name, currency and components");
            }
            if (root != null && p.nextToken() != null) {
                // Binding only the first or the last document would silently ignore a plan; several plans (or
                // versions of one) go in several files, each passed with its own --plan.
                JsonLocation l = p.currentTokenLocation();
                problem(l.getLineNr(), l.getColumnNr(), "", format == PlanFormat.YAML
                        ? "file holds a second YAML document (from line " + l.getLineNr() + ", after ---); a plan"
                                + " file holds one plan: put each plan or plan version in its own file"
                        : "file holds a second JSON value after the plan; a plan file holds one plan");
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            problem(l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "not valid " + format + ": " + syntaxMessage(e.getOriginalMessage()));
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            // SnakeYAML reports some scanner errors as its own runtime exceptions; keep the first line only.
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problem(0, 0, "", "not valid " + format + ": " + m.lines().findFirst().orElse(m));
            return null;
        }
    }

    /**
     * SnakeYAML's message opens with its context ("while scanning a simple key") and states the problem on a later
     * line ("could not find expected ':'"); say both, and what a user most likely wrote.
     */
    static String syntaxMessage(String original) {
        if (original == null || original.isBlank()) {
            return "syntax error";
        }
        List<String> said = new java.util.ArrayList<>();
        for (String line : original.lines().toList()) {
            String t = line.strip();
            if (!t.isEmpty() && !line.startsWith(" ") && !t.startsWith("in '") && !t.startsWith("^")) {
                said.add(t);
            }
        }
        String m = said.isEmpty() ? original.lines().findFirst().orElse("syntax error") : String.join(": ", said);
        if (m.contains("simple key")) {
            m += " (a key on one line needs \": \" after it, and a key may be at most 1,024 characters)";
        }
        return m;
    }

    /**
     * A plan file is text: a control character (other than tab, line feed and carriage return) is most likely a
     * binary file or a damaged save, and is named at its line and column rather than left to the YAML scanner.
     *
     * @return true if there is none
     */
    private boolean controlCharactersAbsent(String text) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
                problem(line, i - lineStart + 1, "", String.format(java.util.Locale.ROOT,
                        "control character U+%04X; a plan file is text (UTF-8 YAML or JSON)", (int) c));
                return false;
            }
        }
        return true;
    }

    private String decode(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problem(line, offset - lineStart + 1, "", String.format(java.util.Locale.ROOT,
                    "byte 0x%02X at offset %d is not valid UTF-8; save the file as UTF-8", bytes[offset] & 0xff, offset));
            return null;
        }
        out.flip();
        return out.toString();
    }

    /** Builds the tree iteratively so that depth costs heap we bound, not stack. */
    private Node tree(JsonParser p) throws java.io.IOException {
        Deque<Node> stack = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        Node root = null;
        String pendingKey = null;
        int nodes = 0;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            JsonLocation l = p.currentTokenLocation();
            int line = l.getLineNr();
            int col = l.getColumnNr();
            if (t == JsonToken.FIELD_NAME) {
                pendingKey = p.currentName();
                Node parent = stack.peek();
                if (parent.fields.containsKey(pendingKey)) {
                    int[] first = parent.keyLocations.get(pendingKey);
                    problem(line, col, path(stack, keys, pendingKey), "key \"" + Node.preview(pendingKey)
                            + "\" appears twice in the same mapping (first on line " + first[0] + ")");
                    pendingKey = "\u0000dup" + nodes;
                }
                parent.keyLocations.put(pendingKey, new int[] {line, col});
                continue;
            }
            if (++nodes > MAX_NODES) {
                problem(line, col, "", "file has more than " + MAX_NODES + " values, the limit");
                return null;
            }
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                problem(line, col, path(stack, keys, pendingKey), "YAML aliases (*name) are not supported; write the value out");
                t = JsonToken.VALUE_NULL;
            }
            Node n;
            switch (t) {
                case START_OBJECT -> n = Node.object(line, col);
                case START_ARRAY -> n = Node.array(line, col);
                case END_OBJECT, END_ARRAY -> {
                    stack.pop();
                    if (!keys.isEmpty() && stack.size() < keys.size() + 1) {
                        keys.pop();
                    }
                    nodes--;
                    if (stack.isEmpty()) {
                        return root; // the first document is complete; read() refuses any that follows
                    }
                    continue;
                }
                case VALUE_STRING -> n = Node.scalar(Node.Kind.STRING, line, col, text(p, line, col, stack, keys, pendingKey));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> n = Node.scalar(Node.Kind.NUMBER, line, col, p.getText());
                case VALUE_TRUE, VALUE_FALSE -> n = Node.scalar(Node.Kind.BOOLEAN, line, col, p.getText());
                case VALUE_NULL -> n = Node.scalar(Node.Kind.NULL, line, col, null);
                default -> n = Node.scalar(Node.Kind.STRING, line, col, String.valueOf(p.getText()));
            }
            Node parent = stack.peek();
            if (parent == null) {
                root = n;
                if (n.fields == null && n.items == null) {
                    return root; // a document that is one scalar (or empty) is complete
                }
            } else if (parent.fields != null) {
                parent.fields.put(pendingKey, n);
            } else {
                parent.items.add(n);
            }
            if (n.fields != null || n.items != null) {
                if (stack.size() >= MAX_DEPTH) {
                    problem(line, col, path(stack, keys, pendingKey), "values are nested more than " + MAX_DEPTH
                            + " levels deep, the limit");
                    return null;
                }
                if (parent != null) {
                    keys.push(parent.fields != null ? "." + pendingKey : "[" + (parent.items.size() - 1) + "]");
                }
                stack.push(n);
            }
        }
        return root;
    }

    private String text(JsonParser p, int line, int col, Deque<Node> stack, Deque<String> keys, String key)
            throws java.io.IOException {
        String s = p.getText();
        if (s.length() > MAX_STRING_LENGTH) {
            problem(line, col, path(stack, keys, key), "text of " + s.length() + " characters is longer than the limit of "
                    + MAX_STRING_LENGTH);
            return s.substring(0, 40);
        }
        return s;
    }

    private static String path(Deque<Node> stack, Deque<String> keys, String key) {
        StringBuilder sb = new StringBuilder();
        var it = keys.descendingIterator();
        while (it.hasNext()) {
            sb.append(it.next());
        }
        Node parent = stack.peek();
        if (parent != null && parent.fields != null && key != null) {
            sb.append('.').append(key);
        } else if (parent != null && parent.items != null) {
            sb.append('[').append(parent.items.size()).append(']');
        }
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    private void problem(int line, int column, String path, String message) {
        problems.add(new PlanFileProblem(file, Math.max(line, 0), Math.max(column, 0), path, message));
    }
}
