package io.salesops.core.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A percentage held exactly as a {@link BigDecimal}: {@code Percent.of("12.5")} is 12.5%, a fraction of 0.125.
 *
 * <p>Used for commission rates, win probabilities, split shares and attainment. Negative values and values
 * above 100 are allowed (decelerators, attainment of 140%); callers that need a range check it.
 *
 * <p>Immutable and thread-safe. No method accepts or returns null.
 */
public final class Percent implements Comparable<Percent> {

    /** 0%. */
    public static final Percent ZERO = new Percent(BigDecimal.ZERO);
    /** 100%. */
    public static final Percent HUNDRED = new Percent(BigDecimal.valueOf(100));

    private final BigDecimal value;

    private Percent(BigDecimal value) {
        // Checked first: setScale(0) on 1E+999999999 would build a billion-digit number.
        Decimals.check(value);
        this.value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /**
     * A percentage from its value in percent: {@code of("12.5")} is 12.5%, and so is {@code of("12.5%")}.
     *
     * @param percent the value in percent (not a fraction: {@code "80"} for 80%), optionally followed by {@code %};
     *                surrounding spaces ignored; at most 30 digits before and after the point; not null
     * @return the percentage
     * @throws IllegalArgumentException naming the text if it is not a decimal number or is out of those bounds
     */
    public static Percent of(String percent) {
        Objects.requireNonNull(percent, "percent");
        String s = percent.strip();
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        BigDecimal d;
        try {
            d = Decimals.parse(s);
        } catch (BadDecimalException e) {
            if (e.reason() == BadDecimalException.Reason.NOT_A_NUMBER) {
                throw new BadDecimalException(e.reason(), Decimals.quote(percent)
                        + " is not a percentage, expected e.g. \"12.5\" or \"12.5%\"");
            }
            throw e;
        }
        return new Percent(d);
    }

    /**
     * A percentage from its value in percent: {@code of(new BigDecimal("12.5"))} is 12.5%.
     *
     * @param percent the value in percent (not a fraction); at most 30 digits before and after the point; not null
     * @return the percentage
     * @throws IllegalArgumentException if the value is out of those bounds
     */
    public static Percent of(BigDecimal percent) {
        return new Percent(Objects.requireNonNull(percent, "percent"));
    }

    /**
     * A percentage from a whole number of percent: {@code of(80)} is 80%.
     *
     * @param percent the value in percent, e.g. 80 for 80%; negative allowed
     * @return the percentage
     */
    public static Percent of(long percent) {
        return new Percent(BigDecimal.valueOf(percent));
    }

    /**
     * A percentage from a fraction: {@code ofFraction(new BigDecimal("0.125"))} is 12.5%.
     *
     * @param fraction the value as a fraction, 1 for 100%; at most 30 digits before and after the point; not null
     * @return the percentage
     * @throws IllegalArgumentException if the value is out of those bounds
     */
    public static Percent ofFraction(BigDecimal fraction) {
        // Checked before moving the point: movePointRight on 1E+999999999 expands it.
        return new Percent(Decimals.check(Objects.requireNonNull(fraction, "fraction")).movePointRight(2));
    }

    /** @return the value in percent, e.g. 12.5 */
    public BigDecimal value() {
        return value;
    }

    /** @return the value as a fraction, e.g. 0.125 */
    public BigDecimal fraction() {
        return value.movePointLeft(2);
    }

    /** @return the fraction as a double, for statistics only (never for money) */
    public double toDouble() {
        return fraction().doubleValue();
    }

    /** @return true if the value lies in [0, 100] */
    public boolean isProbability() {
        return value.signum() >= 0 && value.compareTo(HUNDRED.value) <= 0;
    }

    /**
     * Multiplies two percentages as fractions: 50% times 10% is 5%.
     *
     * @param other the other percentage; not null
     * @return {@code this * other} as a percentage, rounded half-even to 34 significant digits and to the 30
     *         decimal places in percent that a {@code Percent} holds
     * @throws IllegalArgumentException if the product has more than 30 digits before the point in percent
     */
    public Percent times(Percent other) {
        BigDecimal product = fraction().multiply(other.fraction(), MathContext.DECIMAL128);
        // Two percents in range can multiply to more decimals than a Percent holds (12.345...% with 20 decimals,
        // squared): round to the most it holds rather than refuse a product of valid values.
        int fractionScale = Decimals.MAX_SCALE + 2;
        if (product.scale() > fractionScale) {
            product = product.setScale(fractionScale, RoundingMode.HALF_EVEN);
        }
        return new Percent(product.movePointRight(2));
    }

    @Override
    public int compareTo(Percent o) {
        return value.compareTo(o.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Percent p && p.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    /** @return e.g. {@code "12.5%"} */
    @Override
    public String toString() {
        return value.toPlainString() + "%";
    }
}
