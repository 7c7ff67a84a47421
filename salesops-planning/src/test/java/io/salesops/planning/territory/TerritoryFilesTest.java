package io.salesops.planning.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerritoryFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readAccounts_attributesAndDecimals_areKept() throws IOException {
        List<Account> a = TerritoryFiles.readAccounts(write("a.csv",
                "Account,Lat,Lon,Potential,Workload,Segment\nA1,48.1,11.5,120000.50,12.5,Enterprise\n"));
        assertThat(a).hasSize(1);
        assertThat(a.get(0).potential()).isEqualByComparingTo("120000.50");
        assertThat(a.get(0).attribute("segment")).isEqualTo("Enterprise");
    }

    @Test
    void readAccounts_badRows_everyProblemLocatedByFileLineAndColumn() throws IOException {
        Path p = write("a.csv", "account,lat,lon,potential,workload\n"
                + "A1,48.1,11.5,12x,1\n"
                + "A2,95,11.5,10,1\n"
                + "A1,48.1,11.5,10,-1\n"
                + ",48,11,1,1\n");
        assertThatThrownBy(() -> TerritoryFiles.readAccounts(p)).isInstanceOfSatisfying(TerritoryInputException.class,
                e -> assertThat(e.messages()).containsExactly(
                        p + ":2:4 (potential): \"12x\" is not a decimal number (use digits and a '.' point)",
                        p + ":3:2 (lat): 95 is not within -90..90 degrees",
                        p + ":4:5 (workload): -1 must be at least 0",
                        p + ":4:1 (account): account A1 appears twice (first on line 2)",
                        p + ":5:1 (account): value is blank"));
    }

    @Test
    void readReps_missingColumn_namesTheHeader() throws IOException {
        Path p = write("r.csv", "rep,latitude,lon\nR1,1,2\n");
        assertThatThrownBy(() -> TerritoryFiles.readReps(p))
                .hasMessageStartingWith(p + ":1: header lacks the column \"lat\"");
    }

    @Test
    void readAssignment_twiceAssignedAccount_isAnError() throws IOException {
        Path p = write("c.csv", "account,rep,pinned\nA1,R1,yes\nA2,R2,\nA1,R2,no\n");
        assertThatThrownBy(() -> TerritoryFiles.readAssignment(p))
                .hasMessage(p + ":4:1 (account): account A1 is assigned twice (first on line 2)");
        TerritoryFiles.AssignmentFile ok = TerritoryFiles.readAssignment(write("d.csv", "account,rep,pinned\nA1,R1,yes\nA2,R2,\n"));
        assertThat(ok.pinned()).containsExactly("A1");
        assertThat(ok.reps()).containsEntry("A2", "R2");
    }

    @Test
    void readAccounts_invalidUtf8_isReported() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.write(p, new byte[] {'a', 'c', 'c', 'o', 'u', 'n', 't', ',', 'l', 'a', 't', ',', 'l', 'o', 'n', ',', 'p',
            'o', 't', 'e', 'n', 't', 'i', 'a', 'l', '\n', 'A', (byte) 0xff, ',', '1', ',', '1', ',', '1', '\n'});
        assertThatThrownBy(() -> TerritoryFiles.readAccounts(p)).hasMessageContaining("not valid UTF-8");
    }
}
