package io.salesops.core.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.api.Test;

class FiscalCalendarTest {

    private final FiscalCalendar calendar = FiscalCalendar.calendarYear();
    private final FiscalCalendar february = FiscalCalendar.startingIn(Month.FEBRUARY);

    @Test
    void parse_quarter_ofCalendarYear() {
        Period q3 = calendar.parse("2026-Q3");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q3.kind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(q3).hasToString("2026-Q3");
    }

    @Test
    void fiscalYearStartingInFebruary_isNamedByTheYearItEndsIn() {
        // Salesforce's own fiscal year: FY2027 runs 1 Feb 2026 - 31 Jan 2027
        Period fy = february.parse("FY2027");
        assertThat(fy.start()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(fy.end()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(february.parse("2027-Q1").start()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(february.parse("2027-Q4").end()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(february.periodOf(LocalDate.of(2026, 1, 31), PeriodKind.YEAR)).hasToString("FY2026");
        assertThat(february.periodOf(LocalDate.of(2026, 2, 1), PeriodKind.YEAR)).hasToString("FY2027");
    }

    @Test
    void parse_month_isTheCalendarMonthWithItsFiscalIndex() {
        Period july = february.parse("2026-07");
        assertThat(july.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(july.end()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(july.index()).isEqualTo(6); // Feb=1 ... Jul=6
        assertThat(july.fiscalYear()).isEqualTo(2027);
        assertThat(july).hasToString("2026-07");
    }

    @Test
    void parse_acceptsHalvesAndYearAliases() {
        assertThat(calendar.parse("2026-H2").start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(calendar.parse("FY2026-Q1")).isEqualTo(calendar.parse("2026-Q1"));
        assertThat(calendar.parse("2026")).isEqualTo(calendar.parse("FY2026"));
        assertThat(calendar.parse(" fy2026 ")).isEqualTo(calendar.year(2026));
    }

    @Test
    void parse_rejectsWithTheTextAndTheAcceptedForms() {
        assertThatThrownBy(() -> calendar.parse("2026-Q5")).hasMessageContaining("\"2026-Q5\"").hasMessageContaining("2026-Q3");
        assertThatThrownBy(() -> calendar.parse("2026-13")).hasMessageContaining("month 13 is out of range");
        assertThatThrownBy(() -> calendar.parse("Q3")).hasMessageContaining("does not parse");
    }

    @Test
    void leapYearFebruary_has29Days() {
        assertThat(calendar.parse("2028-02").days()).isEqualTo(29);
        assertThat(calendar.parse("2028-Q1").days()).isEqualTo(91);
    }

    @Test
    void nextAndPrevious_crossFiscalYears() {
        assertThat(february.parse("2027-Q4").next()).isEqualTo(february.parse("2028-Q1"));
        assertThat(calendar.parse("2026-01").previous()).isEqualTo(calendar.parse("2025-12"));
        assertThat(calendar.parse("2026-Q1").plus(-5)).isEqualTo(calendar.parse("2024-Q4"));
    }

    @Test
    void split_andThrough_iterateInOrder() {
        assertThat(calendar.parse("2026-Q3").split(PeriodKind.MONTH)).extracting(Period::toString)
                .containsExactly("2026-07", "2026-08", "2026-09");
        assertThat(calendar.parse("2025-Q4").through(calendar.parse("2026-Q2"))).extracting(Period::toString)
                .containsExactly("2025-Q4", "2026-Q1", "2026-Q2");
        assertThatThrownBy(() -> calendar.parse("2026-07").split(PeriodKind.QUARTER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void daysBetween_countsTheOverlapForProration() {
        Period q = calendar.parse("2026-Q3"); // 92 days
        assertThat(q.days()).isEqualTo(92);
        assertThat(q.daysBetween(LocalDate.of(2026, 8, 15), LocalDate.of(2030, 1, 1))).isEqualTo(17 + 30);
        assertThat(q.daysBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 1))).isZero();
    }

    @Test
    void throughAndSplit_reachTheLastPeriodOfYear9999_withoutAskingForItsNext() {
        // Both used to step one period past the last, and year 10000 is out of range: an exception, not a list.
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        Period q3 = cal.parse("9999-Q3");
        Period q4 = cal.parse("9999-Q4");
        assertThat(q3.through(q4)).containsExactly(q3, q4);
        assertThat(q4.through(q3)).isEmpty();
        assertThat(q4.split(PeriodKind.MONTH)).extracting(Period::toString).containsExactly("9999-10", "9999-11", "9999-12");
        assertThat(cal.periodOf(LocalDate.of(9999, 12, 31), PeriodKind.YEAR).split(PeriodKind.QUARTER)).hasSize(4);
    }

    @Test
    void labelsOfEarlyYears_haveFourDigits_andParseBack() {
        // Year 1's quarter printed as "1-Q1", which parse refuses.
        FiscalCalendar cal = FiscalCalendar.calendarYear();
        for (String label : new String[] {"0001-Q1", "0042-H2", "FY0999", "0001-01"}) {
            assertThat(cal.parse(label).toString()).isEqualTo(label);
        }
    }
}
