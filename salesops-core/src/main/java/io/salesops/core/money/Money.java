package io.salesops.core.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An exact amount of money: a whole number of minor units (cents) of one {@link Currency}.
 *
 * <p>Arithmetic is exact and never wraps: sums and products that leave the range of {@code long} minor
 * units throw {@link ArithmeticException}. Multiplying by a rate is the only operation that can produce a
 * fraction of a minor unit, so it takes the {@link RoundingMode} that the caller or the plan names; nothing
 * rounds silently. Splitting is done by {@link #allocate(long...)}, whose parts always sum to the whole.
 *
 * <p>Factories take the amount first and the currency second, {@code Money.of("1234.56", "USD")}, the order of
 * JSR 354 ({@code javax.money}: {@code Money.of(Number, String)}, Moneta's {@code Money} and {@code FastMoney}) and
 * of how an amount is said ("1,234.56 dollars"). Joda-Money puts the currency first
 * ({@code Money.of(CurrencyUnit, BigDecimal)}); we chose JSR 354's order because it is the Java standard's, and
 * because with Strings for both arguments a swapped call is caught: {@code Money.of("USD", "1234.56")} fails with a
 * message that shows the right order. {@link #toString()} and {@link #parse(String)} write the currency first, as
 * statements print money ({@code "USD 1,234.56"}).
 *
 * <p>Instances are immutable and thread-safe. No method accepts or returns null.
 */
public final class Money implements Comparable<Money> {

    private final long minor;
    private final Currency currency;

    private Money(long minor, Currency currency) {
        this.minor = minor;
        this.currency = currency;
    }

    /**
     * An amount given in minor units.
     *
     * @param minorUnits the amount in minor units, e.g. cents
     * @param currency   the currency, which must have minor units defined (not XXX or XAU)
     * @return the amount
     * @throws IllegalArgumentException if the currency has no defined minor units
     */
    public static Money ofMinor(long minorUnits, Currency currency) {
        checkCurrency(currency);
        return new Money(minorUnits, currency);
    }

    /**
     * An amount given in minor units of the currency with ISO 4217 code {@code currencyCode}:
     * {@code ofMinor(123456, "USD")} is USD 1,234.56, {@code ofMinor(1200, "JPY")} is JPY 1,200.
     *
     * @param minorUnits   the amount in minor units of the currency (cents for USD, yen for JPY); any {@code long},
     *                     negative allowed
     * @param currencyCode an ISO 4217 code in upper case such as {@code "USD"}, surrounding spaces ignored; not null
     * @return the amount
     * @throws IllegalArgumentException if the code is unknown or the currency has no defined minor units
     */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        return ofMinor(minorUnits, currency(currencyCode));
    }

    /**
     * An exact amount in major units, e.g. {@code of(new BigDecimal("1234.56"), USD)}.
     *
     * @param amount   the amount in major units (dollars, not cents), at most as many decimal places as the currency
     *                 has (trailing zeros beyond them are fine: {@code 1.500} USD is USD 1.50); not null
     * @param currency the currency, which must have minor units defined (not XXX or XAU); not null
     * @return the amount
     * @throws IllegalArgumentException if the currency has no defined minor units
     * @throws ArithmeticException if the amount has more decimal places than the currency allows (use
     *                             {@link #of(BigDecimal, Currency, RoundingMode)} to round) or overflows
     */
    public static Money of(BigDecimal amount, Currency currency) {
        checkCurrency(currency);
        Objects.requireNonNull(amount, "amount");
        int digits = currency.getDefaultFractionDigits();
        checkMagnitude(amount.scaleByPowerOfTen(digits), amount, currency);
        // Strip first: setScale on 1E-999999999 would divide by a billion-digit power of ten.
        if (amount.scale() > digits && amount.stripTrailingZeros().scale() > digits) {
            throw new ArithmeticException("amount " + MoneyText.brief(amount) + " has more than " + digits
                    + " decimal places, the most " + currency.getCurrencyCode()
                    + " allows; round it with an explicit RoundingMode");
        }
        BigDecimal scaled = amount.setScale(digits, RoundingMode.UNNECESSARY);
        return new Money(toLongMinor(scaled.unscaledValue(), amount, currency), currency);
    }

    /**
     * An amount in major units rounded to the currency's minor unit with the given mode:
     * {@code of(new BigDecimal("10.005"), USD, HALF_EVEN)} is USD 10.00.
     *
     * @param amount   the amount in major units, any number of decimal places; not null
     * @param currency the currency, which must have minor units defined (not XXX or XAU); not null
     * @param rounding how to round to a whole minor unit; {@link RoundingMode#UNNECESSARY} throws
     *                 {@link ArithmeticException} if rounding is needed; not null
     * @return the rounded amount
     * @throws IllegalArgumentException if the currency has no defined minor units
     * @throws ArithmeticException      if the result is outside the range of {@code long} minor units, or rounding
     *                                  is needed and {@code rounding} is {@link RoundingMode#UNNECESSARY}
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode rounding) {
        checkCurrency(currency);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rounding, "rounding");
        int digits = currency.getDefaultFractionDigits();
        BigDecimal scaled = roundBounded(amount, digits, rounding, amount, currency);
        return new Money(toLongMinor(scaled.unscaledValue(), amount, currency), currency);
    }

    /**
     * An exact amount from a decimal string and a currency code: {@code Money.of("1234.56", "USD")}, amount first
     * (see the class comment for why).
     *
     * @param amount       the amount in major units, e.g. {@code "1234.56"}; not null
     * @param currencyCode an ISO 4217 code, e.g. {@code "USD"}; not null
     * @return the amount
     * @throws IllegalArgumentException if the amount is not a decimal number or the currency is unknown; when the
     *                                  two look swapped, the message says so and shows the right order
     * @throws ArithmeticException      if the amount has more decimals than the currency allows
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currencyCode, "currency code");
        MoneyText.refuseSwapped(amount, currencyCode);
        return of(MoneyText.decimal(amount), currency(currencyCode));
    }

    /**
     * Zero in the given currency.
     *
     * @param currency the currency, which must have minor units defined; not null
     * @return zero in {@code currency}
     * @throws IllegalArgumentException if the currency has no defined minor units
     */
    public static Money zero(Currency currency) {
        return ofMinor(0, currency);
    }

    /**
     * Zero in the currency with the given ISO 4217 code.
     *
     * @param currencyCode an ISO 4217 code in upper case such as {@code "EUR"}; not null
     * @return zero in that currency
     * @throws IllegalArgumentException if the code is unknown or the currency has no defined minor units
     */
    public static Money zero(String currencyCode) {
        return zero(currency(currencyCode));
    }

    /**
     * Parses the {@link #toString()} form, {@code "USD 1,234.56"}, also accepting {@code "USD1234.56"},
     * {@code "-USD 5.00"}, {@code "USD -5.00"} and {@code "1234.56 USD"}. The code may be in any case; commas are
     * ignored wherever they stand.
     *
     * @param text the amount with its ISO 4217 code before or after it; surrounding spaces ignored; not null
     * @return the amount
     * @throws IllegalArgumentException naming the text if it is not an amount with a currency code, or has a sign
     *                                  both before the code and before the number ({@code "-USD -5.00"})
     * @throws ArithmeticException      if it has more decimals than the currency allows
     */
    public static Money parse(String text) {
        return MoneyText.parse(text);
    }

    /**
     * The sum of the amounts, which must share {@code currency}.
     *
     * @param amounts  the amounts to add, possibly empty; no element null
     * @param currency the currency of every amount, and of the result; not null
     * @return the exact sum; zero in {@code currency} when {@code amounts} is empty
     * @throws CurrencyMismatchException if an amount is in another currency
     * @throws ArithmeticException       on overflow
     */
    public static Money sum(Collection<Money> amounts, Currency currency) {
        long total = 0;
        for (Money m : amounts) {
            if (!m.currency.equals(currency)) {
                throw new CurrencyMismatchException(currency, m.currency);
            }
            total = Math.addExact(total, m.minor);
        }
        return ofMinor(total, currency);
    }

    /** @return the amount in minor units of {@link #currency()}: cents for USD, yen for JPY */
    public long minorUnits() {
        return minor;
    }

    /** @return the currency */
    public Currency currency() {
        return currency;
    }

    /** @return the amount in major units, with the currency's number of decimal places */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    /**
     * Adds an amount of the same currency, exactly.
     *
     * @param other the amount to add, in this amount's currency; not null
     * @return {@code this + other}
     * @throws CurrencyMismatchException if {@code other} is in another currency
     * @throws ArithmeticException       if the sum is outside the range of {@code long} minor units
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /**
     * Subtracts an amount of the same currency, exactly; the result may be negative.
     *
     * @param other the amount to subtract, in this amount's currency; not null
     * @return {@code this - other}
     * @throws CurrencyMismatchException if {@code other} is in another currency
     * @throws ArithmeticException       if the difference is outside the range of {@code long} minor units
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    /** @return {@code -this}; throws {@link ArithmeticException} for the most negative amount */
    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    /** @return the absolute amount; throws {@link ArithmeticException} for the most negative amount */
    public Money abs() {
        return minor < 0 ? negate() : this;
    }

    /**
     * Multiplies by a whole number, exactly (no rounding is ever needed).
     *
     * @param factor the multiplier, e.g. a quantity; negative allowed
     * @return {@code this * factor}
     * @throws ArithmeticException if the product is outside the range of {@code long} minor units
     */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    /**
     * This amount times a rate, rounded once to the minor unit.
     *
     * @param rate     the factor as a fraction, e.g. {@code new BigDecimal("0.125")} for 12.5%; negative allowed;
     *                 not null
     * @param rounding how to round the exact product to a whole minor unit; not null
     * @return the product, rounded once to a whole minor unit
     * @throws ArithmeticException if the product is outside the range of {@code long} minor units, or rounding is
     *                             needed and {@code rounding} is {@link RoundingMode#UNNECESSARY}
     */
    public Money times(BigDecimal rate, RoundingMode rounding) {
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(rounding, "rounding");
        BigDecimal exact = BigDecimal.valueOf(minor).multiply(rate);
        BigDecimal rounded = roundBounded(exact, 0, rounding, exact.scaleByPowerOfTen(-currency.getDefaultFractionDigits()),
                currency);
        return new Money(toLongMinor(rounded.toBigIntegerExact(), exact.scaleByPowerOfTen(-currency.getDefaultFractionDigits()),
                currency), currency);
    }

    /**
     * This amount times a percentage, rounded once: {@code USD 200.00 x 12.5% = USD 25.00}. The same as
     * {@code times(percent.fraction(), rounding)}.
     *
     * @param percent  the percentage, e.g. {@code Percent.of("12.5")}; negative and above 100% allowed; not null
     * @param rounding how to round the exact product to a whole minor unit; not null
     * @return the product, rounded once to a whole minor unit
     * @throws ArithmeticException if the product is outside the range of {@code long} minor units, or rounding is
     *                             needed and {@code rounding} is {@link RoundingMode#UNNECESSARY}
     */
    public Money times(Percent percent, RoundingMode rounding) {
        return times(percent.fraction(), rounding);
    }

    /**
     * This amount divided by {@code other} as an exact-enough ratio (34 significant digits), e.g. attainment:
     * {@code bookings.ratio(quota)} is {@code 1.25} for 125%.
     *
     * @param other the divisor, in this amount's currency; not null
     * @return the ratio as a fraction (not a percent), rounded to 34 significant digits half-even
     * @throws CurrencyMismatchException if the currencies differ
     * @throws ArithmeticException       if {@code other} is zero
     */
    public BigDecimal ratio(Money other) {
        requireSameCurrency(other);
        if (other.minor == 0) {
            throw new ArithmeticException("cannot divide " + this + " by zero " + other.currency.getCurrencyCode());
        }
        return BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(other.minor), java.math.MathContext.DECIMAL128);
    }

    /**
     * Splits this amount into parts proportional to {@code ratios} by the largest-remainder method.
     *
     * <p>The parts sum exactly to this amount, and each part differs from its exact share
     * {@code amount * ratio / sum(ratios)} by less than one minor unit. Leftover minor units go to the parts
     * with the largest fractional remainders, ties to the earlier part. A negative amount is split as its
     * absolute value and negated, so every part has the sign of the whole.
     *
     * @param ratios non-negative weights, at least one, not all zero
     * @return the parts, in the order of the ratios
     * @throws IllegalArgumentException if a ratio is negative, none are given, or all are zero
     */
    public List<Money> allocate(long... ratios) {
        BigInteger[] r = new BigInteger[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            if (ratios[i] < 0) {
                throw new IllegalArgumentException("allocation ratio " + ratios[i] + " at index " + i + " is negative");
            }
            r[i] = BigInteger.valueOf(ratios[i]);
        }
        return allocate(r);
    }

    /**
     * Splits this amount by decimal ratios, e.g. split percentages {@code 33.33, 33.33, 33.34}; see
     * {@link #allocate(long...)} for the guarantees.
     *
     * @param ratios non-negative weights in any unit (percent, fraction, counts), at least one, not all zero; no
     *               element null
     * @return the parts, in the order of the ratios, summing exactly to this amount
     * @throws IllegalArgumentException if a ratio is negative, none are given, or all are zero
     */
    public List<Money> allocate(BigDecimal... ratios) {
        int scale = 0;
        for (int i = 0; i < ratios.length; i++) {
            Objects.requireNonNull(ratios[i], "ratio");
            if (ratios[i].signum() < 0) {
                throw new IllegalArgumentException("allocation ratio " + ratios[i].toPlainString() + " at index " + i + " is negative");
            }
            scale = Math.max(scale, ratios[i].stripTrailingZeros().scale());
        }
        BigInteger[] r = new BigInteger[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            r[i] = ratios[i].setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        }
        return allocate(r);
    }

    /**
     * Splits this amount into {@code n} parts as equal as possible, the first parts one minor unit larger
     * where it does not divide evenly: USD 10.00 in 3 is USD 3.34, 3.33, 3.33.
     *
     * @param n the number of parts, 1 or more
     * @return {@code n} parts summing exactly to this amount
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public List<Money> allocate(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot allocate into " + n + " parts; need at least 1");
        }
        long[] ones = new long[n];
        Arrays.fill(ones, 1);
        return allocate(ones);
    }

    private List<Money> allocate(BigInteger[] ratios) {
        long[] parts = LargestRemainder.split(BigInteger.valueOf(minor).abs(), ratios);
        Money[] result = new Money[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = new Money(minor < 0 ? -parts[i] : parts[i], currency);
        }
        return List.of(result);
    }

    /** @return true if the amount is zero */
    public boolean isZero() {
        return minor == 0;
    }

    /** @return true if the amount is greater than zero */
    public boolean isPositive() {
        return minor > 0;
    }

    /** @return true if the amount is less than zero */
    public boolean isNegative() {
        return minor < 0;
    }

    /**
     * Compares with an amount of the same currency.
     *
     * @param other the amount to compare with, in this amount's currency; not null
     * @return true if this is strictly greater than {@code other}
     * @throws CurrencyMismatchException if {@code other} is in another currency
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Compares with an amount of the same currency.
     *
     * @param other the amount to compare with, in this amount's currency; not null
     * @return true if this is strictly less than {@code other}
     * @throws CurrencyMismatchException if {@code other} is in another currency
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * The larger of two amounts of the same currency.
     *
     * @param other the other amount, in this amount's currency; not null
     * @return the larger of the two; this one when they are equal
     * @throws CurrencyMismatchException if {@code other} is in another currency
     */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * The smaller of two amounts of the same currency.
     *
     * @param other the other amount, in this amount's currency; not null
     * @return the smaller of the two; this one when they are equal
     * @throws CurrencyMismatchException if {@code other} is in another currency
     */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * Whether two amounts can be added or compared without an exchange rate.
     *
     * @param other the other amount; not null
     * @return {@code true} if {@code other} is in the same currency
     */
    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    /**
     * Compares amounts of the same currency. Consistent with {@link #equals(Object)} within one currency.
     *
     * @param other the amount to compare with, in this amount's currency; not null
     * @return negative, zero or positive as this amount is less than, equal to or greater than {@code other}
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.minor == minor && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(minor) * 31 + currency.hashCode();
    }

    /** @return the amount as {@code "USD 1,234.56"}, {@code "USD -5.00"}, {@code "JPY 1,200"} */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + formatAmount();
    }

    /** @return the amount alone with grouping, {@code "1,234.56"} */
    public String formatAmount() {
        return MoneyText.grouped(amount());
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    private static void checkCurrency(Currency currency) {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode() + " has no minor unit and cannot hold money");
        }
    }

    private static long toLongMinor(BigInteger minorUnits, BigDecimal original, Currency currency) {
        if (minorUnits.bitLength() > 63) {
            throw outOfRange(original, currency);
        }
        return minorUnits.longValue();
    }

    /**
     * Rounds {@code value} to {@code scale} decimals in time bounded by its digits, not by its exponent: a short
     * text like {@code 1e999999999} must be refused, not expanded to a billion digits (or divided by them).
     *
     * @param amount the amount in major units that {@code value} stands for, for the message
     */
    private static BigDecimal roundBounded(BigDecimal value, int scale, RoundingMode rounding, BigDecimal amount,
                                           Currency currency) {
        checkMagnitude(value.scaleByPowerOfTen(scale), amount, currency);
        // precision - scale - 1 is the exponent of the leading digit; below -(scale + 1) the value is less than
        // half a unit of the last place kept, and rounds exactly as any such value of its sign does.
        if (value.signum() != 0 && (long) value.precision() - value.scale() - 1 < -(scale + 1)) {
            value = BigDecimal.valueOf(value.signum(), scale + 2);
        }
        return value.setScale(scale, rounding);
    }

    /** A long holds at most 19 digits of minor units: more is an overflow, found without expanding the value. */
    private static void checkMagnitude(BigDecimal minorUnits, BigDecimal amount, Currency currency) {
        if (minorUnits.signum() != 0 && (long) minorUnits.precision() - minorUnits.scale() > 19) {
            throw outOfRange(amount, currency);
        }
    }

    private static ArithmeticException outOfRange(BigDecimal amount, Currency currency) {
        return new ArithmeticException("amount " + MoneyText.brief(amount) + " " + currency.getCurrencyCode()
                + " is outside the range of Money (" + Long.MAX_VALUE + " minor units)");
    }


    /**
     * Looks up an ISO 4217 currency. Unlike the other factories it accepts currencies without minor units (XAU),
     * which {@code Money} itself refuses.
     *
     * @param code an ISO 4217 code in upper case such as {@code "USD"}; surrounding spaces ignored; not null
     * @return the currency
     * @throws IllegalArgumentException naming the code if it is unknown
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + code + "\" is not an ISO 4217 currency code");
        }
    }
}
