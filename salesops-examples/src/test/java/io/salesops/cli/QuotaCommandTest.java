package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code salesops quota plan} on small org files written by the test. */
class QuotaCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path org() throws IOException {
        return write("org.csv", """
                rep,name,manager,team,territory,start_date,end_date
                vp,Vera,,,,2020-01-01,
                m1,Max,vp,east,EAST,2020-01-01,
                m2,Mia,vp,west,WEST,2020-01-01,
                a,Ann,m1,east,EAST,2021-01-01,
                b,Bob,m1,east,EAST,2022-01-01,
                c,Cid,m2,west,WEST,2021-06-01,
                d,Dee,m2,west,WEST,2027-04-01,
                """);
    }

    @Test
    void plan_csv_sumsToTargetTimesOverAssignment_everyLeafEveryQuarter() throws IOException {
        Path ramp = write("ramp.csv", "month,percent\n1,0\n2,50\n3,50\n");
        CompCommandTest.Run r = CompCommandTest.run("quota", "plan", "--target", "1000000.01", "--fiscal-year", "FY2027",
                "--reps", org().toString(), "--method", "equal", "--over-assign", "10%", "--ramp", ramp.toString(),
                "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("rep,period,quota,currency,method,explanation");
        Map<String, Integer> perRep = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", 6);
            perRep.merge(c[0], 1, Integer::sum);
            sum = sum.add(new BigDecimal(c[2]));
            assertThat(c[3]).isEqualTo("USD");
            assertThat(c[4]).isEqualTo("equal");
        }
        assertThat(perRep).containsOnlyKeys("a", "b", "c", "d").containsValues(4);
        assertThat(sum).isEqualByComparingTo("1100000.01"); // 1,000,000.01 x 1.1 = 1,100,000.011, half up
        // d joins 2027-04-01: nothing in Q1, ramp 0%/50%/50% in Q2 = a third of a full quarter
        String dQ1 = lines.stream().filter(l -> l.startsWith("d,2027-Q1,")).findFirst().orElseThrow();
        assertThat(dQ1).startsWith("d,2027-Q1,0.00,USD");
    }

    @Test
    void plan_isIdenticalAcrossRuns_andTableShowsTeams() throws IOException {
        String[] args = {"quota", "plan", "--target", "USD 5000000", "--fiscal-year", "FY2027", "--reps", org().toString(),
            "--method", "equal", "--periods", "month", "--format", "csv"};
        assertThat(CompCommandTest.run(args).out()).isEqualTo(CompCommandTest.run(args).out());
        CompCommandTest.Run table = CompCommandTest.run("quota", "plan", "--target", "5000000", "--fiscal-year", "FY2027",
                "--reps", org().toString(), "--method", "equal");
        assertThat(table.out()).contains("Team quota USD").contains("m1").contains("total USD 5,000,000.00");
    }

    @Test
    void plan_badRampFile_isOneLocatedErrorPerProblem_exit1() throws IOException {
        Path ramp = write("ramp.csv", "month,percent\n1,25\n2,150\nx,50\n");
        CompCommandTest.Run r = CompCommandTest.run("quota", "plan", "--target", "1000", "--fiscal-year", "FY2027",
                "--reps", org().toString(), "--method", "equal", "--ramp", ramp.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ramp.csv:3:2 (percent)").contains("outside 0%..100%")
                .contains("ramp.csv:4:1 (month)").doesNotContain("Exception");
    }

    @Test
    void plan_historicalWithoutHistory_saysWhatIsMissing_exit1() throws IOException {
        CompCommandTest.Run r = CompCommandTest.run("quota", "plan", "--target", "1000", "--fiscal-year", "FY2027",
                "--reps", org().toString(), "--method", "historical");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("method historical has no usable figure");
    }

    @Test
    void capacity_printsHiresWithARange_andAMonthTable() throws IOException {
        Path ramp = write("ramp.csv", "month,percent\n1,25\n2,50\n3,75\n");
        CompCommandTest.Run r = CompCommandTest.run("quota", "capacity", "--target", "12000000", "--fiscal-year", "FY2027",
                "--productivity", "1000000", "--ramp", ramp.toString(), "--attrition", "15%", "--reps", org().toString(),
                "--hire-by", "3", "--simulations", "300", "--seed", "4");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Hires needed for USD 12,000,000.00 in FY2027: \\d+ \\(range \\d+\\.\\.\\d+")
                .contains("2027-12").contains("Ramped FTE");
        CompCommandTest.Run csv = CompCommandTest.run("quota", "capacity", "--target", "12000000", "--fiscal-year", "FY2027",
                "--productivity", "1000000", "--current", "3", "--format", "csv");
        assertThat(csv.out()).startsWith("month,hired,headcount,ramped_fte,bookings_usd\n");
        assertThat(csv.err()).contains("hires needed 9");
    }
}
