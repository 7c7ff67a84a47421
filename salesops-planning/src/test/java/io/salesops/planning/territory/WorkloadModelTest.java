package io.salesops.planning.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadModelTest {

    @TempDir
    Path dir;

    private static Account account(String id, String segment) {
        return new Account(id, 50, 8, BigDecimal.TEN, BigDecimal.ZERO, Map.of("segment", segment));
    }

    @Test
    void apply_visitsTimesHours_andRepsNeededRoundsUp() throws IOException {
        Path p = dir.resolve("w.csv");
        Files.writeString(p, "segment,visits_per_year,hours_per_visit\nEnterprise,12,3\nSMB,2,1.5\n");
        WorkloadModel m = WorkloadModel.read(p);
        List<Account> built = m.apply(List.of(account("A1", "Enterprise"), account("A2", "SMB"), account("A3", "SMB")));
        assertThat(built).extracting(Account::workload).map(BigDecimal::stripTrailingZeros)
                .containsExactly(new BigDecimal("36"), new BigDecimal("3"), new BigDecimal("3"));
        // 42 hours at 40 hours a rep: 1.05 reps
        assertThat(WorkloadModel.repsNeeded(built, BigDecimal.valueOf(40))).isEqualByComparingTo("1.05");
        assertThat(WorkloadModel.repsNeeded(built, BigDecimal.valueOf(41))).isEqualByComparingTo("1.03");
    }

    @Test
    void apply_segmentNotInTheModel_namesAccountAndSegments() {
        WorkloadModel m = WorkloadModel.of("segment", Map.of("SMB", new WorkloadModel.Coverage(BigDecimal.ONE, BigDecimal.ONE)));
        assertThatThrownBy(() -> m.apply(List.of(account("A9", "Enterprise"))))
                .hasMessage("account A9: segment \"Enterprise\" is not in the workload model (segments: SMB)");
    }

    @Test
    void read_repeatedSegmentAndBadNumber_areLocated() throws IOException {
        Path p = dir.resolve("w.csv");
        Files.writeString(p, "segment,visits_per_year,hours_per_visit\nSMB,2,1\nSMB,3,1\nMid,x,1\n");
        assertThatThrownBy(() -> WorkloadModel.read(p)).isInstanceOfSatisfying(TerritoryInputException.class,
                e -> assertThat(e.messages()).containsExactly(p + ":3:1 (segment): segment SMB appears twice",
                        p + ":4:2 (visits_per_year): \"x\" is not a decimal number (use digits and a '.' point)"));
    }
}
