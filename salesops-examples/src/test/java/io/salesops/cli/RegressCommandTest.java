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

class RegressCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SalesopsCli.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path csv(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    // Five-point example (see LinearRegressionTest): b0 = 2.2, b1 = 0.6, R² = 0.6.
    private static final String FIVE = "sales,calls\n2,1\n4,2\n5,3\n4,4\n5,5\n";

    @Test
    void regress_table_printsCoefficientsAndRSquared() throws IOException {
        Path file = csv("five.csv", FIVE);

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("OLS Regression Results", "sales", "0.600000", "2.20000", "intercept", "calls");
    }

    @Test
    void regress_json_givesHandComputedEstimates() throws IOException {
        Path file = csv("five.csv", FIVE);

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls", "--format", "json");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("coefficients").get(0).get("estimate").asDouble()).isCloseTo(2.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.get("coefficients").get(1).get("name").asText()).isEqualTo("calls");
        assertThat(json.get("coefficients").get(1).get("estimate").asDouble()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.get("rSquared").asDouble()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json.get("fStatistic").asDouble()).isCloseTo(4.5, org.assertj.core.api.Assertions.within(1e-10));
    }

    @Test
    void regress_polyAndNoIntercept_fitsPowersThroughTheOrigin() throws IOException {
        // y = 2x + 3x² exactly.
        Path file = csv("poly.csv", "y,x\n5,1\n16,2\n33,3\n56,4\n85,5\n");

        int code = run("regress", "--data", file.toString(), "--y", "y", "--poly", "x:2", "--no-intercept", "--format", "json");

        assertThat(code).isZero();
        JsonNode coefficients = new ObjectMapper().readTree(out.toString()).get("coefficients");
        assertThat(coefficients.get(0).get("name").asText()).isEqualTo("x");
        assertThat(coefficients.get(0).get("estimate").asDouble()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(coefficients.get(1).get("name").asText()).isEqualTo("x^2");
        assertThat(coefficients.get(1).get("estimate").asDouble()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void regress_weights_reportsWls() throws IOException {
        Path file = csv("w.csv", "sales,calls,w\n2,1,1\n4,2,2\n5,3,1\n4,4,3\n5,5,1\n");

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls", "--weights", "w");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("WLS Regression Results");
    }

    @Test
    void regress_nonNumericCell_namesFileLineAndColumn() throws IOException {
        Path file = csv("bad.csv", "sales,calls\n2,1\n4,two\n5,3\n");

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ", line 3, column 'calls': \"two\" is not a finite number")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void regress_missingColumn_listsTheHeader() throws IOException {
        Path file = csv("five.csv", FIVE);

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "demos");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("line 1: no column named 'demos' in the header [sales, calls]");
    }

    @Test
    void regress_shortLine_namesTheLine() throws IOException {
        Path file = csv("short.csv", "sales,calls\n2,1\n4\n5,3\n");

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("line 3, column 'calls': the line has only 1 fields");
    }

    @Test
    void regress_collinearColumns_namesTheDependentColumn() throws IOException {
        Path file = csv("rank.csv", "y,a,b\n1,1,2\n2,2,4\n4,3,6\n3,4,8\n");

        int code = run("regress", "--data", file.toString(), "--y", "y", "--x", "a,b");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("column b is a linear combination of a");
    }

    @Test
    void regress_zeroWeight_namesFileLineAndColumn() throws IOException {
        Path file = csv("w0.csv", "sales,calls,w\n2,1,1\n4,2,0\n5,3,1\n4,4,3\n");

        int code = run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls", "--weights", "w");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains(file + ", line 3, column 'w': weight 0.0 must be positive");
    }

    @Test
    void regress_repeatedRegressorOrPolyTerm_orResponseAsRegressor_isBadInput() throws IOException {
        Path file = csv("five.csv", FIVE);
        assertThat(run("regress", "--data", file.toString(), "--y", "sales", "--x", "calls,calls")).isEqualTo(1);
        assertThat(err.toString()).contains("column calls is given twice in x");
        assertThat(run("regress", "--data", file.toString(), "--y", "sales", "--x", "sales")).isEqualTo(1);
        assertThat(err.toString()).contains("column sales is the response (y)");
        assertThat(run("regress", "--data", file.toString(), "--y", "sales", "--poly", "calls:2", "--poly", "calls:3")).isEqualTo(1);
        assertThat(err.toString()).contains("column calls has two polynomial terms");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void regress_missingRequiredOption_isUsageError() {
        int code = run("regress", "--y", "sales");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option");
    }
}
