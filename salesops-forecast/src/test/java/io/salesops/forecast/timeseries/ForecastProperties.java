package io.salesops.forecast.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ForecastProperties {

    /** Positive series with level, trend, optional season and noise; 2 to 6 seasons long. */
    @Provide
    Arbitrary<TimeSeries> series() {
        Arbitrary<Integer> frequency = Arbitraries.of(1, 4, 12);
        return Combinators.combine(frequency, Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.doubles().between(10, 10_000), Arbitraries.doubles().between(-0.02, 0.02),
                Arbitraries.doubles().between(0, 0.3), Arbitraries.doubles().between(0.0, 0.2))
                .as((m, seed, level, trend, season, noise) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    int n = m == 1 ? 8 + random.nextInt(30) : m * (2 + random.nextInt(5)) + random.nextInt(m);
                    double[] v = new double[n];
                    for (int t = 0; t < n; t++) {
                        double s = m == 1 ? 1 : 1 + season * Math.sin(2 * Math.PI * t / m);
                        v[t] = level * (1 + trend * t) * s * (1 + noise * (random.nextDouble() - 0.5));
                        v[t] = Math.max(v[t], 1);
                    }
                    return TimeSeries.of("gen", m, 2020, 1, v);
                });
    }

    @Provide
    Arbitrary<TimeSeries> yearly() {
        return series().filter(s -> s.frequency() == 1);
    }

    @Provide
    Arbitrary<Method> anyMethod() {
        return Arbitraries.of(Method.values());
    }

    /** Methods whose interval width is a non-decreasing function of the step on non-seasonal data. */
    @Provide
    Arbitrary<Method> analyticMethod() {
        return Arbitraries.of(Method.SES, Method.HOLT, Method.DAMPED, Method.THETA, Method.NAIVE, Method.REGRESSION);
    }

    @Property(tries = 60)
    void intervals_nestByLevel(@ForAll("series") TimeSeries s, @ForAll("anyMethod") Method method) {
        ForecastResult r = Forecast.of(s).method(method).horizon(12).levels(80, 95).run();
        double tol = 1e-9 * Math.abs(s.get(s.size() - 1));
        for (int h = 1; h <= 12; h++) {
            assertThat(r.interval(95).lower(h)).isLessThanOrEqualTo(r.interval(80).lower(h) + tol);
            assertThat(r.interval(80).lower(h)).isLessThanOrEqualTo(r.interval(80).upper(h) + tol);
            assertThat(r.interval(80).upper(h)).isLessThanOrEqualTo(r.interval(95).upper(h) + tol);
        }
    }

    @Property(tries = 60)
    void intervals_widenWithHorizon_forNonSeasonalData(@ForAll("yearly") TimeSeries s,
            @ForAll("analyticMethod") Method method) {
        ForecastResult r = Forecast.of(s).method(method).horizon(10).levels(80).run();
        PredictionInterval p = r.interval(80);
        double tol = 1e-9 * Math.abs(s.get(s.size() - 1));
        for (int h = 2; h <= 10; h++) {
            assertThat(p.upper(h) - p.lower(h)).isGreaterThanOrEqualTo(p.upper(h - 1) - p.lower(h - 1) - tol);
        }
    }

    @Property(tries = 40)
    void scaling_byPowerOfTwo_scalesForecastsExactly(@ForAll("series") TimeSeries s, @ForAll("anyMethod") Method method,
            @ForAll @IntRange(min = -20, max = 20) int exponent) {
        // A power of two scales every double exactly, so even the optimiser's path is identical.
        double c = Math.scalb(1.0, exponent);
        double[] base = Forecast.of(s).method(method).horizon(6).run().points();
        double[] scaled = Forecast.of(s.scaled(c)).method(method).horizon(6).run().points();
        for (int i = 0; i < 6; i++) {
            assertThat(scaled[i]).isEqualTo(base[i] * c);
        }
    }

    @Property(tries = 40)
    void scaling_byAnyPositiveFactor_scalesForecasts(@ForAll("series") TimeSeries s, @ForAll("anyMethod") Method method,
            @ForAll @DoubleRange(min = 0.001, max = 1000) @net.jqwik.api.constraints.Scale(4) double c) {
        double[] base = Forecast.of(s).method(method).horizon(6).run().points();
        double[] scaled = Forecast.of(s.scaled(c)).method(method).horizon(6).run().points();
        // Fitted parameters come from an iterative optimizer (Nelder-Mead stops at about 1e-5 relative), so the
        // forecasts agree to 0.01% of the data's size, not of each point: a forecast near zero is no more exact.
        double size = Arrays.stream(s.values()).map(Math::abs).max().orElse(0) * c;
        for (int i = 0; i < 6; i++) {
            assertThat(scaled[i]).isCloseTo(base[i] * c, within(1e-4 * Math.max(Math.abs(base[i] * c), size) + 1e-9));
        }
    }

    @Property(tries = 40)
    void constantSeries_forecastsTheConstant(@ForAll @DoubleRange(min = 0.01, max = 1e6) double value,
            @ForAll("anyMethod") Method method, @ForAll("frequencies") int frequency,
            @ForAll @IntRange(min = 2, max = 5) int seasons) {
        double[] v = new double[frequency * seasons + 8];
        Arrays.fill(v, value);
        ForecastResult r = Forecast.of(TimeSeries.of("flat", frequency, 2020, 1, v)).method(method).horizon(8).run();
        for (double p : r.points()) {
            assertThat(p).isCloseTo(value, within(1e-9 * value));
        }
    }

    @Provide
    Arbitrary<Integer> frequencies() {
        return Arbitraries.of(List.of(1, 4, 12));
    }

    /** Any finite values, negative and zero included, 3 to 40 of them. */
    @Provide
    Arbitrary<TimeSeries> anySeries() {
        return Combinators.combine(Arbitraries.of(1, 4, 12),
                Arbitraries.doubles().between(-1e4, 1e4).ofScale(2).list().ofMinSize(3).ofMaxSize(40))
                .as((m, values) -> TimeSeries.of("any", m, 2020, 1,
                        values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    @Property(tries = 100)
    void everyMethod_anyFiniteSeriesLongEnough_givesFiniteForecasts(@ForAll("anySeries") TimeSeries s,
            @ForAll("anyMethod") Method method) {
        int m = s.frequency();
        if (method == Method.REGRESSION && s.size() < (m > 1 ? m + 3 : 4)
                || method == Method.SEASONAL_NAIVE && s.size() < m) {
            return;
        }
        ForecastResult r = Forecast.of(s).method(method).horizon(m == 1 ? 4 : 2 * m).levels(80).run();
        for (int h = 1; h <= r.horizon(); h++) {
            assertThat(r.point(h)).isFinite();
            assertThat(r.interval(80).lower(h)).isFinite().isLessThanOrEqualTo(r.interval(80).upper(h));
        }
    }
}
