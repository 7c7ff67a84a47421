package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesops comp cost} on quotas from {@code quota plan} and the bundled example files: its simulated
 * credits, paid again by {@code comp calculate}, cost what it says.
 */
class CompCostCommandTest {

    static final Path QUOTA = CompCommandTest.EXAMPLES.resolveSibling("quota");

    @TempDir
    Path dir;

    private Path quotas() throws IOException {
        CompCommandTest.Run plan = CompCommandTest.run("quota", "plan", "--target", "4000000", "--fiscal-year", "FY2027",
                "--reps", QUOTA.resolve("org.csv").toString(), "--history", QUOTA.resolve("history.csv").toString(),
                "--method", "historical", "--over-assign", "10%", "--ramp", QUOTA.resolve("ramp.csv").toString(), "--format", "csv");
        assertThat(plan.code()).as(plan.err()).isZero();
        Path q = dir.resolve("quotas.csv");
        Files.writeString(q, plan.out());
        return q;
    }

    @Test
    void cost_agreesWithCompCalculate_onTheSameSimulatedCredits() throws IOException {
        Path credits = dir.resolve("sim.csv");
        String plan = CompCommandTest.EXAMPLES.resolve("ae-marginal.yaml").toString();
        CompCommandTest.Run cost = CompCommandTest.run("comp", "cost", "--plan", plan, "--quotas", quotas().toString(),
                "--org", QUOTA.resolve("org.csv").toString(), "--attainment-history", QUOTA.resolve("attainment.csv").toString(),
                "--simulations", "300", "--seed", "5", "--write-credits", credits.toString(), "--simulation", "17");
        assertThat(cost.code()).as(cost.err()).isZero();
        assertThat(cost.out()).contains("Total payout P50 USD").contains("Reps at/above quota mean").contains("exact pay tables");
        Matcher m = Pattern.compile("AE marginal 2026 pays them USD ([\\d,.]+)").matcher(cost.err());
        assertThat(m.find()).as(cost.err()).isTrue();
        BigDecimal claimed = new BigDecimal(m.group(1).replace(",", ""));
        // comp calculate reads quotas as rep,period,amount,currency: the first four columns of quota plan's csv
        StringBuilder plain = new StringBuilder("rep,period,amount,currency\n");
        Files.readAllLines(dir.resolve("quotas.csv")).stream().skip(1)
                .forEach(l -> plain.append(String.join(",", java.util.Arrays.copyOf(l.split(",", 5), 4))).append('\n'));
        Path plainQuotas = Files.writeString(dir.resolve("plain-quotas.csv"), plain);
        assertThat(calculate(plan, credits, plainQuotas, 2027)).isEqualByComparingTo(claimed);
        assertThat(claimed.signum()).isPositive();
    }

    /** Copies a file of the bundled sample company into the test directory. */
    private Path sample(String file) throws IOException {
        Path p = dir.resolve(file);
        try (java.io.InputStream in = io.salesops.examples.sample.SampleCompany.bundled(file)) {
            Files.copy(in, p);
        }
        return p;
    }

    /** Pays the credits file with {@code comp calculate} quarter by quarter of the year and returns the total earned. */
    private static BigDecimal calculate(String plan, Path credits, Path quotas, int year) throws IOException {
        BigDecimal paid = BigDecimal.ZERO;
        for (int q = 1; q <= 4; q++) {
            CompCommandTest.Run calc = CompCommandTest.run("comp", "calculate", "--plan", plan, "--credits", credits.toString(),
                    "--quotas", quotas.toString(), "--period", year + "-Q" + q, "--format", "json");
            assertThat(calc.code()).as(calc.err()).isZero();
            for (JsonNode s : new ObjectMapper().readTree(calc.out())) {
                paid = paid.add(s.get("earned").decimalValue());
            }
        }
        return paid;
    }

    @Test
    void forecastMode_agreesWithCompCalculate_onTheSameSimulatedCredits_andIsTheSameOnEveryRun() throws IOException {
        // the sample company's 2026 quotas, its CRM export forecast as of the last day of 2025
        StringBuilder q2026 = new StringBuilder("rep,period,amount,currency\n");
        Files.readAllLines(sample("quotas.csv")).stream().filter(l -> l.contains(",2026-Q")).forEach(l -> q2026.append(l).append('\n'));
        Path quotas = Files.writeString(dir.resolve("quotas-2026.csv"), q2026);
        String plan = CompCommandTest.EXAMPLES.resolve("ae-marginal.yaml").toString();
        Path credits = dir.resolve("sim.csv");
        String[] args = {"comp", "cost", "--plan", plan, "--quotas", quotas.toString(), "--org", sample("org.csv").toString(),
            "--opportunities", sample("opportunities.csv").toString(), "--as-of", "2025-12-31", "--simulations", "200",
            "--seed", "3", "--write-credits", credits.toString(), "--simulation", "11"};
        CompCommandTest.Run cost = CompCommandTest.run(args);
        assertThat(cost.code()).as(cost.err()).isZero();
        assertThat(cost.out()).contains("pipeline forecast as of 2025-12-31").contains("Total payout P50 USD")
                .contains("Reps at/above quota mean").contains("exact pay tables");
        Matcher m = Pattern.compile("AE marginal 2026 pays them USD ([\\d,.]+)").matcher(cost.err());
        assertThat(m.find()).as(cost.err()).isTrue();
        BigDecimal claimed = new BigDecimal(m.group(1).replace(",", ""));
        assertThat(claimed.signum()).isPositive();
        assertThat(calculate(plan, credits, quotas, 2026)).isEqualByComparingTo(claimed);

        String firstCredits = Files.readString(credits);
        CompCommandTest.Run again = CompCommandTest.run(args);
        assertThat(again.out()).isEqualTo(cost.out());
        assertThat(Files.readString(credits)).isEqualTo(firstCredits);
    }

    @Test
    void forecastMode_withoutAsOf_orWithBothSources_isAUsageError_exit2() throws IOException {
        String plan = CompCommandTest.EXAMPLES.resolve("ae-marginal.yaml").toString();
        CompCommandTest.Run noDate = CompCommandTest.run("comp", "cost", "--plan", plan, "--quotas", quotas().toString(),
                "--opportunities", sample("opportunities.csv").toString());
        assertThat(noDate.code()).isEqualTo(2);
        assertThat(noDate.err()).contains("--as-of").doesNotContain("Exception");
        CompCommandTest.Run both = CompCommandTest.run("comp", "cost", "--plan", plan, "--quotas", quotas().toString(),
                "--opportunities", dir.resolve("opportunities.csv").toString(), "--as-of", "2026-12-31",
                "--attainment-history", QUOTA.resolve("attainment.csv").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of");
    }

    @Test
    void compare_showsBothPlansOnTheSameYears_json() throws IOException {
        CompCommandTest.Run cost = CompCommandTest.run("comp", "cost", "--plan", CompCommandTest.EXAMPLES.resolve("ae-marginal.yaml").toString(),
                "--compare", CompCommandTest.EXAMPLES.resolve("new-hire-draw.yaml").toString(), "--quotas", quotas().toString(),
                "--attainment-history", QUOTA.resolve("attainment.csv").toString(), "--simulations", "50", "--seed", "1",
                "--format", "json");
        assertThat(cost.code()).as(cost.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cost.out());
        assertThat(root.get("plans")).hasSize(2);
        assertThat(root.get("plans").get(0).get("bookings_p50")).isEqualTo(root.get("plans").get(1).get("bookings_p50"));
        assertThat(root.get("plans").get(1).get("notes").toString()).contains("in full, because");
    }

    @Test
    void badAttainmentFile_isLocated_exit1() throws IOException {
        Path bad = dir.resolve("att.csv");
        Files.writeString(bad, "rep,period,attainment\nann,2026-Q1,95\nbob,2026-Q9,80\ncid,2026-Q2,-5\n");
        CompCommandTest.Run cost = CompCommandTest.run("comp", "cost", "--plan", CompCommandTest.EXAMPLES.resolve("ae-marginal.yaml").toString(),
                "--quotas", quotas().toString(), "--attainment-history", bad.toString());
        assertThat(cost.code()).isEqualTo(1);
        assertThat(cost.err()).contains("att.csv:3:2 (period)").contains("att.csv:4:3 (attainment)").doesNotContain("Exception");
    }
}
