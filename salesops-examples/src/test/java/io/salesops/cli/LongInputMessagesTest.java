package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a user could send that are bounded only by their size: a 10,000-digit value and 20,000 columns are bad input
 * (exit 1) with one short line naming the file, never the whole value echoed back or a reason lost in a wrapper.
 */
class LongInputMessagesTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String columns(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.joining(","));
    }

    private static void assertExitOneWithOneShortLine(ForecastPipelineCommandTest.Run run, String... expected) {
        assertThat(run.code()).isEqualTo(1);
        String e = run.err().strip();
        assertThat(e.lines()).hasSize(1);
        assertThat(e).hasSizeLessThan(300).contains(expected).doesNotContain("Exception:", "\tat ");
    }

    @Test
    void trend_tenThousandDigitValue_isOneShortLine() throws IOException {
        Path f = csv("s.csv", "series,period,value\nA,2024-01," + "9".repeat(10_000) + "\nA,2024-02,5\nA,2024-03,6\n");

        assertExitOneWithOneShortLine(ForecastPipelineCommandTest.run("forecast", "trend", "--series", f.toString(), "--horizon", "2"),
                "s.csv, line 2, column 3 (value): \"9999", "...\" is not a finite number");
    }

    @Test
    void trend_twentyThousandColumns_namesFastCsvsReason() throws IOException {
        Path f = csv("wide.csv", columns(20_000, "c") + "\n" + columns(20_000, "") + "\n");

        assertExitOneWithOneShortLine(ForecastPipelineCommandTest.run("forecast", "trend", "--series", f.toString(), "--horizon", "2"),
                "wide.csv: ", "Maximum number of fields exceeded");
    }

    @Test
    void regress_tenThousandDigitValue_isOneShortLine() throws IOException {
        Path f = csv("r.csv", "y,x\n1," + "1".repeat(10_000) + "\n2,2\n3,3\n4,5\n");

        assertExitOneWithOneShortLine(ForecastPipelineCommandTest.run("regress", "--data", f.toString(), "--y", "y", "--x", "x"),
                "r.csv, line 2, column 'x': \"1111", "...\" is not a finite number");
    }

    @Test
    void regress_twentyThousandColumns_namesFastCsvsReason() throws IOException {
        Path f = csv("wide.csv", columns(20_000, "c") + "\n" + columns(20_000, "") + "\n");

        assertExitOneWithOneShortLine(ForecastPipelineCommandTest.run("regress", "--data", f.toString(), "--y", "c0", "--x", "c1"),
                "wide.csv: ", "Maximum number of fields exceeded");
    }
}
