package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ForecastPipelineCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SalesopsCli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Path opportunities() throws IOException {
        return write("opps.csv", """
                id,owner,stage,amount,created_date,close_date,status
                O-1,ann,Proposal,1000.00,2026-06-01,2026-08-10,open
                O-2,ann,Negotiation,2000.00,2026-06-01,2026-09-30,open
                O-3,bob,Prospecting,333.33,2026-06-01,2026-07-20,open
                W-1,bob,Closed Won,400.00,2026-05-01,2026-07-02,won
                """);
    }

    @Test
    void json_byOwnerThroughTheOrg_givesTheHandComputedNodes() throws IOException {
        Path org = write("org.csv", "rep,name,manager\nm1,Max,\nann,Ann,m1\nbob,Bob,m1\n");
        Path quotas = write("quotas.csv", "rep,period,amount,currency\nbob,2026-Q3,1000.00,USD\n");
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--org", org.toString(),
                "--quotas", quotas.toString(), "--as-of", "2026-07-15", "--period", "2026-Q3", "--by", "owner",
                "--timing", "close_date", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode nodes = new ObjectMapper().readTree(r.out());
        JsonNode total = nodes.get(0);
        assertThat(total.get("group").asText()).isEqualTo("Total");
        // 1000 x 50% + 2000 x 75% + 333.33 x 10% (33.33) + 400.00 won
        assertThat(total.get("expected").asText()).isEqualTo("2433.33");
        assertThat(total.get("closed").asText()).isEqualTo("400.00");
        assertThat(total.get("commitForecast").asText()).isEqualTo("2400.00");
        assertThat(total.get("bestCaseForecast").asText()).isEqualTo("3400.00");
        JsonNode bob = null;
        for (JsonNode n : nodes) {
            if (n.get("group").asText().equals("bob")) {
                bob = n;
            }
        }
        assertThat(bob).isNotNull();
        assertThat(bob.get("parent").asText()).isEqualTo("m1");
        assertThat(bob.get("quota").asText()).isEqualTo("1000.00");
        assertThat(bob.get("attainment").asText()).isEqualTo("40");
        assertThat(bob.get("coverage").asText()).isEqualTo("0.56");
        assertThat(bob.get("p50").isNull()).isTrue();
    }

    @Test
    void simulations_giveOrderedPercentilesAndTheSameNumbersForTheSameSeed() throws IOException {
        String[] args = {"forecast", "pipeline", "--opportunities", opportunities().toString(), "--as-of", "2026-07-15",
            "--period", "2026-Q3", "--simulations", "2000", "--seed", "3", "--format", "csv"};
        Run a = run(args);
        Run b = run(args);
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(a.out()).startsWith("group,label,kind,parent,depth,closed,openPipeline");
    }

    @Test
    void unknownStage_ofAStagesFile_isExitCodeOneWithAMessageNamingTheOpportunity() throws IOException {
        Path opps = write("bad.csv", "id,owner,stage,amount,created_date,close_date\nO-9,ann,Demo,1.00,2026-06-01,2026-08-01\n");
        Path stages = write("stages.csv", "stage,probability,outcome\nProposal,50,open\nWon,100,won\nLost,0,lost\n");
        Run r = run("forecast", "pipeline", "--opportunities", opps.toString(), "--stages", stages.toString(),
                "--as-of", "2026-07-15", "--period", "2026-Q3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("O-9").contains("Demo").doesNotContain("Exception");
    }

    @Test
    void ownStageNames_withNoOtherOption_areInferred_andTheForecastRuns() throws IOException {
        StringBuilder csv = new StringBuilder("id,owner,stage,amount,created_date,close_date\n");
        for (int i = 0; i < 40; i++) {
            String owner = i % 2 == 0 ? "ann" : "bob";
            String created = "2026-0" + (1 + i % 5) + "-1" + (i % 9);
            csv.append("W-").append(i).append(',').append(owner).append(",Won,").append(100 + i).append(".00,")
                    .append(created).append(',').append("2026-0" + (2 + i % 5) + "-0" + (1 + i % 9)).append('\n');
            csv.append("L-").append(i).append(',').append(owner).append(",Lost,").append(90 + i).append(".00,")
                    .append(created).append(',').append("2026-0" + (2 + i % 5) + "-2" + (i % 9)).append('\n');
        }
        csv.append("O-1,ann,Engaging,500.00,2026-06-20,\nO-2,bob,Prospecting,700.00,2025-07-01,\n");
        Path opps = write("own-stages.csv", csv.toString());
        Run r = run("forecast", "pipeline", "--opportunities", opps.toString(), "--as-of", "2026-07-01", "--period", "2026-Q3",
                "--by", "owner", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode nodes = new ObjectMapper().readTree(r.out());
        assertThat(nodes.get(0).get("group").asText()).isEqualTo("Total");
        assertThat(nodes.get(0).has("expected")).isTrue();
        assertThat(nodes.get(0).has("runRateBlend")).isTrue();
        Run t = run("forecast", "pipeline", "--opportunities", opps.toString(), "--as-of", "2026-07-01", "--period", "2026-Q3");
        assertThat(t.out()).contains("# stages inferred from the data").contains("Engaging").contains("# method auto");
    }

    @Test
    void aBadDealBeyondTheFirstChunk_onTwoThreads_isExitCodeOne() throws IOException {
        StringBuilder csv = new StringBuilder("id,owner,stage,amount,created_date,close_date,status\n");
        for (int i = 0; i < 70_000; i++) {
            csv.append("O-").append(i).append(",ann,Proposal,10.00,2026-06-01,2026-08-10,open\n");
        }
        csv.append("O-LAST,zoe,Proposal,10.00,2026-06-01,2026-08-10,open\n");
        Path opps = write("big.csv", csv.toString());
        Path org = write("org.csv", "rep,name,manager\nm1,Max,\nann,Ann,m1\n");
        Run r = run("forecast", "pipeline", "--opportunities", opps.toString(), "--org", org.toString(), "--by", "owner",
                "--as-of", "2026-07-15", "--period", "2026-Q3", "--threads", "2", "--method", "stage_weighted");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("O-LAST").contains("zoe").doesNotContain("Exception");
    }

    @Test
    void unknownByAttribute_isExitCodeOneNamingIt_notOneNoneGroup() throws IOException {
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--as-of", "2026-07-15",
                "--period", "2026-Q3", "--by", "regoin");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--by regoin").contains("owner");
        Run k = run("kpi", "--opportunities", opportunities().toString(), "--from", "2026-Q3", "--to", "2026-Q3", "--by", "regoin");
        assertThat(k.code()).isEqualTo(1);
        assertThat(k.err()).contains("--by regoin");
    }

    @Test
    void kpiHygiene_listsEachFlagWithTheDealAndTheRule() throws IOException {
        Run r = run("kpi", "--hygiene", "--opportunities", opportunities().toString(), "--as-of", "2026-08-15", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode flags = new ObjectMapper().readTree(r.out());
        // O-1 (close date 2026-08-10) and O-3 (2026-07-20) have passed their close dates on 2026-08-15
        assertThat(flags.findValuesAsText("deal")).contains("O-1", "O-3");
        assertThat(flags.findValuesAsText("rule")).contains("past_close_date", "missing_field");
        assertThat(run("kpi", "--opportunities", opportunities().toString()).code()).isEqualTo(2);
    }

    @Test
    void fiscalYearStart_shiftsThePeriods() throws IOException {
        // with a year starting in February (named for the year it ends in), FY2027-Q2 is May to July 2026:
        // W-1 (won 2026-07-02) is in it
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--as-of", "2026-07-15",
                "--period", "2027-Q2", "--fiscal-year-start", "feb", "--timing", "close_date", "--no-new-business",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get(0).get("closed").asText()).isEqualTo("400.00");
        Run bad = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--as-of", "2026-07-15",
                "--period", "2026-Q2", "--fiscal-year-start", "13");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--fiscal-year-start 13");
    }

    @Test
    void stagesFile_withEveryProbabilityAtMostOne_isAnErrorNamingBothReadings() throws IOException {
        Path stages = write("fractions.csv", "stage,probability,outcome\nProposal,0.5,open\nNegotiation,1,open\nWon,1,won\nLost,0,lost\n");
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--stages", stages.toString(),
                "--as-of", "2026-07-15", "--period", "2026-Q3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("fractions.csv").contains("[0.5%, 1%, 1%]").contains("[50%, 100%, 100%]")
                .doesNotContain("Exception");
    }

    @Test
    void badPeriod_isExitCodeOne_andMissingOption_isTwo() throws IOException {
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--as-of", "2026-07-15", "--period", "2026-Q5");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("2026-Q5");
        assertThat(run("forecast", "pipeline", "--opportunities", "x.csv").code()).isEqualTo(2);
    }

    @Test
    void stagesFile_replacesTheModelAndBadRowsNameFileAndLine() throws IOException {
        Path stages = write("stages.csv", "stage,probability,forecast_category,outcome\nProposal,40,Best Case,open\n"
                + "Negotiation,90,Commit,open\nProspecting,5,Pipeline,open\nClosed Won,100,Closed,won\nClosed Lost,0,Omitted,lost\n");
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--stages", stages.toString(),
                "--as-of", "2026-07-15", "--period", "2026-Q3", "--timing", "close_date", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        // 1000 x 40% + 2000 x 90% + 333.33 x 5% (16.67) + 400.00
        assertThat(new ObjectMapper().readTree(r.out()).get(0).get("expected").asText()).isEqualTo("2616.67");
        Path bad = write("bad-stages.csv", "stage,probability\nProposal,lots\n");
        Run e = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--stages", bad.toString(),
                "--as-of", "2026-07-15", "--period", "2026-Q3");
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.err()).contains("bad-stages.csv:2").contains("probability");
    }

    @Test
    void anUnknownMethod_isAUsageErrorOnTheCommandsOwnErrorStream() throws IOException {
        Run r = run("forecast", "pipeline", "--opportunities", opportunities().toString(), "--as-of", "2026-07-15",
                "--period", "2026-Q3", "--method", "magic");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--method magic is not one of auto, time_to_event, stage_weighted");
    }

    @Test
    void backtestAndKpi_run() throws IOException {
        Run b = run("forecast", "backtest", "--opportunities", opportunities().toString(), "--from", "2026-Q3", "--to", "2026-Q3",
                "--format", "json");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(new ObjectMapper().readTree(b.out()).get("periods").get(0).get("actual").asText()).isEqualTo("400.00");
        Run k = run("kpi", "--opportunities", opportunities().toString(), "--from", "2026-Q3", "--to", "2026-Q3", "--by", "owner",
                "--format", "json");
        assertThat(k.code()).as(k.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(k.out());
        assertThat(rows.get(0).get("won").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("openDeals").asInt()).isEqualTo(3);
    }
}
