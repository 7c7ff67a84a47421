package io.salesops.forecast.timeseries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Forecasts one series:
 * <pre>{@code
 * ForecastResult r = Forecast.of(series).method(Method.AUTO).horizon(18).levels(80, 95).run();
 * }</pre>
 *
 * <p>An immutable value in the java.time style: every configuring call checks its argument at once
 * (throwing {@link IllegalArgumentException} naming the value) and returns a <em>new</em>
 * {@code Forecast}; the receiver is never changed, so a shared base can be varied freely and a call
 * whose result is ignored has no effect. Thread-safe; {@link #run()} may be called any number of
 * times, from any thread. Nulls are rejected.
 */
public final class Forecast {

    private static final double[] DEFAULT_LEVELS = {80, 95};

    private final TimeSeries series;
    private final Method method;
    private final int horizon;
    /** Sorted, distinct percents; never handed out or changed after construction. */
    private final double[] levels;
    private final String etsModel;
    private final List<TrendRegression.Regressor> regressors;

    private Forecast(TimeSeries series, Method method, int horizon, double[] levels, String etsModel,
            List<TrendRegression.Regressor> regressors) {
        this.series = series;
        this.method = method;
        this.horizon = horizon;
        this.levels = levels;
        this.etsModel = etsModel;
        this.regressors = regressors;
    }

    /**
     * Starts a forecast of {@code series} with method {@link Method#AUTO}, levels 80 and 95 and a
     * default horizon of two years for yearly, 8 quarters, or 18 months.
     *
     * @param series the history; not null
     * @return a forecast with the default settings
     */
    public static Forecast of(TimeSeries series) {
        Objects.requireNonNull(series, "series");
        return new Forecast(series, Method.AUTO, defaultHorizon(series.frequency()), DEFAULT_LEVELS, null, List.of());
    }

    static int defaultHorizon(int frequency) {
        return frequency == 12 ? 18 : frequency == 4 ? 8 : 6;
    }

    /**
     * Returns a copy that uses another method.
     *
     * @param method the method; not null
     * @return a new forecast with this method; this one is unchanged
     */
    public Forecast method(Method method) {
        return new Forecast(series, Objects.requireNonNull(method, "method"), horizon, levels, etsModel, regressors);
    }

    /**
     * Returns a copy that forecasts another number of periods.
     *
     * @param steps number of future periods, 1..1000
     * @return a new forecast with this horizon; this one is unchanged
     * @throws IllegalArgumentException if out of range
     */
    public Forecast horizon(int steps) {
        if (steps < 1 || steps > 1000) {
            throw new IllegalArgumentException("horizon " + steps + " is outside 1..1000");
        }
        return new Forecast(series, method, steps, levels, etsModel, regressors);
    }

    /**
     * Returns a copy with other prediction-interval levels, in percent (e.g. {@code 80, 95}).
     *
     * @param percents each in (0, 100); duplicates are removed; none means no intervals; the array is copied
     * @return a new forecast with these levels; this one is unchanged
     * @throws IllegalArgumentException if a level is not a percent above 1 and below 100 (0.95 is refused, see {@link IntervalLevels})
     */
    public Forecast levels(double... percents) {
        return new Forecast(series, method, horizon, checkedLevels(percents), etsModel, regressors);
    }

    /**
     * Checks interval levels in percent and returns them sorted and distinct (a new array).
     *
     * @throws IllegalArgumentException if a level is not above 1 and below 100 (see {@link IntervalLevels})
     */
    static double[] checkedLevels(double... percents) {
        Objects.requireNonNull(percents, "percents");
        for (double p : percents) {
            IntervalLevels.check(p);
        }
        return Arrays.stream(percents).distinct().sorted().toArray();
    }

    /**
     * Fixes the ETS form for {@link Method#ETS}, e.g. {@code "AAdN"} or {@code "MAM"} (error, trend,
     * season); without it the form is chosen by AICc.
     *
     * @param code a form such as {@code ANN, AAN, AAdN, ANA, AAA, AAdA, MNN, MAN, MAdN, MNA, MAA, MAdA,
     *     MNM, MAM, MAdM}; not null
     * @return a new forecast with this form; this one is unchanged
     * @throws IllegalArgumentException if the code is not a form, or is additive error with multiplicative season
     */
    public Forecast etsModel(String code) {
        EtsForm spec = EtsForm.parse(Objects.requireNonNull(code, "code"));
        if (spec == null) {
            throw new IllegalArgumentException("ETS model \"" + code
                    + "\" is not a form like ANN, AAdN or MAM (error A|M, trend N|A|Ad, season N|A|M)");
        }
        if (!spec.stable()) {
            throw new IllegalArgumentException("ETS model \"" + code
                    + "\" mixes additive error with multiplicative season, which is numerically unstable; use M" +
                    code.substring(1));
        }
        return new Forecast(series, method, horizon, levels, spec.code(), regressors);
    }

    /**
     * Returns a copy with one more external regressor for {@link Method#REGRESSION}.
     *
     * @param name the regressor name; not null or blank
     * @param history one value per observation of the series; not null
     * @param future one value per forecast step (must match the horizon at {@link #run()}); not null
     * @return a new forecast with the regressor added; this one is unchanged
     * @throws IllegalArgumentException if the history length differs from the series or a value is not finite
     */
    public Forecast regressor(String name, double[] history, double[] future) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(future, "future");
        if (name.isBlank()) {
            throw new IllegalArgumentException("regressor name is blank");
        }
        if (history.length != series.size()) {
            throw new IllegalArgumentException(String.format(
                    "regressor \"%s\" has %d history values but series \"%s\" has %d",
                    name, history.length, series.name(), series.size()));
        }
        for (double v : history) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("regressor \"" + name + "\" has a non-finite history value " + v);
            }
        }
        for (double v : future) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("regressor \"" + name + "\" has a non-finite future value " + v);
            }
        }
        List<TrendRegression.Regressor> more = new ArrayList<>(regressors);
        more.add(new TrendRegression.Regressor(name, history.clone(), future.clone()));
        return new Forecast(series, method, horizon, levels, etsModel, List.copyOf(more));
    }

    /**
     * Fits the model and forecasts.
     *
     * @return the immutable result
     * @throws InvalidSeriesException if the series is too short for the method, or has values the
     *     method cannot take (e.g. non-positive values with a multiplicative ETS form)
     * @throws IllegalArgumentException if regressors are given for a method other than regression, or
     *     their future length differs from the horizon
     */
    public ForecastResult run() {
        if (!regressors.isEmpty()) {
            if (method != Method.REGRESSION) {
                throw new IllegalArgumentException("external regressors are used only by Method.REGRESSION, not " + method);
            }
            for (TrendRegression.Regressor r : regressors) {
                if (r.future().length != horizon) {
                    throw new IllegalArgumentException(String.format(
                            "regressor \"%s\" has %d future values but the horizon is %d",
                            r.name(), r.future().length, horizon));
                }
            }
        }
        if (etsModel != null && method != Method.ETS) {
            throw new IllegalArgumentException("etsModel(\"" + etsModel + "\") applies only to Method.ETS, not " + method);
        }
        Fitted fit = fit();
        double[] points = fit.mean(horizon);
        List<PredictionInterval> intervals = new ArrayList<>();
        for (double level : levels) {
            double[][] b = fit.interval(horizon, level / 100);
            intervals.add(new PredictionInterval(level, b[0], b[1]));
        }
        String why = fit.why();
        if (method == Method.AUTO) {
            why = "AUTO uses " + fit.model() + ": " + why;
        }
        return new ForecastResult(series, method, fit.model(), fit.parameters(), points, intervals, fit.fitted(), why);
    }

    private Fitted fit() {
        double[] y = series.values();
        int n = y.length;
        int m = series.frequency();
        String name = series.name();
        switch (method) {
            case NAIVE:
                return new Naive(y, 1);
            case SEASONAL_NAIVE:
                if (n < m) {
                    throw tooShort(n, m, "seasonal naive");
                }
                return new Naive(y, m);
            case REGRESSION:
                return TrendRegression.fit(series, regressors);
            default:
                break;
        }
        if (n < 3 && method == Method.AUTO) {
            return new Naive(y, 1, "fewer than 3 values, so the last value is repeated");
        }
        if (n < 3) {
            throw new InvalidSeriesException(String.format(Locale.ROOT,
                    "series \"%s\" has %d values; %s needs at least 3 (use NAIVE for shorter series)", name, n, method));
        }
        switch (method) {
            case ETS:
                if (etsModel == null) {
                    return Ets.auto(y, m, true);
                }
                EtsForm spec = EtsForm.parse(etsModel);
                if (spec.season() > 0 && m == 1) {
                    throw new InvalidSeriesException(String.format(
                            "series \"%s\" is yearly; seasonal ETS model %s needs frequency 4 or 12", name, spec.display()));
                }
                if (spec.season() > 0 && n < 2 * m) {
                    throw tooShort(n, 2 * m, spec.display() + " (two seasons of " + m + ")");
                }
                if (spec.needsPositive()) {
                    for (int t = 0; t < n; t++) {
                        if (!(y[t] > 0)) {
                            throw new InvalidSeriesException(String.format(Locale.ROOT,
                                    "series \"%s\": value %s at period %s is not positive; multiplicative model %s"
                                            + " needs positive values", name, y[t], series.periodLabel(t), spec.display()));
                        }
                    }
                }
                int k = spec.smoothingCount() + spec.stateCount(m) + 1;
                if (n < k + 2) {
                    throw tooShort(n, k + 2, spec.display() + " (" + k + " parameters)");
                }
                return Ets.fit(y, m, spec);
            case THETA:
                return adjusted(y, m, Theta::fit);
            case SES:
                return adjusted(y, m, a -> Ets.fit(a, 1, new EtsForm(false, 0, 0)));
            case HOLT:
                return adjusted(y, m, a -> Ets.fit(a, 1, new EtsForm(false, 1, 0)));
            case DAMPED:
                return adjusted(y, m, Forecast::damped);
            case AUTO:
            case COMBO:
                return combo(y, m);
            default:
                throw new AssertionError(method);
        }
    }

    /**
     * ETS chosen by AICc on the raw series, plus Theta and damped trend on the seasonally adjusted series.
     * Averaging hedges against choosing the wrong model; on M3 monthly the mean beats every member
     * (Makridakis and Hibon 2000 found the same for combinations of smoothing methods).
     */
    static Fitted combo(double[] y, int m) {
        Adjusted.Adjustment adjustment = Adjusted.Adjustment.of(y, m);
        double[] a = adjustment.adjust(y);
        List<Fitted> members = new ArrayList<>();
        members.add(Ets.auto(y, m, true));
        members.add(Adjusted.wrap(Theta.fit(a), adjustment, y.length));
        members.add(Adjusted.wrap(damped(a), adjustment, y.length));
        return new Combination(members);
    }

    private static Fitted damped(double[] a) {
        // Damped trend has 5 parameters; on fewer than 6 points fall back to simple smoothing.
        return a.length >= 6 ? Ets.fit(a, 1, new EtsForm(false, 2, 0)) : Ets.fit(a, 1, new EtsForm(false, 0, 0));
    }

    private static Fitted adjusted(double[] y, int m, java.util.function.Function<double[], Fitted> model) {
        Adjusted.Adjustment adjustment = Adjusted.Adjustment.of(y, m);
        return Adjusted.wrap(model.apply(adjustment.adjust(y)), adjustment, y.length);
    }

    private InvalidSeriesException tooShort(int n, int needed, String what) {
        return new InvalidSeriesException(String.format(Locale.ROOT,
                "series \"%s\" has %d values; %s needs at least %d", series.name(), n, what, needed));
    }
}
