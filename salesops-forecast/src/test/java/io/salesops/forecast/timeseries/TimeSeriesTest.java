package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    @Test
    void parse_monthlyLabelsOutOfOrder_sortsAndDetectsFrequency12() {
        TimeSeries s = TimeSeries.parse("EMEA", List.of("2024-03", "2024-01", "2024-02"), List.of(3.0, 1.0, 2.0));
        assertThat(s.frequency()).isEqualTo(12);
        assertThat(s.startYear()).isEqualTo(2024);
        assertThat(s.startPeriod()).isEqualTo(1);
        assertThat(s.values()).containsExactly(1.0, 2.0, 3.0);
        assertThat(s.periodLabel(3)).isEqualTo("2024-04");
    }

    @Test
    void parse_quarterLabels_detectsFrequency4AndLabelsNextYear() {
        TimeSeries s = TimeSeries.parse("NA", List.of("2023-Q3", "2023-Q4", "2024-Q1"), List.of(1.0, 2.0, 3.0));
        assertThat(s.frequency()).isEqualTo(4);
        assertThat(s.startPeriod()).isEqualTo(3);
        assertThat(s.periodLabel(3)).isEqualTo("2024-Q2");
        assertThat(s.seasonOf(0)).isEqualTo(2);
    }

    @Test
    void parse_yearLabels_detectsFrequency1() {
        TimeSeries s = TimeSeries.parse("all", List.of("2021", "2022"), List.of(1.0, 2.0));
        assertThat(s.frequency()).isEqualTo(1);
        assertThat(s.periodLabel(2)).isEqualTo("2023");
    }

    @Test
    void parse_isoDatesOnFirstOfMonth_areMonths() {
        TimeSeries s = TimeSeries.parse("x", List.of("2024-11-01", "2024-12-01", "2025-01-01"), List.of(1.0, 2.0, 3.0));
        assertThat(s.frequency()).isEqualTo(12);
        assertThat(s.periodLabel(0)).isEqualTo("2024-11");
    }

    @Test
    void parse_isoDatesThreeMonthsApartOnQuarterStarts_areQuarters() {
        TimeSeries s = TimeSeries.parse("x", List.of("2024-01-01", "2024-04-01", "2024-07-01"), List.of(1.0, 2.0, 3.0));
        assertThat(s.frequency()).isEqualTo(4);
        assertThat(s.periodLabel(3)).isEqualTo("2024-Q4");
    }

    @Test
    void parse_missingMonth_namesSeriesAndGap() {
        assertThatThrownBy(() -> TimeSeries.parse("EMEA", List.of("2024-01", "2024-02", "2024-04"),
                List.of(1.0, 2.0, 4.0)))
                .isInstanceOf(InvalidSeriesException.class)
                .hasMessage("series \"EMEA\": period 2024-03 is missing (gap between 2024-02 and 2024-04)");
    }

    @Test
    void parse_severalMissingQuarters_namesTheRange() {
        assertThatThrownBy(() -> TimeSeries.parse("NA", List.of("2024-Q1", "2024-Q4"), List.of(1.0, 2.0)))
                .hasMessage("series \"NA\": periods 2024-Q2 to 2024-Q3 are missing (gap between 2024-Q1 and 2024-Q4)");
    }

    @Test
    void parse_duplicatePeriod_isRejected() {
        assertThatThrownBy(() -> TimeSeries.parse("EMEA", List.of("2024-01", "2024-01"), List.of(1.0, 2.0)))
                .isInstanceOf(InvalidSeriesException.class)
                .hasMessage("series \"EMEA\": period 2024-01 appears more than once");
    }

    @Test
    void parse_nanValue_namesThePeriod() {
        assertThatThrownBy(() -> TimeSeries.parse("EMEA", List.of("2024-01", "2024-02"), List.of(1.0, Double.NaN)))
                .hasMessage("series \"EMEA\": value at period 2024-02 is NaN; every value must be a finite number");
    }

    @Test
    void parse_dateNotOnFirstOfMonth_isRejected() {
        assertThatThrownBy(() -> TimeSeries.parse("x", List.of("2024-03-15"), List.of(1.0)))
                .hasMessageContaining("\"2024-03-15\" is not the first of a month");
    }

    @Test
    void parse_mixedForms_isRejected() {
        assertThatThrownBy(() -> TimeSeries.parse("x", List.of("2024-01", "2024-Q1"), List.of(1.0, 2.0)))
                .hasMessageContaining("\"2024-Q1\" is written differently from \"2024-01\"");
    }

    @Test
    void parse_labelNotFittingGivenFrequency_isRejected() {
        assertThatThrownBy(() -> TimeSeries.parse("x", 4, List.of("2024-01"), List.of(1.0)))
                .hasMessageContaining("\"2024-01\" does not fit frequency 4");
    }

    @Test
    void parse_garbageLabel_isRejected() {
        assertThatThrownBy(() -> TimeSeries.parse("x", List.of("March"), List.of(1.0)))
                .hasMessageContaining("period \"March\" is not a period");
    }

    @Test
    void of_unsupportedFrequency_isRejected() {
        assertThatThrownBy(() -> TimeSeries.of("x", 7, 2024, 1, 1, 2))
                .hasMessageContaining("frequency 7 is not supported");
    }

    @Test
    void values_isACopy() {
        TimeSeries s = TimeSeries.of("x", 1, 2020, 1, 1, 2);
        s.values()[0] = 99;
        assertThat(s.get(0)).isEqualTo(1);
    }
}
