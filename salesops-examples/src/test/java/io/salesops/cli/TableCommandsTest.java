package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code kpi} (with {@code --hygiene} too), {@code forecast pipeline} and {@code forecast backtest} read the export
 * into the columnar table; on the bundled sample company they print, byte for byte, what they printed when they
 * read it into {@code Opportunity} objects (the files under {@code before-table/} are that output, made by the
 * commands before the change).
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
    void kpiHygiene_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("kpi-hygiene-history.txt", "kpi", "--hygiene", "--opportunities", OPPS, "--history", HISTORY);
        assertPrints("kpi-hygiene-asof.csv", "kpi", "--hygiene", "--opportunities", OPPS, "--as-of", "2025-09-30",
                "--stale-after", "1.5", "--format", "csv");
        assertPrints("kpi-hygiene-json.json", "kpi", "--hygiene", "--opportunities", OPPS, "--history", HISTORY,
                "--as-of", "2026-02-15", "--stale-after", "2", "--format", "json");
    }

    @Test
    void forecastPipeline_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("forecast-pipeline-by-owner.json", "forecast", "pipeline", "--opportunities", OPPS, "--history",
                HISTORY, "--as-of", "2025-09-30", "--period", "2025-Q4", "--by", "owner", "--org", SAMPLE + "org.csv",
                "--format", "json");
        assertPrints("forecast-pipeline-learned-by-product.csv", "forecast", "pipeline", "--opportunities", OPPS,
                "--history", HISTORY, "--as-of", "2026-01-15", "--period", "2026-Q1", "--by", "product", "--learned",
                "--format", "csv");
    }

    @Test
    void backtest_printsWhatTheObjectReadPrinted() throws IOException {
        assertPrints("backtest-by-owner.csv", "forecast", "backtest", "--opportunities", OPPS, "--history", HISTORY,
                "--from", "2025-Q1", "--to", "2026-Q2", "--method", "stage_weighted", "--format", "csv");
        assertPrints("backtest-summary.txt", "forecast", "backtest", "--opportunities", OPPS, "--history", HISTORY,
                "--from", "2025-Q1", "--to", "2026-Q2", "--method", "stage_weighted");
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
