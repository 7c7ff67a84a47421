package io.salesops.planning.territory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Territory assignment rules as data, like Salesforce's territory rules: an ordered list of
 * {@code condition -> TERRITORY} lines, first match wins or all matches count, named-account overrides, and
 * the reps of each territory (listed, or by the reps' {@code territory} column).
 *
 * <p>File form (YAML, read without any object binding, aliases or tags):
 * <pre>
 * match: first            # or: all
 * rules:
 *   - segment = Enterprise and country in [DE, AT, CH] -&gt; DACH-ENT
 *   - segment = Enterprise -&gt; ENT
 *   - otherwise -&gt; GENERAL
 * territories:            # optional; else reps whose territory column names the territory
 *   DACH-ENT: [R001, R002]
 * overrides:              # named accounts, before any rule
 *   A00017: DACH-ENT
 * </pre>
 * Immutable and thread-safe.
 */
public final class TerritoryRules {

    /** The largest rules file read. */
    public static final int MAX_BYTES = 1 << 20;
    /** The most rules a file may hold. */
    public static final int MAX_RULES = 10_000;

    /** Whether the first matching rule decides, or every matching rule counts. */
    public enum MatchMode {
        /** The first matching rule in file order gives the territory. */
        FIRST,
        /**
         * Every matching rule gives a territory; the account is aligned in the first of them (file order) and
         * the others are reported as overlaps.
         */
        ALL
    }

    /**
     * One rule.
     *
     * @param condition which accounts it takes, not null
     * @param territory the territory they go to, not blank
     */
    public record Rule(RuleCondition condition, String territory) {
        /**
         * Validates the fields.
         *
         * @param condition which accounts it takes, not null
         * @param territory the territory they go to, not blank
         */
        public Rule {
            Objects.requireNonNull(condition, "condition");
            territory = Account.requireId(territory, "territory");
        }

        @Override
        public String toString() {
            return condition + " -> " + territory;
        }
    }

    private final MatchMode mode;
    private final List<Rule> rules;
    private final Map<String, List<String>> territoryReps;
    private final Map<String, String> overrides;

    private TerritoryRules(MatchMode mode, List<Rule> rules, Map<String, List<String>> territoryReps,
                           Map<String, String> overrides) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.rules = List.copyOf(rules);
        Map<String, List<String>> t = new LinkedHashMap<>();
        territoryReps.forEach((k, v) -> t.put(k, List.copyOf(v)));
        this.territoryReps = Collections.unmodifiableMap(t);
        this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * @param mode          first match or all matches
     * @param rules         the rules in order
     * @param territoryReps territory to its reps; territories left out take the reps whose {@code territory}
     *                      attribute names them
     * @param overrides     account id to territory, applied before any rule
     * @return the rules
     */
    public static TerritoryRules of(MatchMode mode, List<Rule> rules, Map<String, List<String>> territoryReps,
                                    Map<String, String> overrides) {
        return new TerritoryRules(mode, rules, territoryReps, overrides);
    }

    /**
     * Reads a rules file.
     *
     * @param path the YAML file, not null
     * @return the rules
     * @throws TerritoryInputException naming the file and the path of every bad entry
     * @throws IOException             if the file cannot be read
     */
    public static TerritoryRules read(Path path) throws IOException {
        long size = Files.size(path);
        String name = path.toString();
        if (size > MAX_BYTES) {
            throw new TerritoryInputException(List.of(name + ": file is " + size + " bytes, more than the limit of "
                    + MAX_BYTES + " bytes (1 MiB)"));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new TerritoryInputException(List.of(name + ": the file is not valid UTF-8; save it as UTF-8"));
        }
        return parse(name, text);
    }

    /**
     * Parses rules from YAML text.
     *
     * @param name the file name for messages, not null
     * @param yaml the text, not null
     * @return the rules
     * @throws TerritoryInputException naming the path of every bad entry
     */
    public static TerritoryRules parse(String name, String yaml) {
        JsonNode root;
        try {
            root = mapper().readTree(yaml);
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new TerritoryInputException(List.of(name + ": not valid YAML: " + m.lines().findFirst().orElse(m)));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new TerritoryInputException(List.of(name + ": expected a mapping with rules (and optionally match, "
                    + "territories, overrides)"));
        }
        for (var it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!Set.of("match", "rules", "territories", "overrides").contains(f)) {
                problems.add(name + ": " + f + ": unknown key; expected match, rules, territories or overrides");
            }
        }
        MatchMode mode = MatchMode.FIRST;
        JsonNode match = root.get("match");
        if (match != null) {
            switch (match.asText("")) {
                case "first" -> mode = MatchMode.FIRST;
                case "all" -> mode = MatchMode.ALL;
                default -> problems.add(name + ": match: \"" + match.asText("") + "\" is not first or all");
            }
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode rs = root.get("rules");
        if (rs == null || !rs.isArray() || rs.isEmpty()) {
            problems.add(name + ": rules: expected a list of lines like \"segment = Enterprise -> ENT\"");
        } else if (rs.size() > MAX_RULES) {
            problems.add(name + ": rules: " + rs.size() + " rules, more than the limit of " + MAX_RULES);
        } else {
            for (int i = 0; i < rs.size(); i++) {
                String where = name + ": rules[" + i + "]: ";
                JsonNode r = rs.get(i);
                if (!r.isTextual()) {
                    problems.add(where + "expected a line like \"segment = Enterprise -> ENT\"");
                    continue;
                }
                String line = r.asText();
                int arrow = line.lastIndexOf("->");
                if (arrow < 0) {
                    problems.add(where + "\"" + line + "\" has no '-> TERRITORY'");
                    continue;
                }
                String territory = line.substring(arrow + 2).strip();
                if (territory.isEmpty() || territory.chars().anyMatch(Character::isWhitespace)) {
                    problems.add(where + "territory \"" + territory + "\" after '->' must be one word");
                    continue;
                }
                try {
                    rules.add(new Rule(RuleConditions.parse(line.substring(0, arrow).strip()), territory));
                } catch (IllegalArgumentException e) {
                    problems.add(where + e.getMessage());
                }
            }
        }
        Map<String, List<String>> territories = new LinkedHashMap<>();
        JsonNode ts = root.get("territories");
        if (ts != null) {
            if (!ts.isObject()) {
                problems.add(name + ": territories: expected a mapping of territory to a list of reps");
            } else {
                ts.fields().forEachRemaining(e -> {
                    List<String> reps = new ArrayList<>();
                    if (!e.getValue().isArray()) {
                        problems.add(name + ": territories." + e.getKey() + ": expected a list of rep ids");
                        return;
                    }
                    e.getValue().forEach(x -> reps.add(x.asText()));
                    territories.put(e.getKey(), reps);
                });
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        JsonNode os = root.get("overrides");
        if (os != null) {
            if (!os.isObject()) {
                problems.add(name + ": overrides: expected a mapping of account id to territory");
            } else {
                os.fields().forEachRemaining(e -> {
                    if (!e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                        problems.add(name + ": overrides." + e.getKey() + ": expected a territory name");
                    } else {
                        overrides.put(e.getKey(), e.getValue().asText().strip());
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new TerritoryInputException(problems);
        }
        return new TerritoryRules(mode, rules, territories, overrides);
    }

    private static ObjectMapper mapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(16);
        options.setCodePointLimit(MAX_BYTES * 2);
        YAMLFactory yaml = YAMLFactory.builder().loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(64)
                        .maxStringLength(MAX_BYTES).build())
                .build();
        ObjectMapper m = new ObjectMapper(yaml);
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m;
    }

    /**
     * The territories of one account: its override alone if it has one; else the first matching rule's
     * territory, or every matching rule's territory in rule order (without repeats) in {@link MatchMode#ALL}.
     *
     * @param account the account, not null
     * @return the territories, empty when nothing matches
     */
    public List<String> territoriesOf(Account account) {
        String o = overrides.get(account.id());
        if (o != null) {
            return List.of(o);
        }
        Set<String> out = new LinkedHashSet<>();
        for (Rule r : rules) {
            if (r.condition().test(account)) {
                out.add(r.territory());
                if (mode == MatchMode.FIRST) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Puts each account in its (first) territory and each rep in the territory that lists it or that its
     * {@code territory} column names. Accounts no rule matches, or whose territory has no reps, are listed as
     * unassigned with the reason.
     *
     * @param book the accounts and reps, not null
     * @return the grouping
     * @throws TerritoryInputException if a territory lists an unknown rep, a rep is in two territories, or an
     *                                 override names an unknown account
     */
    public TerritoryGrouping group(AccountBook book) {
        List<String> problems = new ArrayList<>();
        Map<String, String> repGroup = new LinkedHashMap<>();
        territoryReps.forEach((t, reps) -> {
            for (String r : reps) {
                if (book.rep(r) == null) {
                    problems.add("rules: territories." + t + ": rep " + r + " is not among the reps");
                } else if (repGroup.putIfAbsent(r, t) != null) {
                    problems.add("rules: territories." + t + ": rep " + r + " is also in territory " + repGroup.get(r));
                }
            }
        });
        for (TerritoryRep r : book.reps()) {
            String t = r.attribute("territory");
            if (!repGroup.containsKey(r.id()) && t != null && !t.isBlank() && !territoryReps.containsKey(t.strip())) {
                repGroup.put(r.id(), t.strip());
            }
        }
        overrides.keySet().stream().filter(a -> book.account(a) == null).forEach(a ->
                problems.add("rules: overrides." + a + ": account " + a + " is not among the accounts"));
        if (!problems.isEmpty()) {
            throw new TerritoryInputException(problems);
        }
        Map<String, Integer> repsPerGroup = new HashMap<>();
        repGroup.values().forEach(g -> repsPerGroup.merge(g, 1, Integer::sum));
        Map<String, String> accountGroup = new LinkedHashMap<>();
        List<String> unassigned = new ArrayList<>();
        List<String> overlaps = new ArrayList<>();
        for (Account a : book.accounts()) {
            List<String> ts = territoriesOf(a);
            if (ts.isEmpty()) {
                unassigned.add("account " + a.id() + ": no rule matches it");
            } else if (!repsPerGroup.containsKey(ts.get(0))) {
                unassigned.add("account " + a.id() + ": territory " + ts.get(0) + " has no reps");
            } else {
                accountGroup.put(a.id(), ts.get(0));
                if (ts.size() > 1) {
                    overlaps.add("account " + a.id() + ": also matches " + String.join(", ", ts.subList(1, ts.size()))
                            + " (aligned in " + ts.get(0) + " only)");
                }
            }
        }
        return new TerritoryGrouping(accountGroup, repGroup, unassigned, overlaps);
    }

    /** @return the match mode */
    public MatchMode mode() {
        return mode;
    }

    /** @return the rules in order, unmodifiable */
    public List<Rule> rules() {
        return rules;
    }

    /** @return account id to territory overrides, unmodifiable */
    public Map<String, String> overrides() {
        return overrides;
    }
}
