package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesops.forecast.regression.LinearRegression;
import io.salesops.forecast.regression.RegressionResult;
import org.junit.jupiter.api.Test;

/** One unit for interval levels, percent, in the time-series and the regression API alike. */
class IntervalLevelsTest {

    private static final RegressionResult FIT = LinearRegression.of("y", new double[] {1, 3, 2, 5, 4})
            .regressor("x", new double[] {1, 2, 3, 4, 5}).fit();

    @Test
    void aFraction_isRefusedNamingBothReadingsAndThePercentToWrite() {
        assertThatThrownBy(() -> IntervalLevels.check(0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval level 0.95 reads two ways, as a fraction (95%) or as 0.95%; levels are percents:"
                        + " write 95 for a 95% interval");
        assertThatThrownBy(() -> IntervalLevels.check(1)).hasMessageContaining("as a fraction (100%) or as 1%");
        assertThatThrownBy(() -> IntervalLevels.check(100)).hasMessageContaining("not a percent above 1 and below 100");
        assertThatThrownBy(() -> IntervalLevels.check(Double.NaN)).hasMessageContaining("NaN");
        assertThat(IntervalLevels.check(95)).isEqualTo(95);
    }

    @Test
    void forecastLevels_andRegressionLevels_takeTheSameUnit() {
        TimeSeries s = TimeSeries.of("s", 12, 2024, 1, 10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17);
        assertThat(Forecast.of(s).method(Method.NAIVE).horizon(2).levels(95).run().interval(95).level()).isEqualTo(95);
        assertThat(FIT.predict(new double[] {3}, 95).level()).isEqualTo(95);
        assertThatThrownBy(() -> Forecast.of(s).levels(0.95)).hasMessageContaining("write 95");
        assertThatThrownBy(() -> FIT.predict(new double[] {3}, 0.95)).hasMessageContaining("write 95");
        assertThatThrownBy(() -> FIT.confidenceInterval("x", 0.95)).hasMessageContaining("write 95");
    }
}
