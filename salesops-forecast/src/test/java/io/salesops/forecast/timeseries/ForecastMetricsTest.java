package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** actual {2, 4}, forecast {3, 2}: errors f - a = {+1, -2}. */
class ForecastMetricsTest {

    private static final double[] A = {2, 4};
    private static final double[] F = {3, 2};

    @Test
    void mae_isMeanOfAbsoluteErrors() {
        assertThat(ForecastMetrics.mae(A, F)).isEqualTo(1.5);
    }

    @Test
    void rmse_isRootOfMeanSquare() {
        assertThat(ForecastMetrics.rmse(A, F)).isCloseTo(Math.sqrt(2.5), within(1e-15));
    }

    @Test
    void mape_is100TimesMeanRelativeError() {
        // 1/2 and 2/4
        assertThat(ForecastMetrics.mape(A, F)).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void smape_usesM3Denominator() {
        // 200 * (1/5 + 2/6) / 2
        assertThat(ForecastMetrics.smape(A, F)).isCloseTo(53.333333333333, within(1e-9));
    }

    @Test
    void mase_scalesByInSampleNaiveMae() {
        // in-sample lag-1 differences 1, 2, 3: scale 2; MAE 1.5
        assertThat(ForecastMetrics.mase(A, F, new double[] {1, 2, 4, 7}, 1)).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void mase_seasonalLag_usesDifferencesOneSeasonApart() {
        // lag 2: |4-1| and |7-2|: scale 4
        assertThat(ForecastMetrics.mase(A, F, new double[] {1, 2, 4, 7}, 2)).isCloseTo(0.375, within(1e-15));
    }

    @Test
    void wape_isTotalAbsoluteErrorOverTotalActual() {
        assertThat(ForecastMetrics.wape(A, F)).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void bias_isMeanOfForecastMinusActual() {
        assertThat(ForecastMetrics.bias(A, F)).isEqualTo(-0.5);
    }

    @Test
    void coverage_countsBoundsAsInside() {
        assertThat(ForecastMetrics.coverage(new double[] {1, 5, 9, 3}, new double[] {1, 0, 0, 4},
                new double[] {2, 5, 8, 6})).isEqualTo(0.5);
    }

    @Test
    void mae_unequalLengths_isRejected() {
        assertThatThrownBy(() -> ForecastMetrics.mae(new double[] {1}, new double[] {1, 2}))
                .hasMessage("1 actuals but 2 forecasts");
    }
}
