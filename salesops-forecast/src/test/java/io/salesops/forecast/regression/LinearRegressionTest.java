package io.salesops.forecast.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    /*
     * The five-point textbook example, by hand:
     *   x = 1..5, y = 2, 4, 5, 4, 5; x̄ = 3, ȳ = 4, Sxx = 10, Sxy = 6
     *   b1 = Sxy/Sxx = 0.6, b0 = ȳ - b1 x̄ = 2.2
     *   fitted 2.8, 3.4, 4.0, 4.6, 5.2; residuals -0.8, 0.6, 1.0, -0.6, -0.2
     *   RSS = 2.4, TSS = 6, R² = 0.6, s² = RSS/3 = 0.8, adj R² = 1 - 0.4·4/3 = 0.4666…
     *   se(b1) = sqrt(0.8/10) = 0.28284271, se(b0) = sqrt(0.8·(1/5 + 9/10)) = sqrt(0.88) = 0.93808315
     *   F = (TSS - RSS)/1 / s² = 3.6/0.8 = 4.5
     *   At x0 = 3: mean 4.0; se(mean) = sqrt(0.8/5) = 0.4; se(new obs) = sqrt(0.8·1.2) = sqrt(0.96)
     *   t(0.975, 3 df) = 3.182446 (t table), so the 95% intervals are
     *   confidence 4 ± 1.2729785 = [2.7270215, 5.2729785], prediction 4 ± 3.1181478 = [0.8818522, 7.1181478]
     */
    private static final double[] X = {1, 2, 3, 4, 5};
    private static final double[] Y = {2, 4, 5, 4, 5};

    @Test
    void fit_fivePointExample_matchesHandComputedStatistics() {
        RegressionResult fit = LinearRegression.of("y", Y).regressor("x", X).fit();

        assertThat(fit.intercept()).isCloseTo(2.2, within(1e-14));
        assertThat(fit.coefficient("x")).isCloseTo(0.6, within(1e-14));
        assertThat(fit.standardError("x")).isCloseTo(Math.sqrt(0.08), within(1e-14));
        assertThat(fit.standardError(RegressionResult.INTERCEPT)).isCloseTo(Math.sqrt(0.88), within(1e-14));
        assertThat(fit.tStatistic("x")).isCloseTo(0.6 / Math.sqrt(0.08), within(1e-12));
        assertThat(fit.residualSumOfSquares()).isCloseTo(2.4, within(1e-13));
        assertThat(fit.rSquared()).isCloseTo(0.6, within(1e-14));
        assertThat(fit.adjustedRSquared()).isCloseTo(1 - 0.4 * 4 / 3, within(1e-14));
        assertThat(fit.residualStandardDeviation()).isCloseTo(Math.sqrt(0.8), within(1e-14));
        assertThat(fit.fStatistic()).isCloseTo(4.5, within(1e-12));
        assertThat(fit.residuals()).containsExactly(new double[] {-0.8, 0.6, 1.0, -0.6, -0.2}, within(1e-14));
        assertThat(fit.residualDegreesOfFreedom()).isEqualTo(3);
        assertThat(fit.modelDegreesOfFreedom()).isEqualTo(1);
    }

    @Test
    void fPValue_oneRegressor_equalsTwoSidedPValueOfItsT() {
        // With one regressor F = t², so both tests are the same test.
        RegressionResult fit = LinearRegression.of(Y).regressor("x", X).fit();

        assertThat(fit.fPValue()).isCloseTo(fit.pValue("x"), within(1e-12));
        assertThat(fit.pValue("x")).isBetween(0.12, 0.13);
    }

    @Test
    void predict_atTheMeanOfX_givesTextbookIntervals() {
        RegressionResult fit = LinearRegression.of(Y).regressor("x", X).fit();

        Prediction p = fit.predict(new double[] {3}, 95);

        assertThat(p.mean()).isCloseTo(4.0, within(1e-13));
        assertThat(p.standardError()).isCloseTo(0.4, within(1e-13));
        assertThat(p.confidenceLow()).isCloseTo(2.7270215, within(1e-6));
        assertThat(p.confidenceHigh()).isCloseTo(5.2729785, within(1e-6));
        assertThat(p.predictionLow()).isCloseTo(0.8818522, within(1e-6));
        assertThat(p.predictionHigh()).isCloseTo(7.1181478, within(1e-6));
    }

    @Test
    void predict_byName_equalsPredictByPosition() {
        RegressionResult fit = LinearRegression.of(Y).regressor("x", X).fit();

        assertThat(fit.predict(Map.of("x", 7.0), 90)).isEqualTo(fit.predict(new double[] {7}, 90));
    }

    @Test
    void confidenceInterval_interceptOfFivePointExample_isEstimatePlusMinusTTimesSe() {
        RegressionResult fit = LinearRegression.of(Y).regressor("x", X).fit();

        // 2.2 ± 3.182446·0.9380832
        assertThat(fit.confidenceInterval(RegressionResult.INTERCEPT, 95))
                .containsExactly(new double[] {-0.7853993, 5.1853993}, within(1e-6));
    }

    @Test
    void weights_integerWeights_giveTheSameCoefficientsAsRepeatedRows() {
        // Weight 2 on an observation is the same criterion as listing it twice.
        double[] w = {1, 2, 1, 3, 1};
        RegressionResult weighted = LinearRegression.of(Y).regressor("x", X).weights(w).fit();
        double[] xr = {1, 2, 2, 3, 4, 4, 4, 5};
        double[] yr = {2, 4, 4, 5, 4, 4, 4, 5};
        RegressionResult repeated = LinearRegression.of(yr).regressor("x", xr).fit();

        assertThat(weighted.coefficients()).containsExactly(repeated.coefficients(), within(1e-13));
        assertThat(weighted.residualSumOfSquares()).isCloseTo(repeated.residualSumOfSquares(), within(1e-12));
        assertThat(weighted.isWeighted()).isTrue();
    }

    @Test
    void weights_equalOlsOnSqrtWeightScaledRowsThroughTheOrigin() {
        double[] x = {0.5, 1.5, 2.0, 3.5, 4.0, 6.0};
        double[] y = {1.1, 2.9, 4.2, 6.8, 8.1, 12.5};
        double[] w = {4, 1, 0.25, 2, 1, 0.5};
        RegressionResult wls = LinearRegression.of(y).regressor("x", x).weights(w).fit();
        double[] c = new double[6];
        double[] xs = new double[6];
        double[] ys = new double[6];
        for (int i = 0; i < 6; i++) {
            double s = Math.sqrt(w[i]);
            c[i] = s;
            xs[i] = s * x[i];
            ys[i] = s * y[i];
        }
        RegressionResult ols = LinearRegression.of(ys).regressor("c", c).regressor("x", xs).withoutIntercept().fit();

        assertThat(wls.coefficients()).containsExactly(ols.coefficients(), within(1e-13));
        assertThat(wls.standardErrors()).containsExactly(ols.standardErrors(), within(1e-13));
        assertThat(wls.residualStandardDeviation()).isCloseTo(ols.residualStandardDeviation(), within(1e-13));
    }

    @Test
    void fit_thirdColumnIsSumOfFirstTwo_namesTheColumnAndItsPartners() {
        double[] x1 = {1, 2, 3, 4, 5, 6};
        double[] x2 = {2, 1, 4, 3, 6, 5};
        double[] x3 = new double[6];
        for (int i = 0; i < 6; i++) {
            x3[i] = x1[i] + x2[i];
        }
        double[] y = {1, 3, 2, 5, 4, 6};
        LinearRegression model = LinearRegression.of(y).regressor("x1", x1).regressor("x2", x2).regressor("x3", x3);

        assertThatThrownBy(model::fit)
                .isInstanceOf(RankDeficientException.class)
                .hasMessageContaining("column x3 is a linear combination of x1, x2")
                .satisfies(e -> {
                    RankDeficientException r = (RankDeficientException) e;
                    assertThat(r.column()).isEqualTo("x3");
                    assertThat(r.dependsOn()).containsExactly("x1", "x2");
                });
    }

    @Test
    void fit_constantColumnWithIntercept_isCollinearWithTheIntercept() {
        double[] y = {1, 3, 2, 5};
        LinearRegression model = LinearRegression.of(y).regressor("x", new double[] {1, 2, 3, 4})
                .regressor("region", new double[] {7, 7, 7, 7});

        assertThatThrownBy(model::fit)
                .isInstanceOf(RankDeficientException.class)
                .hasMessageContaining("column region is a linear combination of intercept");
    }

    @Test
    void fit_columnTwiceAnother_showsTheCombination() {
        double[] calls = {1, 2, 3, 4, 5};
        double[] twice = {2, 4, 6, 8, 10};

        assertThatThrownBy(() -> LinearRegression.of(Y).regressor("calls", calls).regressor("twice", twice).fit())
                .isInstanceOf(RankDeficientException.class)
                .hasMessageStartingWith("column twice is a linear combination of calls (twice ~ 2.00000*calls;");
    }

    @Test
    void fit_zeroColumn_isRejectedByName() {
        assertThatThrownBy(() -> LinearRegression.of(new double[] {1, 2, 3, 4})
                .regressor("discount", new double[4]).fit())
                .isInstanceOf(RankDeficientException.class)
                .hasMessageContaining("column discount is all zeros");
    }

    @Test
    void fit_nearlyDuplicateColumn_isRejected() {
        double[] x1 = {1, 2, 3, 4, 5, 6};
        double[] x2 = new double[6];
        for (int i = 0; i < 6; i++) {
            x2[i] = x1[i] * (1 + (i % 2 == 0 ? 1e-15 : -1e-15));
        }
        assertThatThrownBy(() -> LinearRegression.of(new double[] {1, 3, 2, 5, 4, 6})
                .regressor("x1", x1).regressor("x2", x2).fit())
                .isInstanceOf(RankDeficientException.class)
                .hasMessageContaining("column x2 is a linear combination of");
    }

    @Test
    void fit_tooFewObservations_saysHowManyAreNeeded() {
        assertThatThrownBy(() -> LinearRegression.of(new double[] {1, 2}).regressor("x", new double[] {1, 2}).fit())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 observations cannot estimate 2 coefficients with an error variance: need at least 3");
    }

    @Test
    void regressor_wrongLength_namesBothColumns() {
        assertThatThrownBy(() -> LinearRegression.of("sales", new double[] {1, 2, 3}).regressor("calls", new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("regressor calls has 2 values but sales has 3");
    }

    @Test
    void regressor_nonFiniteValue_namesColumnAndObservation() {
        assertThatThrownBy(() -> LinearRegression.of(new double[] {1, 2, 3}).regressor("calls", new double[] {1, Double.NaN, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value NaN of calls at observation 1 must be finite");
    }

    @Test
    void weights_nonPositive_isRejectedWithItsIndex() {
        assertThatThrownBy(() -> LinearRegression.of(new double[] {1, 2, 3}).weights(new double[] {1, 0, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight 0.0 of observation 1 must be positive and finite");
    }

    @Test
    void withoutIntercept_usesUncenteredRSquared() {
        // y = 2x exactly plus residuals (1, -1, 0): b = Σxy/Σx² = (2+1 + 8-2 + 18)/14 = 27/14.
        double[] x = {1, 2, 3};
        double[] y = {3, 3, 6};
        RegressionResult fit = LinearRegression.of(y).regressor("x", x).withoutIntercept().fit();
        double b = 27.0 / 14;
        double rss = Math.pow(3 - b, 2) + Math.pow(3 - 2 * b, 2) + Math.pow(6 - 3 * b, 2);

        assertThat(fit.coefficient("x")).isCloseTo(b, within(1e-15));
        assertThat(fit.rSquared()).isCloseTo(1 - rss / (9 + 9 + 36), within(1e-15));
        assertThat(fit.hasIntercept()).isFalse();
    }

    @Test
    void polynomial_namesPowers() {
        assertThat(Polynomial.names("x", 3)).containsExactly("x", "x^2", "x^3");
        assertThat(Polynomial.powers(new double[] {2, 3}, 3)[2]).containsExactly(8, 27);
    }

    @Test
    void summary_listsEveryCoefficientByName() {
        String summary = LinearRegression.of("revenue", Y).regressor("calls", X).fit().summary();

        assertThat(summary).contains("OLS Regression Results", "Dep. Variable:", "revenue", "intercept", "calls",
                "R-squared:", "0.600000");
    }

    @Test
    void coefficient_unknownName_listsTheKnownOnes() {
        RegressionResult fit = LinearRegression.of(Y).regressor("x", X).fit();

        assertThatThrownBy(() -> fit.coefficient("z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no coefficient named z; the model has [intercept, x]");
    }

    @Test
    void configuringCalls_returnCopies_soIgnoredResultsChangeNothing() {
        LinearRegression base = LinearRegression.of(Y);
        base.regressor("x", X);
        base.withoutIntercept();
        base.weights(new double[] {1, 2, 3, 4, 5});

        RegressionResult fit = base.fit();
        // still the intercept-only model: the mean of Y, unweighted
        assertThat(fit.names()).containsExactly(RegressionResult.INTERCEPT);
        assertThat(fit.isWeighted()).isFalse();
        assertThat(fit.intercept()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void sharedBase_canBeVariedAndFittedAgain() {
        LinearRegression base = LinearRegression.of(Y).regressor("x", X);
        RegressionResult linear = base.fit();
        RegressionResult quadratic = base.polynomial("t", new double[] {2, 1, 4, 3, 5}, 2).fit();
        RegressionResult throughOrigin = base.withoutIntercept().fit();
        RegressionResult weighted = base.weights(new double[] {1, 1, 1, 1, 2}).fit();

        assertThat(linear.names()).containsExactly(RegressionResult.INTERCEPT, "x");
        assertThat(linear.coefficient("x")).isCloseTo(0.6, within(1e-12));
        assertThat(quadratic.names()).containsExactly(RegressionResult.INTERCEPT, "x", "t", "t^2");
        assertThat(throughOrigin.names()).containsExactly("x");
        assertThat(weighted.isWeighted()).isTrue();
        assertThat(base.fit().coefficients()).containsExactly(linear.coefficients());
    }

    @Test
    void regressors_rejectedColumn_leavesNoPartialState() {
        LinearRegression base = LinearRegression.of(Y);
        assertThatThrownBy(() -> base.regressors(new String[] {"x", "x"}, new double[][] {X, X}))
                .hasMessageContaining("regressor x was already added");
        assertThat(base.regressor("x", X).fit().coefficient("x")).isCloseTo(0.6, within(1e-12));
    }
}
