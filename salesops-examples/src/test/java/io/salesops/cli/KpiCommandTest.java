package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables {@code salesops kpi} prints besides the KPI rows: cohorts, consistency, stage durations. */
class KpiCommandTest {

    @TempDir
    Path dir;

    private Path opportunities() throws IOException {
        Path p = dir.resolve("opps.csv");
        Files.writeString(p, """
                id,owner,stage,amount,created_date,close_date,status
                O-1,ann,Proposal,1000.00,2026-06-01,2026-08-10,open
                O-2,ann,Negotiation,2000.00,2026-06-01,2026-09-30,open
                O-3,bob,Prospecting,333.33,2026-06-01,2026-07-20,open
                W-1,bob,Closed Won,400.00,2026-05-01,2026-07-02,won
                """);
        return p;
    }

    private ForecastPipelineCommandTest.Run kpi(String format) throws IOException {
        return ForecastPipelineCommandTest.run("kpi", "--opportunities", opportunities().toString(), "--from", "2026-Q2",
                "--to", "2026-Q3", "--by", "owner", "--format", format);
    }

    @Test
    void json_keepsTheRowsAndAddsCohortsAndConsistency() throws IOException {
        ForecastPipelineCommandTest.Run r = kpi("json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode total = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(total.get("won").asInt()).isEqualTo(1);
        JsonNode q2 = total.get("cohorts").get(0);
        assertThat(q2.get("cohort").asText()).isEqualTo("2026-Q2");
        assertThat(q2.get("created").asInt()).isEqualTo(4);
        assertThat(q2.get("won").asInt()).isEqualTo(1);
        assertThat(q2.get("open").asInt()).isEqualTo(3);
        assertThat(q2.get("winRateByCount").asDouble()).isEqualTo(1.0);
        // bookings 0 in Q2 and 400.00 in Q3: mean 200, standard deviation 200
        assertThat(total.get("bookingsCv").asDouble()).isEqualTo(1.0);
        assertThat(total.get("activePeriods").asInt()).isEqualTo(2);
        assertThat(total.get("stageDurations").size()).isZero();
    }

    @Test
    void anExportWithItsOwnStageNames_convertsThroughItsOwnStages_notTheBuiltInOnes() throws IOException {
        // stages as a public B2B CRM sample names them: one open stage, then won or lost. The built-in model's
        // steps (Prospecting -> Qualification -> ...) do not exist in such a file; before, each printed
        // "N of N (100.0%)". 3 won of 5 closed is 60%.
        Path p = dir.resolve("own-stages.csv");
        Files.writeString(p, """
                id,owner,stage,amount,created_date,close_date
                E-1,ann,Engaging,100.00,2026-05-01,
                W-1,ann,Won,400.00,2026-04-01,2026-05-02
                W-2,bob,Won,300.00,2026-04-03,2026-05-20
                W-3,bob,Won,200.00,2026-04-05,2026-06-02
                L-1,ann,Lost,100.00,2026-04-01,2026-05-03
                L-2,bob,Lost,100.00,2026-04-02,2026-06-10
                """);
        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run("kpi", "--opportunities", p.toString(),
                "--from", "2026-Q2", "--to", "2026-Q2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("conversion Engaging -> Won: 3 of 5 (60.0%)").doesNotContain("Qualification");
        assertThat(r.err()).contains("salesops: note: stages inferred from the data").contains("open [Engaging]")
                .contains("won [Won]; lost [Lost]");
    }

    @Test
    void backtest_ofAnExportWithItsOwnStageNames_runsTheDefaultForecast_notAnError() throws IOException {
        // before, the backtest forced the built-in stage model on every period and stopped at the first open deal
        // at "Engaging"; it now backtests what forecast pipeline makes by default (auto, stages inferred)
        StringBuilder csv = new StringBuilder("id,owner,stage,amount,created_date,close_date\n");
        for (int i = 0; i < 60; i++) {
            String created = java.time.LocalDate.of(2026, 1, 5).plusDays(3L * i).toString();
            String closed = java.time.LocalDate.of(2026, 1, 25).plusDays(3L * i).toString();
            String stage = i % 5 == 4 ? "Engaging" : i % 3 == 0 ? "Lost" : "Won";
            csv.append("D-").append(i).append(',').append(i % 2 == 0 ? "ann" : "bob").append(',').append(stage)
                    .append(",1000.00,").append(created).append(',').append(stage.equals("Engaging") ? "" : closed).append('\n');
        }
        Path p = dir.resolve("own-stages-history.csv");
        Files.writeString(p, csv.toString());
        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run("forecast", "backtest", "--opportunities",
                p.toString(), "--from", "2026-Q2", "--to", "2026-Q2", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("periods").get(0).get("actual").asText()).isNotBlank();
        ForecastPipelineCommandTest.Run bad = ForecastPipelineCommandTest.run("forecast", "backtest", "--opportunities",
                p.toString(), "--from", "2026-Q2", "--to", "2026-Q2", "--method", "magic");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--method magic is not one of auto, time_to_event, stage_weighted");
        ForecastPipelineCommandTest.Run both = ForecastPipelineCommandTest.run("forecast", "backtest", "--opportunities",
                p.toString(), "--from", "2026-Q2", "--to", "2026-Q2", "--method", "auto", "--fixed");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--fixed sets the stage-weighted method's probabilities");
    }

    @Test
    void table_saysThereIsNoStageHistory_andNamesOwnersWithTooFewPeriods() throws IOException {
        ForecastPipelineCommandTest.Run r = kpi("table");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("stage durations: no stage history");
        assertThat(r.out()).containsPattern("2026-Q2\\s+4\\s+1\\s+0\\s+3\\s+100.0%");
        // ann's deals were all created in Q2 and are still open: one active period
        assertThat(r.out()).containsPattern("ann\\s+- \\(fewer than 2 periods\\) over 1 periods");
        assertThat(r.out()).containsPattern("Total\\s+1.000 over 2 periods");
    }

    @Test
    void withHistory_printsStageDurationsAndTheFunnel() throws IOException {
        Path history = dir.resolve("history.csv");
        Files.writeString(history, """
                opportunity_id,date,stage
                W-1,2026-05-01,Prospecting
                W-1,2026-05-11,Proposal
                W-1,2026-07-02,Closed Won
                O-3,2026-06-01,Prospecting
                """);
        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run("kpi", "--opportunities", opportunities().toString(),
                "--history", history.toString(), "--from", "2026-Q2", "--to", "2026-Q3");
        assertThat(r.code()).as(r.err()).isZero();
        // W-1: Prospecting May 1 -> May 11 = 10 days, Proposal May 11 -> Jul 2 = 52 days
        assertThat(r.out()).contains("stage duration Prospecting: median 10.0d, mean 10.0d over 1 stays");
        assertThat(r.out()).contains("stage duration Proposal: median 52.0d, mean 52.0d over 1 stays");
        assertThat(r.out()).containsPattern("Prospecting\\s+2\\s+0\\n");
        assertThat(r.out()).containsPattern("Closed Won\\s+0\\s+1\\n");
        JsonNode total = new ObjectMapper().readTree(ForecastPipelineCommandTest.run("kpi", "--opportunities",
                opportunities().toString(), "--history", history.toString(), "--from", "2026-Q2", "--to", "2026-Q3",
                "--format", "json").out()).get(0);
        assertThat(total.get("funnel").get(0).get("entered").get("2026-Q2").asInt()).isEqualTo(2);
    }

    @Test
    void csv_addsTheConsistencyColumns() throws IOException {
        ForecastPipelineCommandTest.Run r = kpi("csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).startsWith("group,won,lost,").endsWith(",bookingsCv,activePeriods,consistencyNote");
        assertThat(lines[1]).startsWith("Total,").endsWith(",1.0,2,");
    }

    @Test
    void aWindowReachingYear9999OrTooLong_isTheUsersError_notABug() throws IOException {
        ForecastPipelineCommandTest.Run edge = ForecastPipelineCommandTest.run("kpi", "--opportunities",
                opportunities().toString(), "--from", "9999-Q3", "--to", "9999-Q4");
        assertThat(edge.code()).as(edge.err()).isZero();
        ForecastPipelineCommandTest.Run huge = ForecastPipelineCommandTest.run("kpi", "--opportunities",
                opportunities().toString(), "--from", "0001-Q1", "--to", "9999-Q4");
        assertThat(huge.code()).isEqualTo(1);
        assertThat(huge.err()).contains("--from/--to: KPI window 0001-Q1 to 9999-Q4 has 39996 periods; at most 1200")
                .doesNotContain("Exception");
    }
}
