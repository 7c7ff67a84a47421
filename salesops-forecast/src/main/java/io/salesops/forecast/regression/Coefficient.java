package io.salesops.forecast.regression;

/**
 * One row of the coefficient table: an estimate with its standard error, t statistic and
 * two-sided p-value (Student t with the residual degrees of freedom).
 *
 * <p>Immutable and thread-safe. For an exact fit (zero residuals) the standard error is 0, the
 * t statistic infinite (NaN for a zero estimate) and the p-value 0 (NaN).
 *
 * @param name          the regressor's name ({@value RegressionResult#INTERCEPT} for the intercept); never null
 * @param estimate      the least-squares estimate
 * @param standardError its standard error
 * @param tStatistic    estimate / standardError
 * @param pValue        P(|T| &gt;= |t|) under the null hypothesis that the coefficient is zero
 */
public record Coefficient(String name, double estimate, double standardError, double tStatistic, double pValue) {

    /**
     * Checks the name; the numbers are taken as computed (they may be infinite or NaN for an exact fit).
     *
     * @param name          the regressor's name; not null
     * @param estimate      the least-squares estimate
     * @param standardError its standard error, 0 or more
     * @param tStatistic    estimate / standardError
     * @param pValue        the two-sided p-value, in [0, 1] or NaN
     * @throws NullPointerException if name is null
     */
    public Coefficient {
        java.util.Objects.requireNonNull(name, "name");
    }
}
