package io.salesops.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OrgCsvReaderTest {

    private static ImportResult<Rep> lenient(String csv) throws IOException {
        return OrgCsvReader.builder().lenient().build().read(new StringReader(csv), "org.csv");
    }

    @Test
    void readOrg_fixture_buildsTheHierarchy() throws IOException {
        Org org = OrgCsvReader.builder().build().readOrg(OpportunityCsvReaderTest.fixture("org.csv"));

        assertThat(org.size()).isEqualTo(4);
        assertThat(org.managementChain("ann")).extracting(Rep::id).containsExactly("m1", "vp");
        assertThat(org.directReports("m1")).extracting(Rep::id).containsExactly("ann", "bob");
        Rep bob = org.rep("bob");
        assertThat(bob.name()).isEqualTo("Bob Ray");
        assertThat(bob.team()).isEqualTo("East");
        assertThat(bob.territory()).isEqualTo("NJ");
        assertThat(bob.startDate()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(bob.endDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(org.rep("vp").manager()).isEmpty();
    }

    @Test
    void read_unknownManager_andTheirReports_areLeftOutWithProblems() throws IOException {
        ImportResult<Rep> r = lenient("rep,manager,start_date\n"
                + "vp,,2020-01-01\n"
                + "m1,ghost,2020-01-01\n"
                + "ann,m1,2020-01-01\n"
                + "bob,vp,2020-01-01\n");

        assertThat(r.records()).extracting(Rep::id).containsExactly("vp", "bob");
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "org.csv:3:2 (manager): manager \"ghost\" is not a rep in this file",
                "org.csv:4:2 (manager): manager \"m1\" is left out of the org (see line 3)");
        assertThat(Org.of(r.records()).size()).isEqualTo(2);
    }

    @Test
    void read_managementCycle_reportsEveryRepInIt() throws IOException {
        ImportResult<Rep> r = lenient("rep,manager\n"
                + "a,b\n"
                + "b,c\n"
                + "c,a\n"
                + "d,\n");

        assertThat(r.records()).extracting(Rep::id).containsExactly("d");
        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "org.csv:2:2 (manager): rep a is in a management cycle: a -> b -> c -> a",
                "org.csv:3:2 (manager): rep b is in a management cycle: a -> b -> c -> a",
                "org.csv:4:2 (manager): rep c is in a management cycle: a -> b -> c -> a");
    }

    @Test
    void read_cellRules_areLocated() throws IOException {
        ImportResult<Rep> r = lenient("rep,manager,start_date,end_date\n"
                + "a,a,,\n"
                + "b,,2026-02-01,2026-01-31\n"
                + "c,,2026-02-01,\n"
                + "c,,,\n");

        assertThat(r.problems()).extracting(ImportProblem::toString).containsExactly(
                "org.csv:2:2 (manager): rep a cannot be their own manager",
                "org.csv:3:4 (end_date): end date 2026-01-31 is before the start date 2026-02-01",
                "org.csv:5:1 (rep): duplicate rep id \"c\"; first seen on line 4");
    }

    @Test
    void read_strict_throwsOnAHierarchyProblem() {
        assertThatThrownBy(() -> OrgCsvReader.builder().build().read(new StringReader("rep,manager\na,b\n"), "org.csv"))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("org.csv:2:2 (manager): manager \"b\" is not a rep in this file");
    }
}
