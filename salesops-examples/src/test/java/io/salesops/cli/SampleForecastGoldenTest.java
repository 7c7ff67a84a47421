package io.salesops.cli;

import static io.salesops.cli.SalesopsCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesops.cli.SalesopsCliTest.Run;
import io.salesops.examples.sample.SampleCompany;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesops forecast pipeline} on the bundled sample company, compared by SHA-256 of its whole output
 * (the JSON node table, and the table with every deal explained) with the output recorded before the
 * forecast engine was split and moved onto columns: the same forecast to the cent, the same explanations.
 * A change that means to alter results regenerates the file with
 * {@code -Dsalesops.golden.write=<path of sample-forecast-golden.txt>} and says why in its commit.
 */
class SampleForecastGoldenTest {

    @TempDir
    Path dir;

    Path sample(String file) throws IOException {
        Path p = dir.resolve(file);
        try (InputStream in = SampleCompany.bundled(file)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void sampleCompanyForecasts_areIdenticalToTheRecordedOnes() throws IOException {
        String opps = sample("opportunities.csv").toString();
        String history = sample("stage_history.csv").toString();
        String org = sample("org.csv").toString();
        String quotas = sample("quotas.csv").toString();
        List<String[]> cases = List.of(
                new String[] {"--by", "owner", "--learned", "--simulations", "2000"},
                new String[] {"--by", "owner", "--timing", "close_date"},
                new String[] {"--by", "region", "--learned", "--segment", "product"},
                new String[] {"--no-new-business", "--simulations", "500"});
        Map<String, String> actual = new LinkedHashMap<>();
        for (String[] c : cases) {
            for (String format : new String[] {"json", "table"}) {
                List<String> args = new ArrayList<>(List.of("forecast", "pipeline", "--opportunities", opps,
                        "--history", history, "--org", org, "--quotas", quotas, "--as-of", "2026-05-15",
                        "--period", "2026-Q2", "--format", format));
                args.addAll(List.of(c));
                if (format.equals("table")) {
                    args.add("--explain");
                }
                Run r = run(args.toArray(new String[0]));
                assertThat(r.code()).as(r.err()).isZero();
                actual.put(String.join("_", c) + " " + format, sha256(r.out()));
            }
        }
        String write = System.getProperty("salesops.golden.write");
        if (write != null) {
            StringBuilder sb = new StringBuilder();
            actual.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
            Files.writeString(Path.of(write), sb.toString());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = SampleForecastGoldenTest.class.getResourceAsStream("sample-forecast-golden.txt")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int sp = line.lastIndexOf(' ');
                expected.put(line.substring(0, sp), line.substring(sp + 1));
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
