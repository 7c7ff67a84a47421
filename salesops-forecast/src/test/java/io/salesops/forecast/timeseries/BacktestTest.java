package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final TimeSeries ONE_TO_TEN = TimeSeries.of("count", 1, 2000, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    @Test
    void naive_onStepSeries_hasHandComputedErrors() {
        // origins train on 1..6, 1..7, 1..8; naive errors are -1 and -2 at each origin; in-sample scale 1
        BacktestResult r = Backtest.of(ONE_TO_TEN).method(Method.NAIVE).horizon(2).origins(3).levels(80).run();
        Accuracy a = r.accuracy();
        assertThat(a.points()).isEqualTo(6);
        assertThat(a.mae()).isCloseTo(1.5, within(1e-12));
        assertThat(a.bias()).isCloseTo(-1.5, within(1e-12));
        assertThat(a.mase()).isCloseTo(1.5, within(1e-12));
        assertThat(a.rmse()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(r.forecasts()).hasSize(3);
        assertThat(r.forecasts().get(0).series().size()).isEqualTo(6);
    }

    @Test
    void naive_onStepSeries_eightyPercentIntervalCoversStepOneButNotStepTwo() {
        // differences are all 1, so sigma is exactly 1; the 80% interval at step 2 is
        // last +- 1.28 * sqrt(2) = last +- 1.81: the step-2 actual (last + 2) is outside, step 1 inside.
        BacktestResult r = Backtest.of(ONE_TO_TEN).method(Method.NAIVE).horizon(2).origins(3).levels(80).run();
        assertThat(r.accuracy().coverage()).containsEntry(80.0, 0.5);
    }

    @Test
    void backtest_tooShort_namesTheNeed() {
        assertThatThrownBy(() -> Backtest.of(ONE_TO_TEN).horizon(6).origins(4).run())
                .isInstanceOf(InvalidSeriesException.class)
                .hasMessage("series \"count\" has 10 values; a backtest with 4 origins and horizon 6 needs at least 11");
    }
}
