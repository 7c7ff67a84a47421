package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows with problems in a real export: all of them are listed, and --skip-invalid goes on without them, saying so. */
class InvalidRowsTest {

    @TempDir
    Path dir;

    private Path export() throws IOException {
        Path f = dir.resolve("opps.csv");
        Files.writeString(f, """
                id,owner,stage,amount,created_date,close_date
                A,ann,Proposal,1000.00,2026-06-01,2026-11-10
                B,ann,Proposal,,2026-06-01,2026-11-10
                C,bob,Proposal,12.3456,2026-06-01,2026-11-10
                D,bob,Negotiation,2000.00,2026-06-01,2026-12-01
                E,bob,Closed Won,100,2026-06-01,
                """);
        return f;
    }

    @Test
    void everyProblemIsListed_notOnlyTheFirst_withTheWayOut() throws IOException {
        var r = ForecastPipelineCommandTest.run("forecast", "pipeline", "--opportunities", export().toString(),
                "--as-of", "2026-10-01", "--period", "2026-Q4");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("opps.csv:3:4 (amount): amount is empty; it is required",
                "opps.csv:4:4 (amount): \"12.3456\" has 4 decimal places",
                "opps.csv:6:6 (close_date): a won deal needs a close date",
                "3 problems in the input; fix them, or give --skip-invalid to leave the rows out");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void skipInvalid_forecastsTheValidRows_andSaysHowManyWereLeftOut() throws IOException {
        var r = ForecastPipelineCommandTest.run("forecast", "pipeline", "--opportunities", export().toString(),
                "--as-of", "2026-10-01", "--period", "2026-Q4", "--skip-invalid", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        // A and D are open and valid: USD 1,000 + 2,000; B, C and E are left out, and said to be
        assertThat(new ObjectMapper().readTree(r.out()).get(0).get("openPipeline").asText()).isEqualTo("3000.00");
        assertThat(r.err()).contains("left out 3 rows of opps.csv with 3 problems (--skip-invalid), the first:")
                .contains("opps.csv:3:4 (amount): amount is empty");
    }

    @Test
    void theOtherReadersOfOpportunities_takeTheSameOption() throws IOException {
        var kpi = ForecastPipelineCommandTest.run("kpi", "--opportunities", export().toString(), "--skip-invalid",
                "--hygiene", "--as-of", "2026-10-01");
        assertThat(kpi.code()).as(kpi.err()).isZero();
        assertThat(kpi.err()).contains("left out 3 rows");
        var backtest = ForecastPipelineCommandTest.run("forecast", "backtest", "--opportunities", export().toString(),
                "--from", "2026-Q3", "--to", "2026-Q4");
        assertThat(backtest.code()).isEqualTo(1);
        assertThat(backtest.err()).contains("3 problems in the input");
    }
}
