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

class ForecastTrendCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
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

    private static String quarterly(String name, int n) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < n; t++) {
            sb.append(name).append(',').append(2018 + t / 4).append("-Q").append(t % 4 + 1).append(',')
                    .append(100 + 3 * t + (t % 4 == 3 ? 20 : 0)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void csv_twoSeries_writesOneRowPerStepWithLevelColumns() throws IOException {
        Path file = write("b.csv", "series,period,value\n" + quarterly("EMEA", 16) + quarterly("NA", 12));
        int code = run("forecast", "trend", "--series", file.toString(), "--horizon", "4", "--format", "csv");
        assertThat(code).as(err.toString()).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).isEqualTo("series,step,period,forecast,lo80,hi80,lo95,hi95");
        assertThat(lines).hasSize(1 + 8);
        assertThat(lines[1]).startsWith("EMEA,1,2022-Q1,");
        assertThat(lines[5]).startsWith("NA,1,2021-Q1,");
    }

    @Test
    void json_withoutSeriesColumn_namesTheSeriesAfterTheFile() throws IOException {
        Path file = write("revenue.csv", "period,value\n2019,10\n2020,12\n2021,13\n2022,15\n2023,16\n");
        int code = run("forecast", "trend", "--series", file.toString(), "--horizon", "2", "--method", "regression",
                "--level", "90", "--format", "json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        JsonNode s = root.get("series").get(0);
        assertThat(s.get("name").asText()).isEqualTo("revenue");
        assertThat(s.get("forecast")).hasSize(2);
        assertThat(s.get("forecast").get(0).get("period").asText()).isEqualTo("2024");
        assertThat(s.get("forecast").get(0).has("lo90")).isTrue();
    }

    @Test
    void badNumber_namesFileLineAndColumnAndExits1() throws IOException {
        Path file = write("bad.csv", "series,period,value\nEMEA,2024-01,10\nEMEA,2024-02,ten\n");
        int code = run("forecast", "trend", "--series", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().trim()).isEqualTo("salesops: error: " + file + ", line 3, column 3 (value): \"ten\" is not a number");
    }

    @Test
    void gap_namesSeriesAndMissingPeriodAndExits1() throws IOException {
        Path file = write("gap.csv", "series,period,value\nEMEA,2024-01,10\nEMEA,2024-02,11\nEMEA,2024-04,12\n");
        int code = run("forecast", "trend", "--series", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("series \"EMEA\": period 2024-03 is missing (gap between 2024-02 and 2024-04)")
                .doesNotContain("Exception");
    }

    @Test
    void unknownMethod_exits1WithTheChoices() throws IOException {
        Path file = write("ok.csv", "period,value\n2019,10\n2020,12\n2021,13\n");
        assertThat(run("forecast", "trend", "--series", file.toString(), "--method", "arima")).isEqualTo(1);
        assertThat(err.toString()).contains("--method arima is not one of auto, combo, ets");
    }

    @Test
    void chart_png_isWritten() throws IOException {
        Path file = write("q.csv", "series,period,value\n" + quarterly("EMEA", 16));
        Path png = dir.resolve("chart.png");
        int code = run("forecast", "trend", "--series", file.toString(), "--chart", png.toString(), "--format", "csv");
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.size(png)).isGreaterThan(1000);
        byte[] head = Files.readAllBytes(png);
        assertThat(head[1]).isEqualTo((byte) 'P');
    }
}
