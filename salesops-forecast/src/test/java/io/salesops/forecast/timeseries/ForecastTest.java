package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static TimeSeries constant(int frequency, int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return TimeSeries.of("flat", frequency, 2020, 1, v);
    }

    @Test
    void ses_constantSeries_forecastsThatConstantWithZeroWidthIntervals() {
        ForecastResult r = Forecast.of(constant(12, 36, 500)).method(Method.SES).horizon(6).run();
        for (int h = 1; h <= 6; h++) {
            assertThat(r.point(h)).isCloseTo(500, within(1e-9));
            assertThat(r.interval(95).lower(h)).isCloseTo(500, within(1e-6));
            assertThat(r.interval(95).upper(h)).isCloseTo(500, within(1e-6));
        }
    }

    @Test
    void auto_constantSeries_forecastsThatConstant() {
        ForecastResult r = Forecast.of(constant(12, 48, 120)).horizon(18).run();
        for (double p : r.points()) {
            assertThat(p).isCloseTo(120, within(1e-9));
        }
    }

    @Test
    void holt_exactLine_extrapolatesTheLine() {
        double[] v = new double[20];
        for (int t = 1; t <= 20; t++) {
            v[t - 1] = 100 + 5 * t;
        }
        ForecastResult r = Forecast.of(TimeSeries.of("line", 1, 2000, 1, v)).method(Method.ETS).etsModel("AAN")
                .horizon(5).run();
        for (int h = 1; h <= 5; h++) {
            assertThat(r.point(h)).isCloseTo(100 + 5 * (20 + h), within(1e-6));
        }
        assertThat(r.model()).isEqualTo("ETS(A,A,N)");
    }

    @Test
    void theta_exactLine_growsAtHalfTheSlope() {
        // SES on a line tracks the last value (alpha -> 1); Theta adds half the regression slope per step.
        double[] v = new double[30];
        for (int t = 0; t < 30; t++) {
            v[t] = 200 + 4 * t;
        }
        ForecastResult r = Forecast.of(TimeSeries.of("line", 1, 2000, 1, v)).method(Method.THETA).horizon(4).run();
        for (int h = 1; h <= 4; h++) {
            assertThat(r.point(h)).isCloseTo(v[29] + 2 * h, within(0.01));
        }
    }

    @Test
    void seasonalNaive_pureSeasonalPattern_repeatsThePattern() {
        double[] pattern = {5, 7, 9, 4, 3, 8, 10, 12, 6, 5, 4, 11};
        double[] v = new double[36];
        for (int t = 0; t < 36; t++) {
            v[t] = pattern[t % 12];
        }
        ForecastResult r = Forecast.of(TimeSeries.of("s", 12, 2021, 1, v)).method(Method.SEASONAL_NAIVE).horizon(18).run();
        for (int h = 1; h <= 18; h++) {
            assertThat(r.point(h)).isEqualTo(pattern[(h - 1) % 12]);
        }
    }

    @Test
    void naive_intervalGrowsWithSquareRootOfSteps() {
        // one-step differences 1 and 2: sigma^2 = 2.5; step 2 se = sqrt(5); z(80%) = 1.2815515655446004
        ForecastResult r = Forecast.of(TimeSeries.of("n", 1, 2020, 1, 1, 2, 4)).method(Method.NAIVE).horizon(2)
                .levels(80).run();
        assertThat(r.point(2)).isEqualTo(4);
        assertThat(r.interval(80).upper(2)).isCloseTo(4 + 1.2815515655446004 * Math.sqrt(5), within(1e-9));
        assertThat(r.interval(80).lower(1)).isCloseTo(4 - 1.2815515655446004 * Math.sqrt(2.5), within(1e-9));
    }

    @Test
    void regression_fourPoints_matchesHandComputedTInterval() {
        // y = 1,3,2,4 on t = 1..4: slope 0.8, intercept 0.5, s^2 = 1.8/2; at t = 5:
        // 4.5 +- t(2, .975) * sqrt(0.9 * (1 + 1/4 + 2.5^2/5)) = 4.5 +- 4.302652729911275 * 1.5
        ForecastResult r = Forecast.of(TimeSeries.of("r", 1, 2020, 1, 1, 3, 2, 4)).method(Method.REGRESSION)
                .horizon(1).levels(95).run();
        assertThat(r.point(1)).isCloseTo(4.5, within(1e-12));
        assertThat(r.interval(95).lower(1)).isCloseTo(4.5 - 4.302652729911275 * 1.5, within(1e-9));
        assertThat(r.interval(95).upper(1)).isCloseTo(4.5 + 4.302652729911275 * 1.5, within(1e-9));
        assertThat(r.parameters().get("trend")).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void regression_exactTrendAndQuarterlySeason_continuesIt() {
        double[] season = {0, 5, -3, 1};
        double[] v = new double[12];
        for (int t = 0; t < 12; t++) {
            v[t] = 10 + 2 * (t + 1) + season[t % 4];
        }
        ForecastResult r = Forecast.of(TimeSeries.of("q", 4, 2022, 1, v)).method(Method.REGRESSION).horizon(4).run();
        for (int h = 1; h <= 4; h++) {
            assertThat(r.point(h)).isCloseTo(10 + 2 * (12 + h) + season[(h - 1) % 4], within(1e-9));
        }
    }

    @Test
    void regression_externalRegressor_usesFutureValues() {
        double[] x = {1, 4, 2, 8, 5, 7, 3, 6};
        double[] v = new double[8];
        for (int t = 0; t < 8; t++) {
            v[t] = 3 + 0.5 * (t + 1) + 2 * x[t];
        }
        ForecastResult r = Forecast.of(TimeSeries.of("x", 1, 2010, 1, v)).method(Method.REGRESSION).horizon(2)
                .regressor("price", x, new double[] {10, 0}).run();
        assertThat(r.point(1)).isCloseTo(3 + 0.5 * 9 + 20, within(1e-9));
        assertThat(r.point(2)).isCloseTo(3 + 0.5 * 10, within(1e-9));
        assertThat(r.parameters().get("price")).isCloseTo(2, within(1e-9));
    }

    @Test
    void regressor_withOtherMethod_isRejected() {
        TimeSeries s = TimeSeries.of("x", 1, 2010, 1, 1, 2, 3, 4, 5);
        assertThatThrownBy(() -> Forecast.of(s).method(Method.THETA).horizon(1)
                .regressor("p", new double[] {1, 2, 3, 4, 5}, new double[] {6}).run())
                .hasMessage("external regressors are used only by Method.REGRESSION, not THETA");
    }

    @Test
    void regressor_futureShorterThanHorizon_isRejected() {
        TimeSeries s = TimeSeries.of("x", 1, 2010, 1, 1, 2, 3, 4, 5);
        assertThatThrownBy(() -> Forecast.of(s).method(Method.REGRESSION).horizon(3)
                .regressor("p", new double[] {1, 2, 3, 5, 4}, new double[] {6}).run())
                .hasMessage("regressor \"p\" has 1 future values but the horizon is 3");
    }

    @Test
    void multiplicativeEts_nonPositiveValue_namesSeriesPeriodAndModel() {
        double[] v = new double[30];
        Arrays.fill(v, 10);
        v[4] = -3;
        TimeSeries s = TimeSeries.of("APAC", 12, 2024, 1, v);
        assertThatThrownBy(() -> Forecast.of(s).method(Method.ETS).etsModel("MAM").run())
                .isInstanceOf(InvalidSeriesException.class)
                .hasMessage("series \"APAC\": value -3.0 at period 2024-05 is not positive; multiplicative model "
                        + "ETS(M,A,M) needs positive values");
    }

    @Test
    void seasonalEts_shorterThanTwoSeasons_isRejected() {
        TimeSeries s = constant(12, 20, 5);
        assertThatThrownBy(() -> Forecast.of(s).method(Method.ETS).etsModel("AAA").run())
                .isInstanceOf(InvalidSeriesException.class)
                .hasMessage("series \"flat\" has 20 values; ETS(A,A,A) (two seasons of 12) needs at least 24");
    }

    @Test
    void regression_tooShortForSeasonalDummies_isRejected() {
        TimeSeries s = constant(12, 10, 5);
        assertThatThrownBy(() -> Forecast.of(s).method(Method.REGRESSION).run())
                .hasMessage("series \"flat\" has 10 values; regression on trend and 11 seasonal dummies needs at least 15");
    }

    @Test
    void etsModel_additiveErrorMultiplicativeSeason_isRejectedAtOnce() {
        assertThatThrownBy(() -> Forecast.of(constant(12, 30, 1)).etsModel("ANM"))
                .hasMessageContaining("numerically unstable; use MNM");
    }

    @Test
    void levels_outOfRange_isRejectedAtOnce() {
        assertThatThrownBy(() -> Forecast.of(constant(1, 5, 1)).levels(80, 100))
                .hasMessage("interval level 100.0 is not a percent above 1 and below 100, e.g. 80 or 95");
    }

    @Test
    void auto_seasonalSeries_isCombinationAndExplainsItself() {
        double[] v = new double[60];
        for (int t = 0; t < 60; t++) {
            v[t] = (100 + t) * (1 + 0.3 * Math.sin(2 * Math.PI * t / 12)) + 3 * Math.cos(7.1 * t);
        }
        ForecastResult r = Forecast.of(TimeSeries.of("wave", 12, 2019, 1, v)).run();
        assertThat(r.model()).startsWith("Combination(ETS(");
        assertThat(r.explanation()).startsWith("AUTO uses Combination(")
                .contains("autocorrelation significant at 90%");
        assertThat(r.periods()).first().isEqualTo("2024-01");
        assertThat(r.horizon()).isEqualTo(18);
        assertThat(r.fitted()).hasSize(60);
    }

    @Test
    void batch_returnsResultsInInputOrderEqualToSingleRuns() {
        List<TimeSeries> all = List.of(
                TimeSeries.of("a", 4, 2020, 1, 5, 7, 6, 8, 9, 11, 10, 12, 13, 15, 14, 16),
                TimeSeries.of("b", 1, 2000, 1, 3, 4, 4, 5, 7, 6, 8),
                TimeSeries.of("c", 4, 2020, 2, 50, 40, 45, 60, 52, 41, 47, 63, 55, 44, 49, 66));
        List<ForecastResult> batch = BatchForecast.of(all).configure(f -> f.method(Method.AUTO).horizon(4)).threads(2).run();
        assertThat(batch).extracting(r -> r.series().name()).containsExactly("a", "b", "c");
        for (int i = 0; i < all.size(); i++) {
            assertThat(batch.get(i).points()).containsExactly(Forecast.of(all.get(i)).horizon(4).run().points());
        }
    }

    @Test
    void auto_twoValues_repeatsTheLastValueAndSaysWhy() {
        ForecastResult r = Forecast.of(TimeSeries.of("new", 12, 2025, 1, 40, 50)).horizon(3).run();
        assertThat(r.points()).containsExactly(50, 50, 50);
        assertThat(r.explanation()).contains("fewer than 3 values");
    }

    @Test
    void theta_twoValues_isRejectedNamingTheNeed() {
        assertThatThrownBy(() -> Forecast.of(TimeSeries.of("new", 12, 2025, 1, 40, 50)).method(Method.THETA).run())
                .hasMessage("series \"new\" has 2 values; THETA needs at least 3 (use NAIVE for shorter series)");
    }

    private static final double[] NOISY = {112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126,
        141, 135, 125, 149, 170, 170, 158, 133, 114, 140};

    @Test
    void etsAAN_intervalHalfWidth_followsClassOneVarianceFormula() {
        // Hyndman et al. (2008) Table 6.1: var_h = sigma^2 (1 + sum_{j<h} (alpha + beta j)^2)
        ForecastResult r = Forecast.of(TimeSeries.of("air", 1, 1990, 1, NOISY)).method(Method.ETS).etsModel("AAN")
                .horizon(4).levels(90).run();
        double alpha = r.parameters().get("alpha");
        double beta = r.parameters().get("beta");
        double sigma = r.parameters().get("sigma");
        double z = 1.6448536269514722;
        double sum = 0;
        for (int h = 1; h <= 4; h++) {
            double half = (r.interval(90).upper(h) - r.interval(90).lower(h)) / 2;
            assertThat(half).isCloseTo(z * sigma * Math.sqrt(1 + sum), within(1e-9 * sigma));
            sum += (alpha + beta * h) * (alpha + beta * h);
        }
    }

    @Test
    void theta_interval_isSesIntervalAroundDriftedForecast() {
        // Hyndman and Billah (2003): Theta is SES with drift, so var_h = sigma^2 (1 + (h - 1) alpha^2).
        ForecastResult r = Forecast.of(TimeSeries.of("air", 1, 1990, 1, NOISY)).method(Method.THETA).horizon(5)
                .levels(80).run();
        double alpha = r.parameters().get("alpha");
        double sigma = r.parameters().get("sigma");
        double z = 1.2815515655446004;
        for (int h = 1; h <= 5; h++) {
            double lo = r.interval(80).lower(h);
            double hi = r.interval(80).upper(h);
            assertThat((lo + hi) / 2).isCloseTo(r.point(h), within(1e-9 * r.point(h)));
            assertThat((hi - lo) / 2).isCloseTo(z * sigma * Math.sqrt(1 + (h - 1) * alpha * alpha), within(1e-9 * sigma));
        }
    }

    @Test
    void combo_pointForecast_isMeanOfItsMembers() {
        TimeSeries s = TimeSeries.of("air", 1, 1990, 1, NOISY);
        ForecastResult combo = Forecast.of(s).method(Method.COMBO).horizon(3).run();
        double[] ets = Forecast.of(s).method(Method.ETS).horizon(3).run().points();
        double[] theta = Forecast.of(s).method(Method.THETA).horizon(3).run().points();
        double[] damped = Forecast.of(s).method(Method.DAMPED).horizon(3).run().points();
        for (int h = 1; h <= 3; h++) {
            assertThat(combo.point(h)).isCloseTo((ets[h - 1] + theta[h - 1] + damped[h - 1]) / 3, within(1e-9));
        }
    }
}
