package io.salesops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kpi --hygiene} as a table on an export with 18-character Salesforce ids and owners' full names: each column
 * starts where it starts on every other line, whatever the widths.
 */
class HygieneTableWidthTest {

    @TempDir
    Path dir;

    @Test
    void longIdsAndOwnerNames_keepTheRuleColumnAligned() throws IOException {
        Path f = dir.resolve("sf.csv");
        Files.writeString(f, "id,owner,stage,amount,created_date,close_date\n"
                + "006QBMAE38SRYO4RCB,Iris Rodriguez-Montgomery,Prospecting,100,2024-01-01,2024-02-01\n"
                + "006U1RSUJT9T11PHP0,Bob Li,Prospecting,100,2024-01-01,\n"
                + "006E3H0Y4VPW232UTV,Henry Chen,Won,100,2024-01-01,2024-01-20\n"
                + "006E3H0Y4VPW232UTW,Henry Chen,Lost,100,2024-01-01,2024-01-25\n");

        ForecastPipelineCommandTest.Run r = ForecastPipelineCommandTest.run("kpi", "--hygiene", "--opportunities",
                f.toString(), "--as-of", "2024-12-31");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Arrays.stream(r.out().split("\n")).filter(l -> l.startsWith("006")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        Pattern row = Pattern.compile("^(\\S+) +(.+?) +(past_close_date|stale|missing_field|likely_duplicate|stage_regression) +(.*)$");
        Set<Integer> ownerAt = new HashSet<>();
        Set<Integer> ruleAt = new HashSet<>();
        for (String line : lines) {
            Matcher m = row.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            ownerAt.add(m.start(2));
            ruleAt.add(m.start(3));
        }
        assertThat(ownerAt).as(r.out()).hasSize(1);
        assertThat(ruleAt).as(r.out()).hasSize(1);
    }
}
