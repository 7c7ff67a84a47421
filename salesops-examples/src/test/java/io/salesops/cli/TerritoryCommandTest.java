package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TerritoryCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path accounts;
    private Path reps;
    private Path current;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** 300 accounts around two cities, 6 reps, current = nearest rep (the bigger city's reps overloaded). */
    @BeforeEach
    void book() throws IOException {
        Random rnd = new Random(9);
        double[][] homes = {{48.1, 11.5}, {48.2, 11.7}, {48.0, 11.3}, {52.5, 13.4}, {52.4, 13.2}, {52.6, 13.6}};
        StringBuilder a = new StringBuilder("account,lat,lon,potential,workload,segment\n");
        StringBuilder c = new StringBuilder("account,rep\n");
        for (int i = 0; i < 300; i++) {
            boolean south = rnd.nextDouble() < 0.7;
            double lat = (south ? 48.1 : 52.5) + rnd.nextGaussian() * 0.2;
            double lon = (south ? 11.5 : 13.4) + rnd.nextGaussian() * 0.3;
            long potential = Math.round(Math.exp(9 + rnd.nextGaussian()));
            a.append(String.format(java.util.Locale.ROOT, "A%03d,%.4f,%.4f,%d,%d,%s%n", i, lat, lon, potential,
                    5 + rnd.nextInt(20), potential > 20000 ? "Enterprise" : "SMB"));
            int best = 0;
            for (int j = 1; j < homes.length; j++) {
                if (Math.hypot(homes[j][0] - lat, homes[j][1] - lon) < Math.hypot(homes[best][0] - lat, homes[best][1] - lon)) {
                    best = j;
                }
            }
            c.append(String.format("A%03d,R%d%n", i, best + 1));
        }
        StringBuilder r = new StringBuilder("rep,lat,lon,capacity\n");
        for (int j = 0; j < homes.length; j++) {
            r.append("R").append(j + 1).append(',').append(homes[j][0]).append(',').append(homes[j][1]).append(",1\n");
        }
        accounts = write("accounts.csv", a.toString());
        reps = write("reps.csv", r.toString());
        current = write("current.csv", c.toString());
    }

    @Test
    void plan_csv_assignsEveryAccountOnceWithinToleranceAndCap() throws IOException {
        int code = run("territory", "plan", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--current", current.toString(), "--balance", "potential,workload", "--tolerance", "5",
                "--max-moves", "20%", "--format", "csv");
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).isEqualTo("account,rep,previous_rep");
        assertThat(lines).hasSize(301);
        Set<String> seen = new HashSet<>();
        int moves = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(seen.add(f[0])).isTrue();
            assertThat(f[1]).matches("R[1-6]");
            moves += f[1].equals(f[2]) ? 0 : 1;
        }
        assertThat(moves).isLessThanOrEqualTo(60);
        assertThat(err.toString()).contains("result    every constraint met");

        Path plan = write("plan.csv", out.toString());
        int check = run("territory", "check", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--assignment", plan.toString(), "--format", "json");
        assertThat(check).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("meetsConstraints").asBoolean()).isTrue();
        assertThat(json.get("moves").asInt()).isEqualTo(moves);
    }

    @Test
    void plan_table_printsOneRowPerRepAndTheSummary() {
        int code = run("territory", "plan", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--current", current.toString(), "--method", "greedy");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("potential_vs_target_pct").contains("R6").contains("moves ")
                .contains("every constraint met");
    }

    @Test
    void check_currentAssignment_isOutOfBalanceAndExitsWithFour() {
        int code = run("territory", "check", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--assignment", current.toString());
        assertThat(code).isEqualTo(TerritoryOptions.CONSTRAINTS_NOT_MET);
        assertThat(out.toString()).contains("reps outside +-5% of target");
    }

    @Test
    void plan_oneAccountLargerThanARepsShare_writesTheFullPlanAndExitsWithFour() throws IOException {
        Path big = write("big.csv", "account,lat,lon,potential,workload\nBIG,48,11,1000000,1\nS1,48,11,10,1\n"
                + "S2,48,11,10,1\n");
        Path two = write("two.csv", "rep,lat,lon\nR1,48,11\nR2,48.1,11\n");
        int code = run("territory", "plan", "--accounts", big.toString(), "--reps", two.toString(), "--format", "csv");
        assertThat(code).isEqualTo(TerritoryOptions.CONSTRAINTS_NOT_MET);
        assertThat(out.toString().split("\\R")).hasSize(4);
        assertThat(err.toString()).contains("account BIG alone has 1000000");
    }

    @Test
    void plan_badAccountsFile_namesFileLineAndColumn() throws IOException {
        Path bad = write("bad.csv", "account,lat,lon,potential,workload\nA1,48,11,ten,1\n");
        int code = run("territory", "plan", "--accounts", bad.toString(), "--reps", reps.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("salesops: error: " + bad + ":2:4 (potential): \"ten\" is not a decimal "
                + "number (use digits and a '.' point)" + System.lineSeparator());
    }

    @Test
    void plan_badOptions_areBadInputNotStackTraces() {
        assertThat(run("territory", "plan", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--tolerance", "five")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--tolerance \"five\" is not a percentage");
        assertThat(run("territory", "plan", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--balance", "revenue")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("balance measure \"revenue\" is not one of potential, workload");
    }

    @Test
    void plan_workloadModel_buildsWorkloadUpAndReportsRepsNeeded() throws IOException {
        Path model = write("workload.csv", "segment,visits_per_year,hours_per_visit\nEnterprise,12,3\nSMB,4,1.5\n");
        int code = run("territory", "plan", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--current", current.toString(), "--workload-model", model.toString(), "--rep-hours", "100",
                "--max-moves", "50%");
        assertThat(code).as(err.toString()).isIn(ExitCodes.OK, TerritoryOptions.CONSTRAINTS_NOT_MET);
        assertThat(out.toString()).containsPattern("coverage  300 accounts need [0-9.]+ hours a year: [0-9.]+ reps at 100 "
                + "hours; the reps file has capacity 6");
    }

    @Test
    void plan_withRulesAndMap_balancesEachTerritoryAndDrawsThePng() throws IOException {
        Path rules = write("rules.yaml", """
                rules:
                  - segment = Enterprise -> KEY
                  - otherwise -> VOLUME
                territories:
                  KEY: [R1, R4]
                  VOLUME: [R2, R3, R5, R6]
                """);
        Path map = dir.resolve("map.png");
        int code = run("territory", "plan", "--accounts", accounts.toString(), "--reps", reps.toString(),
                "--rules", rules.toString(), "--format", "json", "--map", map.toString(), "--max-moves", "100%",
                "--tolerance", "10");
        assertThat(code).as(err.toString()).isIn(ExitCodes.OK, TerritoryOptions.CONSTRAINTS_NOT_MET);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        Map<String, String> groupOfRep = new HashMap<>();
        json.get("reps").forEach(r -> groupOfRep.put(r.get("rep").asText(), r.get("group").asText()));
        assertThat(groupOfRep).containsEntry("R1", "KEY").containsEntry("R2", "VOLUME");
        assertThat(Files.size(map)).isGreaterThan(1000);
    }
}
