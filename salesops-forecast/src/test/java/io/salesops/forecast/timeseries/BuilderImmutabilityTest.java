package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Forecast}, {@link Backtest} and {@link BatchForecast} are immutable values: a configuring call whose
 * result is ignored changes nothing, and one base can be varied into several runs without the variants
 * leaking into each other.
 */
class BuilderImmutabilityTest {

    private static final TimeSeries MONTHLY = TimeSeries.of("m", 12, 2020, 1,
            112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
            115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
            145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166);

    @Test
    void forecast_ignoredResults_changeNothing() {
        Forecast base = Forecast.of(MONTHLY);
        base.method(Method.NAIVE);
        base.horizon(3);
        base.levels(50);
        ForecastResult r = base.run();

        // the defaults: AUTO, 18 months for monthly data, levels 80 and 95
        assertThat(r.method()).isEqualTo(Method.AUTO);
        assertThat(r.horizon()).isEqualTo(18);
        assertThat(r.intervals()).extracting(PredictionInterval::level).containsExactly(80.0, 95.0);
        assertThat(r.points()).containsExactly(Forecast.of(MONTHLY).run().points());
    }

    @Test
    void forecast_sharedBase_variantsDoNotLeakIntoEachOther() {
        Forecast base = Forecast.of(MONTHLY).horizon(4).levels(90);
        ForecastResult naive = base.method(Method.NAIVE).run();
        ForecastResult seasonal = base.method(Method.SEASONAL_NAIVE).horizon(2).run();
        ForecastResult again = base.run();

        assertThat(naive.method()).isEqualTo(Method.NAIVE);
        assertThat(naive.points()).containsOnly(166.0).hasSize(4);
        assertThat(seasonal.method()).isEqualTo(Method.SEASONAL_NAIVE);
        assertThat(seasonal.points()).containsExactly(145, 150);
        assertThat(again.method()).isEqualTo(Method.AUTO);
        assertThat(again.horizon()).isEqualTo(4);
        assertThat(again.intervals()).extracting(PredictionInterval::level).containsExactly(90.0);
    }

    @Test
    void forecast_ignoredRegressor_isNotAdded() {
        TimeSeries s = TimeSeries.of("r", 1, 2020, 1, 1, 3, 2, 4, 5, 7);
        Forecast base = Forecast.of(s).method(Method.REGRESSION).horizon(2);
        base.regressor("x", new double[] {1, 2, 3, 4, 5, 6}, new double[] {7, 8});
        base.etsModel("AAN");

        // without the regressor the plain trend fit runs; the ignored ETS form does not trip the method check
        assertThat(base.run().points()).containsExactly(
                Forecast.of(s).method(Method.REGRESSION).horizon(2).run().points());
    }

    @Test
    void forecast_callerArraysChangedAfterwards_doNotReachTheForecast() {
        double[] levels = {80};
        Forecast f = Forecast.of(MONTHLY).method(Method.NAIVE).horizon(2).levels(levels);
        levels[0] = 50;
        assertThat(f.run().intervals()).extracting(PredictionInterval::level).containsExactly(80.0);
    }

    @Test
    void backtest_ignoredResults_changeNothing_andBaseIsReusable() {
        Backtest base = Backtest.of(MONTHLY).method(Method.NAIVE).horizon(2).origins(3);
        base.method(Method.SEASONAL_NAIVE);
        base.horizon(6);
        base.origins(1);
        base.levels(50);

        BacktestResult r = base.run();
        assertThat(r.method()).isEqualTo(Method.NAIVE);
        assertThat(r.horizon()).isEqualTo(2);
        assertThat(r.forecasts()).hasSize(3);
        assertThat(r.accuracy().coverage()).containsOnlyKeys(80.0, 95.0);

        BacktestResult wider = base.origins(5).levels(50).run();
        assertThat(wider.forecasts()).hasSize(5);
        assertThat(wider.accuracy().coverage()).containsOnlyKeys(50.0);
        assertThat(base.run().accuracy()).isEqualTo(r.accuracy());
    }

    @Test
    void batch_ignoredResults_changeNothing_andBaseIsReusable() {
        List<TimeSeries> all = List.of(MONTHLY, MONTHLY.head(30));
        AtomicInteger calls = new AtomicInteger();
        BatchForecast base = BatchForecast.of(all).threads(1);
        base.configure(f -> f.method(Method.NAIVE).horizon(2));
        base.onProgress((done, total) -> calls.incrementAndGet());
        base.threads(0 + 2);

        List<ForecastResult> defaults = base.run();
        assertThat(defaults).extracting(ForecastResult::horizon).containsExactly(18, 18);
        assertThat(calls).hasValue(0);

        List<ForecastResult> naive = base.configure(f -> f.method(Method.NAIVE).horizon(2))
                .onProgress((done, total) -> calls.incrementAndGet()).run();
        assertThat(naive).extracting(ForecastResult::method).containsExactly(Method.NAIVE, Method.NAIVE);
        assertThat(naive.get(1).points()).containsExactly(MONTHLY.get(29), MONTHLY.get(29));
        assertThat(calls).hasValue(2);
        assertThat(base.run()).extracting(ForecastResult::method).containsExactly(Method.AUTO, Method.AUTO);
    }

    @Test
    void batch_configureMustReturnTheForecast() {
        // a settings function that configures but returns its argument would lose every setting; the
        // returned value is what runs, so f -> f.horizon(18) is the whole idiom
        List<ForecastResult> r = BatchForecast.of(List.of(MONTHLY)).configure(f -> f.horizon(5)).run();
        assertThat(r.get(0).horizon()).isEqualTo(5);
        assertThatThrownBy(() -> BatchForecast.of(List.of(MONTHLY)).configure(f -> null).run())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("configure(...) returned null for series m");
    }
}
