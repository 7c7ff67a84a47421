package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.comp.file.PlanFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every bundled plan through {@code salesops comp} on the bundled sample inputs in docs/examples/comp.
 * Expected totals are computed by hand in the comments.
 */
class CompCommandTest {

    static final Path EXAMPLES = findExamples();

    private static Path findExamples() {
        for (String p : List.of("../docs/examples/comp", "docs/examples/comp")) {
            if (Files.isDirectory(Path.of(p))) {
                return Path.of(p);
            }
        }
        throw new IllegalStateException("docs/examples/comp not found from " + Path.of("").toAbsolutePath());
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SalesopsCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] inputs(String plan, String org, String... more) {
        List<String> a = new ArrayList<>(List.of("--plan", EXAMPLES.resolve(plan + ".yaml").toString(),
                "--credits", EXAMPLES.resolve("credits.csv").toString(), "--org", EXAMPLES.resolve("org-" + org + ".csv").toString(),
                "--quotas", EXAMPLES.resolve("quotas.csv").toString(), "--fx", EXAMPLES.resolve("fx.csv").toString()));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static String[] calculate(String plan, String org, String... more) {
        List<String> a = new ArrayList<>(List.of("comp", "calculate"));
        a.addAll(List.of(inputs(plan, org, more)));
        return a.toArray(new String[0]);
    }

    static Stream<Arguments> bundledPlans() {
        return Stream.of(
                // 40k x 6% + ... ae-1: 50k x 6% + 50k x 10% + 25k x 12% x 1.5 = 12,500; ae-2 (quota 80k, 55k): 2,400 + 1,500
                Arguments.of("ae-marginal", "ae", List.of("ae-1:12500.00", "ae-2:3900.00")),
                // 6 qualified meetings x 75 + 2 sourced Platform deals >= 25k x 500
                Arguments.of("sdr-meetings", "sdr", List.of("sdr-1:1450.00")),
                // 2% of 329,050 (EUR 45,000 at 1.09) = 6,581; 109.7% of the 300k quota pays the whole 10,000 bonus
                Arguments.of("manager-override", "manager", List.of("mgr-1:16581.00", "ae-1:0.00", "ae-2:0.00", "ae-3:0.00", "emea-1:0.00")),
                // 8% of 20,000 = 1,600 earned on a 45,000 prorated quota; the draw adds 2,400 to reach 4,000
                Arguments.of("new-hire-draw", "new-hire", List.of("ae-3:4000.00")),
                // 4% of 72,000 + 1% of 48,000 = 3,360, less the 18,000 renewal reversed after 36 days: 720 + 180
                Arguments.of("renewal-clawback", "renewal", List.of("ren-1:2460.00")),
                // EUR: 118,300 credited on a 109,200 quota: 9% x 109,200 + 13% x 9,100 + 2% x 27,300 = 11,557
                Arguments.of("emea-eur", "emea", List.of("emea-1:11557.00")));
    }

    @ParameterizedTest
    @MethodSource("bundledPlans")
    void bundledPlan_runsWithOneCommand_andEveryStatementReconcilesToTheCent(String plan, String org, List<String> expected)
            throws Exception {
        Run r = run(calculate(plan, org, "--period", "2026-Q1", "--format", "json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode statements = new ObjectMapper().readTree(r.out());
        List<String> totals = new ArrayList<>();
        for (JsonNode s : statements) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode l : s.get("lines")) {
                sum = sum.add(l.get("amount").decimalValue());
                assertThat(l.get("formula").asText()).isNotBlank();
                assertThat(l.has("component")).isTrue();
                assertThat(l.get("credits").isArray()).isTrue();
            }
            assertThat(sum).isEqualByComparingTo(s.get("total").decimalValue());
            assertThat(s.get("period").asText()).isEqualTo("2026-Q1");
            totals.add(s.get("payee").asText() + ":" + s.get("total").decimalValue().setScale(2).toPlainString());
        }
        assertThat(totals).containsExactlyElementsOf(expected);
    }

    @Test
    void docsExamples_areTheBundledPlans() throws Exception {
        for (String name : PlanFiles.EXAMPLES) {
            assertThat(Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8)).as(name).isEqualTo(PlanFiles.example(name));
        }
    }

    @Test
    void validate_soundPlans_exitsZero() {
        Run r = run("comp", "validate", EXAMPLES.resolve("ae-marginal.yaml").toString(), EXAMPLES.resolve("emea-eur.yaml").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ae-marginal.yaml: ok").contains("emea-eur.yaml: ok");
    }

    @Test
    void validate_brokenPlan_exitsOneListingEveryProblemWithLineColumnAndPath(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: Bad
                currency: USD
                components:
                  - name: A
                    pay:
                      type: tiered
                      basis: attainment
                      tiers:
                        - {upTo: 100, rate: 10}
                        - {from: 120, rate: 12}
                    caps: [{per: week, limit: 100}]
                """);
        Run r = run("comp", "validate", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(bad + ":11:18 components[0].caps[0].per: expected one of deal, period, year, found \"week\"");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void calculate_brokenPlan_exitsOneWithTheProblemsNotAStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"X\", \"currency\": \"USD\", \"components\": [{\"name\": \"A\", \"pay\": {\"type\": \"flat_rate\", \"rate\": 1e999999999}}]}");
        Run r = run("comp", "calculate", "--plan", bad.toString(), "--credits", EXAMPLES.resolve("credits.csv").toString(),
                "--period", "2026-Q1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(bad + ":1:100 components[0].pay.rate: number 1e999999999 is out of range");
    }

    @Test
    void calculate_monthByMonthWithState_addsUpToTheQuarter(@TempDir Path dir) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String m : List.of("2026-01", "2026-02", "2026-03")) {
            Run r = run(calculate("renewal-clawback", "renewal", "--period", m, "--state", dir.toString(), "--format", "csv"));
            assertThat(r.code()).as(r.err()).isZero();
            for (String line : r.out().lines().skip(1).toList()) {
                String[] cells = line.split(",");
                sum = sum.add(new BigDecimal(cells[5]));
            }
        }
        // 1,860 in January (4% + 1% on R-002), 1,500 in February, -900 clawed back in March: the quarter's 2,460.
        assertThat(sum).isEqualByComparingTo("2460.00");
        assertThat(dir.resolve("ledger-000003-2026-03.json")).exists();
        Run again = run(calculate("renewal-clawback", "renewal", "--period", "2026-03", "--state", dir.toString()));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("already includes 2026-03");
    }

    @Test
    void calculate_skippingAMonth_isRefusedUnlessAllowGapNamesIt(@TempDir Path dir) {
        String state = dir.toString();
        assertThat(run(calculate("renewal-clawback", "renewal", "--period", "2026-01", "--state", state)).code()).isZero();
        Run skip = run(calculate("renewal-clawback", "renewal", "--period", "2026-03", "--state", state));
        assertThat(skip.code()).isEqualTo(1);
        assertThat(skip.err()).contains("would skip 2026-02 (2026-02-01..2026-02-28)").contains("--allow-gap 2026-02");
        assertThat(dir.resolve("ledger-000002-2026-03.json")).doesNotExist();
        Run gap = run(calculate("renewal-clawback", "renewal", "--period", "2026-03", "--state", state, "--allow-gap", "2026-02"));
        assertThat(gap.code()).as(gap.err()).isZero();
        assertThat(gap.err()).contains("state after 2026-03 committed in " + state);
        assertThat(dir.resolve("ledger-000002-2026-03.json")).exists();
        Run bad = run(calculate("renewal-clawback", "renewal", "--period", "2026-04", "--allow-gap", "2026-02"));
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--allow-gap needs --state");
    }

    @Test
    void calculate_tornState_isRefusedWithHowToResume_andNothingIsPaidOnIt(@TempDir Path dir) throws Exception {
        String state = dir.toString();
        assertThat(run(calculate("renewal-clawback", "renewal", "--period", "2026-01", "--state", state)).code()).isZero();
        Path jan = dir.resolve("ledger-000001-2026-01.json");
        byte[] bytes = Files.readAllBytes(jan);
        Files.write(jan, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Run r = run(calculate("renewal-clawback", "renewal", "--period", "2026-02", "--state", state));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("not complete JSON").contains("To resume, move ledger-000001-2026-01.json out of")
                .contains("calculate 2026-01 again");
    }

    @Test
    void calculate_overlappingPlanVersions_isALocatedProblem(@TempDir Path dir) throws Exception {
        String plan = Files.readString(EXAMPLES.resolve("ae-marginal.yaml")).replace("effectiveFrom: 2026-01-01\n", "");
        Path h1 = Files.writeString(dir.resolve("h1.yaml"), plan + "effectiveFrom: 2026-01-01\neffectiveTo: 2026-06-30\n");
        Path h2 = Files.writeString(dir.resolve("h2.yaml"), plan + "effectiveFrom: 2026-06-01\n");
        List<String> a = new ArrayList<>(List.of(calculate("ae-marginal", "ae", "--period", "2026-Q2")));
        a.addAll(List.of("--plan", h1.toString(), "--plan", h2.toString()));
        a.remove(2);
        a.remove(2); // the bundled plan itself
        Run r = run(a.toArray(new String[0]));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(h2 + ":").contains("effectiveFrom: version 2026-06-01..(open) overlaps version"
                + " 2026-01-01..2026-06-30 in " + h1);
    }

    @Test
    void calculate_aPeriodBeforeThePlanStarts_isTheUsersError_exit1() {
        // ae-marginal is effective from 2026-01-01: 2025-Q4 has no version (it was an internal error, exit 3).
        Run r = run(calculate("ae-marginal", "ae", "--period", "2025-Q4"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no plan version is effective in 2025-Q4 (2025-10-01 to 2025-12-31)")
                .doesNotContain("Exception");
    }

    @Test
    void calculate_amountsPastTheLongRange_nameThePayeeAndComponent(@TempDir Path dir) throws Exception {
        Path plan = Files.writeString(dir.resolve("flat.yaml"),
                "name: Flat\ncurrency: USD\ncomponents:\n  - name: Bookings\n    pay: {type: flat_rate, rate: 1}\n");
        Path credits = Files.writeString(dir.resolve("credits.csv"), "id,payee,date,amount\n"
                + "C-1,ae-1,2026-01-05,90000000000000000.00\nC-2,ae-1,2026-01-06,90000000000000000.00\n");
        Run r = run("comp", "calculate", "--plan", plan.toString(), "--credits", credits.toString(), "--period", "2026-01");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("payee[ae-1]").contains("component \"Bookings\"").doesNotContain("Exception");
    }

    @Test
    void calculate_targetsThePlanCannotUse_nameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path worked = EXAMPLES.resolve("worked").resolve("ote-target-per-rep");
        Path targets = Files.writeString(dir.resolve("targets.csv"),
                "payee,component,target\nbruno,Variable,90000\nzed,Variable,1\nanna,Varible,1\n");
        Run r = run("comp", "calculate", "--plan", worked.resolve("plan.yaml").toString(), "--credits",
                worked.resolve("credits.csv").toString(), "--org", worked.resolve("org.csv").toString(), "--quotas",
                worked.resolve("quotas.csv").toString(), "--targets", targets.toString(), "--period", "FY2026");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(targets + ":3: payee zed is not in the org")
                .contains(targets + ":4: the plan has no component \"Varible\" (target of payee anna); components with a"
                        + " target: [Variable]")
                .doesNotContain("Exception");
        Files.writeString(targets, "payee,component,target\nbruno,Variable,-1\n");
        Run neg = run("comp", "calculate", "--plan", worked.resolve("plan.yaml").toString(), "--credits",
                worked.resolve("credits.csv").toString(), "--org", worked.resolve("org.csv").toString(), "--quotas",
                worked.resolve("quotas.csv").toString(), "--targets", targets.toString(), "--period", "FY2026");
        assertThat(neg.code()).isEqualTo(1);
        assertThat(neg.err()).contains("targets.csv:2:3").contains("negative");
    }

    @Test
    void htmlFileNames_neverCollide_forIdsThatNaiveEscapingMerges() {
        assertThat(StatementHtml.fileName("a/b", "2026-Q1")).isEqualTo("statement-a_002Fb-2026-Q1.html");
        assertThat(StatementHtml.fileName("a_002Fb", "2026-Q1")).isEqualTo("statement-a_005F002Fb-2026-Q1.html");
        assertThat(StatementHtml.fileNames(List.of("a/b", "a_002Fb", "../x", ".x"), "2026-Q1").values())
                .doesNotHaveDuplicates().allMatch(n -> !n.contains("/") && !n.startsWith("."));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatementHtml.fileNames(List.of("Ann", "ann"), "2026-Q1"))
                .hasMessageContaining("differ only in letter case");
    }

    @Test
    void calculate_html_writesOneEscapedSelfContainedFilePerPayeeWithAChart(@TempDir Path dir) throws Exception {
        Run r = run(calculate("ae-marginal", "ae", "--period", "2026-Q1", "--format", "html", "--out", dir.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("statement-ae-1-2026-Q1.html"));
        assertThat(html).contains("USD 12,500.00").contains("data:image/png;base64,").doesNotContain("<script")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(dir.resolve("statement-ae-2-2026-Q1.html")).exists();
        assertThat(StatementHtml.esc("<b>\"A&B\"</b>")).isEqualTo("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
    }

    @Test
    void explain_printsEveryLineWithItsFormulaAndTheReconciliation() {
        List<String> a = new ArrayList<>(List.of("comp", "explain", "--payee", "ren-1"));
        a.addAll(List.of(inputs("renewal-clawback", "renewal", "--period", "2026-Q1")));
        Run r = run(a.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("USD 2,880.00 = 4% x USD 72,000.00").contains("USD -720.00 = clawback of deal D-102")
                .contains("net pay USD 2,460.00 (the sum of the 4 lines above: USD 2,460.00)");
    }

    @Test
    void whatif_oneMoreDealAboveQuota_paysTheAcceleratedRate() {
        List<String> a = new ArrayList<>(List.of("comp", "whatif", "--payee", "ae-1", "--deal", "20000"));
        a.addAll(List.of(inputs("ae-marginal", "ae", "--period", "2026-Q1")));
        Run r = run(a.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        // ae-1 is at 125% already: 20,000 more at 12% x 1.5 = 3,600.
        assertThat(r.out()).contains("extra pay                USD 3,600.00");
    }

    @Test
    void compAlone_isAUsageError() {
        Run r = run("comp");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("validate").contains("calculate");
    }
}
