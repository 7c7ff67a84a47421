package io.salesops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.examples.sample.SampleCompany;
import io.salesops.forecast.pipeline.ForecastReport;
import io.salesops.forecast.pipeline.PipelineForecast;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start is {@link QuickStartExample}, line for line: the test compares the two texts, then runs
 * the program on the bundled sample files and on the files the sample generator writes.
 */
class ReadmeQuickStartTest {

    /** Tests run in the module's directory; the README and the docs are one level up. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static String readmeQuickStart() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("## Quick start\\R.*?```java\\R(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a ## Quick start section with a java block").isTrue();
        return m.group(1);
    }

    private static String run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            QuickStartExample.main(args);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readmeQuickStart_isQuickStartExample_lineForLine() throws IOException {
        String source = Files.readString(ROOT.resolve(
                "salesops-examples/src/main/java/io/salesops/examples/QuickStartExample.java"));
        String withoutPackage = source.replaceFirst("^package io\\.salesops\\.examples;\\R\\R", "");
        assertThat(readmeQuickStart()).isEqualTo(withoutPackage);
    }

    @Test
    void readmeQuickStart_onTheBundledSample_printsWhatTheReadmeShows() throws IOException {
        String out = run(ROOT.resolve("salesops-examples/src/main/resources/sample").toString(),
                ROOT.resolve("docs/examples/comp/ae-marginal.yaml").toString());
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher shown = Pattern.compile("## Quick start\\R.*?```java\\R.*?```.*?```\\R(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(shown.find()).as("README.md shows the quick start's output").isTrue();
        assertThat(out.strip()).as("the output README.md shows under its quick start; if the program's output changed"
                + " on purpose, paste the new output there").isEqualTo(shown.group(1).strip());
    }

    @Test
    void quickStart_fromTheGeneratedCsvFiles_forecastsWhatTheSameDataInMemoryForecasts(@TempDir Path dir) {
        SampleCompany c = SampleCompany.get();
        c.writeCsv(dir);
        String out = run(dir.toString(), ROOT.resolve("docs/examples/comp/ae-marginal.yaml").toString());
        // The same forecast straight from the generator's objects: the CSV round trip must not change a cent.
        ForecastReport direct = PipelineForecast.of(c.opportunities())
                .asOf(LocalDate.of(2026, 5, 15)).period(c.calendar().parse("2026-Q2"))
                .learnedProbabilities().byOwner(c.org()).quotas(c.quotas()).simulations(10_000, 42).run();
        assertThat(out).contains("Q2 expected bookings " + direct.root().expected() + ", P10-P90 "
                + direct.root().p10().orElseThrow() + " to " + direct.root().p90().orElseThrow());
        // 28 AEs carry a 2026-Q1 quota (the demo's attainment section lists them): the default payees.
        assertThat(out).contains("28 statements for 2026-Q1");
    }

    @Test
    void readmeTestkitExample_isAePayProperties_lineForLine() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("## Property tests of your own.*?```java\\R(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has a testkit section with a java block").isTrue();
        String source = Files.readString(ROOT.resolve(
                "salesops-testkit/src/test/java/io/salesops/testkit/AePayProperties.java"));
        assertThat(m.group(1)).isEqualTo(source.replaceFirst("^package io\\.salesops\\.testkit;\\R\\R", ""));
    }
}
