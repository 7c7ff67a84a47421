package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every worked example in docs/examples/comp/worked as a new user would: its plan files and CSVs through
 * {@code salesops comp calculate}, period after period with {@code --state}, and compares each payee's net pay
 * with {@code expected.csv}, whose figures are worked out by hand in the plan file's comments or README.md. The
 * optional {@code quotas.csv}, {@code targets.csv}, {@code collections.csv} and {@code fx.csv} are passed as
 * {@code --quotas}, {@code --targets}, {@code --collections} and {@code --fx}.
 */
class WorkedExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(CompCommandTest.EXAMPLES.resolve("worked"))) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void workedExample_paysToTheCent(Path dir, @TempDir Path state) throws Exception {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(dir.resolve("expected.csv"), StandardCharsets.UTF_8);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            expected.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1] + ":" + f[2]);
        }
        List<String> plans;
        try (Stream<Path> files = Files.list(dir)) {
            plans = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).map(Path::toString).sorted().toList();
        }
        Period previous = null;
        for (Map.Entry<String, List<String>> period : expected.entrySet()) {
            List<String> args = new ArrayList<>(List.of("comp", "calculate"));
            // The ledger refuses skipped periods; months an example leaves out owe nothing, so say so.
            Period current = FiscalCalendar.calendarYear().parse(period.getKey());
            List<String> skipped = new ArrayList<>();
            for (Period p = previous == null ? current : previous.next(); p.start().isBefore(current.start()); p = p.next()) {
                skipped.add(p.toString());
            }
            if (!skipped.isEmpty()) {
                args.addAll(List.of("--allow-gap", String.join(",", skipped)));
            }
            previous = current;
            for (String p : plans) {
                args.addAll(List.of("--plan", p));
            }
            args.addAll(List.of("--credits", dir.resolve("credits.csv").toString(), "--org", dir.resolve("org.csv").toString(),
                    "--period", period.getKey(), "--state", state.toString(), "--format", "json"));
            if (Files.exists(dir.resolve("quotas.csv"))) {
                args.addAll(List.of("--quotas", dir.resolve("quotas.csv").toString()));
            }
            if (Files.exists(dir.resolve("targets.csv"))) {
                args.addAll(List.of("--targets", dir.resolve("targets.csv").toString()));
            }
            if (Files.exists(dir.resolve("collections.csv"))) {
                args.addAll(List.of("--collections", dir.resolve("collections.csv").toString()));
            }
            if (Files.exists(dir.resolve("fx.csv"))) {
                args.addAll(List.of("--fx", dir.resolve("fx.csv").toString()));
            }
            CompCommandTest.Run r = CompCommandTest.run(args.toArray(new String[0]));
            assertThat(r.code()).as(dir.getFileName() + " " + period.getKey() + ": " + r.err()).isZero();
            List<String> paid = new ArrayList<>();
            for (JsonNode s : new ObjectMapper().readTree(r.out())) {
                paid.add(s.get("payee").asText() + ":" + s.get("total").decimalValue().setScale(2).toPlainString());
            }
            assertThat(paid).as(dir.getFileName() + " " + period.getKey()).containsExactlyElementsOf(period.getValue());
        }
    }
}
