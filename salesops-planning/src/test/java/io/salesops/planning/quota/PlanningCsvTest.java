package io.salesops.planning.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.period.FiscalCalendar;
import io.salesops.io.CsvImportException;
import io.salesops.io.ImportProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanningCsvTest {

    @TempDir
    Path dir;

    private List<HistoricalAttainment.Observation> read(String csv) throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, csv);
        return PlanningCsv.readAttainment(file, FiscalCalendar.calendarYear());
    }

    private List<String> problems(String csv) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> read(csv));
        assertThat(t).isInstanceOf(CsvImportException.class);
        return ((CsvImportException) t).importProblems().stream().map(ImportProblem::toString)
                .map(s -> s.substring(s.indexOf("history.csv"))).toList();
    }

    @Test
    void bookingsOverQuota_areAttainmentInPercent() throws IOException {
        List<HistoricalAttainment.Observation> rows = read("rep,period,bookings,quota\nann,2026-Q1,90000,120000\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).percent()).isEqualByComparingTo(new BigDecimal("75"));
    }

    @Test
    void zeroQuotaWithZeroBookings_isSkipped_butZeroQuotaWithBookingsIsAProblemNotADroppedRow() throws IOException {
        // A rep on leave (0 of 0) says nothing about attainment; bookings against no quota must not vanish.
        assertThat(read("rep,period,bookings,quota\nann,2026-Q1,0,0\nann,2026-Q2,50,100\n")).hasSize(1);
        assertThat(problems("rep,period,bookings,quota\nann,2026-Q1,5000,0\n"))
                .containsExactly("history.csv:2:4 (quota): quota is 0 but bookings are 5000: attainment is undefined;"
                        + " give the period's quota or drop the row");
    }

    @Test
    void cellsOfASkippedRow_areStillChecked() {
        // Before, a zero quota skipped the row before its bookings were read: "abc" and a second row passed.
        assertThat(problems("rep,period,bookings,quota\nann,2026-Q1,abc,0\nann,2026-Q2,0,0\nann,2026-Q2,1,2\n"))
                .containsExactly("history.csv:2:3 (bookings): \"abc\" is not a number",
                        "history.csv:4:2 (period): rep ann has a second row for 2026-Q2");
    }

    @Test
    void hugeOrNegativeNumbers_areLocatedProblems() {
        assertThat(problems("rep,period,bookings,quota\nann,2026-Q1,1e999999999,10\nbob,2026-Q1,10,-5\n"))
                .containsExactly("history.csv:2:3 (bookings): \"1e999999999\" has more than 15 integer digits or 12 decimals",
                        "history.csv:3:4 (quota): quota -5 is negative");
        assertThat(problems("rep,period,attainment\nann,2026-Q1,1e-999999999%\n"))
                .containsExactly("history.csv:2:3 (attainment): \"1e-999999999%\" has more than 15 integer digits or 12 decimals");
    }

    @Test
    void overlongNumbers_areRefusedBeforeParsing_andTrailingZerosAreNotDecimals() throws IOException {
        String digits = "9".repeat(100_000);
        assertThat(problems("rep,period,bookings,quota\nann,2026-Q1," + digits + ",10\n"))
                .singleElement().asString()
                .startsWith("history.csv:2:3 (bookings): ")
                .contains("has 100000 characters; a decimal number has at most 64");
        // 1.5 written with 14 decimals is 1.5, not a value with more than 12 decimals.
        assertThat(read("rep,period,bookings,quota\nann,2026-Q1,1.50000000000000,10\n")).hasSize(1);
    }
}
