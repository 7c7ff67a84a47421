package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.core.problem.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void read_longFormat_givesEverySeriesInOrderOfFirstAppearance() throws IOException {
        Path f = write("bookings.csv", "series,period,value\n\"North, East\",2024-01,10\nWest,2024-01,5\n"
                + "\"North, East\",2024-02,12.5\nWest,2024-02,6\n");
        List<TimeSeries> all = TimeSeriesCsv.read(f);
        assertThat(all).extracting(TimeSeries::name).containsExactly("North, East", "West");
        assertThat(TimeSeriesCsv.read(f, "North, East"))
                .isEqualTo(TimeSeries.parse("North, East", List.of("2024-01", "2024-02"), List.of(10.0, 12.5)));
    }

    @Test
    void read_twoColumns_namesTheSeriesAfterTheFile() throws IOException {
        Path f = write("emea.csv", "period,value\n2024-Q1,1\n2024-Q2,2\n");
        assertThat(TimeSeriesCsv.read(f)).extracting(TimeSeries::name).containsExactly("emea");
    }

    @Test
    void read_badValue_namesFileLineAndColumn() throws IOException {
        Path f = write("b.csv", "series,period,value\nA,2024-01,1\nA,2024-02,12,5x\n");
        assertThatThrownBy(() -> TimeSeriesCsv.read(f)).isInstanceOf(InvalidSeriesException.class)
                .hasMessage(f + ":3: 4 fields but the header has 3");
        Path g = write("c.csv", "series,period,value\nA,2024-01,1\nA,2024-02,n/a\n");
        assertThatThrownBy(() -> TimeSeriesCsv.read(g)).isInstanceOfSatisfying(InvalidSeriesException.class,
                e -> assertThat(e.problems()).containsExactly(new Problem(g.toString(), 3, 3, "value", "\"n/a\" is not a number")));
    }

    @Test
    void read_overlongSeriesName_isALocatedProblemQuotedShort() throws IOException {
        // A 5,000,000-character name was accepted and printed on every line of the forecast.
        Path f = write("long.csv", "series,period,value\nA,2024-01,1\n" + "x".repeat(201) + ",2024-02,2\n");
        assertThatThrownBy(() -> TimeSeriesCsv.read(f)).isInstanceOfSatisfying(InvalidSeriesException.class,
                e -> assertThat(e.problems()).containsExactly(new Problem(f.toString(), 3, 1, "series",
                        "series name \"" + "x".repeat(40) + "...\" has 201 characters; at most 200")));
        assertThat(TimeSeriesCsv.read(write("ok.csv", "series,period,value\n" + "y".repeat(200) + ",2024-01,1\n")))
                .extracting(TimeSeries::name).containsExactly("y".repeat(200));
    }

    @Test
    void read_unknownSeries_listsThoseTheFileHas() throws IOException {
        Path f = write("b.csv", "series,period,value\nA,2024-01,1\nB,2024-01,2\n");
        assertThatThrownBy(() -> TimeSeriesCsv.read(f, "Total")).isInstanceOf(InvalidSeriesException.class)
                .hasMessageContaining("no series \"Total\"; the file has A, B");
    }

    @Test
    void read_gap_isReportedWithTheFile() throws IOException {
        Path f = write("g.csv", "period,value\n2024-01,1\n2024-03,2\n");
        assertThatThrownBy(() -> TimeSeriesCsv.read(f)).isInstanceOf(InvalidSeriesException.class)
                .hasMessageStartingWith(f + ": ");
    }
}
