package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forecast backtest} over a quarter that booked nothing (common in a small team's export): its percentage
 * errors are undefined and print as "-", never "NaN%"; the averages leave that quarter out.
 */
class BacktestEmptyPeriodTest {

    @TempDir
    Path dir;

    @Test
    void quarterWithoutBookings_printsDashesNotNaN() throws IOException {
        Path f = dir.resolve("gap.csv");
        Files.writeString(f, "id,owner,stage,amount,created_date,close_date\n"
                + "D001,Ann,Won,1000,2023-10-02,2023-11-15\n"
                + "D002,Bob,Won,2000,2023-10-05,2023-12-01\n"
                + "D003,Ann,Won,1500,2023-12-01,2024-02-10\n"
                + "D004,Bob,Lost,900,2023-12-03,2024-03-01\n"
                + "D005,Ann,Lost,800,2024-01-10,2024-05-01\n"
                + "D006,Bob,Proposal,3000,2024-02-01,\n"
                + "D007,Ann,Won,1200,2024-05-01,2024-08-01\n"
                + "D008,Bob,Qualification,700,2024-06-01,\n");

        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run("forecast", "backtest", "--opportunities",
                f.toString(), "--from", "2024-Q1", "--to", "2024-Q3");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("NaN");
        String q2 = r.out().lines().filter(l -> l.startsWith("2024-Q2")).findFirst().orElseThrow();
        assertThat(q2).matches("2024-Q2 +0\\.00 +\\S+ +\\S+ +- +- +- +-");
        assertThat(r.out()).containsPattern("2024-Q1 .* \\d+\\.\\d% +\\d+\\.\\d%");
    }
}
