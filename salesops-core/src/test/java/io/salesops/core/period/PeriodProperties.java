package io.salesops.core.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PeriodProperties {

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1990, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<FiscalCalendar> calendars() {
        return Arbitraries.of(Month.values()).map(FiscalCalendar::startingIn);
    }

    @Property
    void everyDate_liesInExactlyOnePeriodOfEachKind(@ForAll("dates") LocalDate date, @ForAll("calendars") FiscalCalendar cal) {
        for (PeriodKind kind : PeriodKind.values()) {
            Period p = cal.periodOf(date, kind);
            assertThat(p.contains(date)).isTrue();
            // the neighbours of the period do not contain it: exactly one
            assertThat(p.next().contains(date)).isFalse();
            assertThat(p.previous().contains(date)).isFalse();
            assertThat(p.split(PeriodKind.MONTH)).hasSize(kind.months());
        }
    }

    @Property
    void periodsTileTheYear_withoutGapsOrOverlaps(@ForAll @IntRange(min = 1990, max = 2100) int fy,
                                                   @ForAll("calendars") FiscalCalendar cal) {
        Period year = cal.year(fy);
        for (PeriodKind kind : PeriodKind.values()) {
            List<Period> parts = year.split(kind);
            assertThat(parts).hasSize(12 / kind.months());
            assertThat(parts.get(0).start()).isEqualTo(year.start());
            assertThat(parts.get(parts.size() - 1).end()).isEqualTo(year.end());
            for (int i = 1; i < parts.size(); i++) {
                assertThat(parts.get(i).start()).isEqualTo(parts.get(i - 1).end().plusDays(1));
            }
            assertThat(parts.stream().mapToInt(Period::days).sum()).isEqualTo(year.days());
        }
    }

    @Property
    void label_parsesBackToTheSamePeriod(@ForAll("dates") LocalDate date, @ForAll("calendars") FiscalCalendar cal) {
        for (PeriodKind kind : PeriodKind.values()) {
            Period p = cal.periodOf(date, kind);
            assertThat(cal.parse(p.toString())).isEqualTo(p);
        }
    }

    @Property
    void finerPeriods_nestInsideCoarser(@ForAll("dates") LocalDate date, @ForAll("calendars") FiscalCalendar cal) {
        Period month = cal.periodOf(date, PeriodKind.MONTH);
        Period quarter = cal.periodOf(date, PeriodKind.QUARTER);
        Period half = cal.periodOf(date, PeriodKind.HALF);
        Period year = cal.periodOf(date, PeriodKind.YEAR);
        assertThat(quarter.contains(month)).isTrue();
        assertThat(half.contains(quarter)).isTrue();
        assertThat(year.contains(half)).isTrue();
        assertThat(month.enclosing(PeriodKind.QUARTER)).isEqualTo(quarter);
        assertThat(month.fiscalYear()).isEqualTo(year.fiscalYear());
    }
}
