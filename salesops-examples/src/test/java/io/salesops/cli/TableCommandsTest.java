package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code kpi} and {@code forecast backtest} read the export into the columnar table; on the bundled sample company
 * they print, byte for byte, what they printed when they read it into {@code Opportunity} objects (the files under
 * {@code before-table/} are that output, made by the commands before the change).
 */
class TableCommandsTest {

    static final String SAMPLE = "src/main/resources/sample/";
    static final String OPPS = SAMPLE + "opportunities.csv";
    static final String HISTORY = SAMPLE + "stage_history.csv";

    static void assertPrints(String expectedFile, String... args) throws IOException {
        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        String expected = Files.readString(Path.of("src/test/resources/before-table", expectedFile));
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void kpiByOwner_withHistory_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("kpi-by-owner.txt", "kpi", "--opportunities", OPPS, "--history", HISTORY, "--from", "2025-Q1",
                "--to", "2026-Q2", "--by", "owner");
    }

    @Test
    void kpiByTeamFromTheOrg_json_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("kpi-by-team.json", "kpi", "--opportunities", OPPS, "--history", HISTORY, "--from", "2024-01",
                "--to", "2026-05", "--by", "team", "--org", SAMPLE + "org.csv", "--format", "json");
    }

    @Test
    void kpiByProduct_withoutHistory_csv_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("kpi-by-product-no-history.csv", "kpi", "--opportunities", OPPS, "--from", "2025-01", "--to",
                "2026-05", "--by", "product", "--format", "csv");
    }

    @Test
    void backtest_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("backtest-by-owner.csv", "forecast", "backtest", "--opportunities", OPPS, "--history", HISTORY,
                "--from", "2025-Q1", "--to", "2026-Q2", "--format", "csv");
        assertPrints("backtest-summary.txt", "forecast", "backtest", "--opportunities", OPPS, "--history", HISTORY,
                "--from", "2025-Q1", "--to", "2026-Q2");
        assertPrints("backtest-fixed-by-product.csv", "forecast", "backtest", "--opportunities", OPPS, "--history",
                HISTORY, "--from", "2025-Q1", "--to", "2026-Q1", "--by", "product", "--fixed", "--format", "csv");
    }

    @Test
    void aMisspeltDimension_isRefusedNamingTheFieldsTheFileHas() {
        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run("kpi", "--opportunities", OPPS, "--from",
                "2025-Q1", "--to", "2025-Q2", "--by", "regoin");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--by regoin: no opportunity in " + OPPS + " has a value for it")
                .contains("fields in the file include [account, lead_source, owner, product, region, sdr, segment, stage, type]");
    }
}
