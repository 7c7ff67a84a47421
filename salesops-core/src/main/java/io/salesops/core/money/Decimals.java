package io.salesops.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Bounds on decimal numbers that come from input. A short text such as {@code 1e999999999} is a valid
 * {@link BigDecimal}, but scaling, printing or converting it builds a billion-digit number: every reader checks a
 * value here before anything else touches it. Stateless and thread-safe.
 */
public final class Decimals {

    /** The most characters of a decimal's text. */
    public static final int MAX_LENGTH = 64;
    /** The most digits before the decimal point (money needs 19 at most, in minor units). */
    public static final int MAX_INTEGER_DIGITS = 30;
    /** The most digits after the decimal point. */
    public static final int MAX_SCALE = 30;
    /** How much of a bad value a message quotes. */
    private static final int QUOTED = 40;

    private Decimals() {
    }

    /**
     * Parses a decimal such as {@code 1234.56}, {@code -0.5} or {@code 1.2e3}, within the bounds.
     *
     * @param text the text, not null; surrounding spaces are ignored
     * @return the value
     * @throws BadDecimalException naming (a short prefix of) the text and the rule it breaks
     */
    public static BigDecimal parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            throw new BadDecimalException(BadDecimalException.Reason.TOO_LONG, quote(s) + " has " + s.length()
                    + " characters; a decimal number has at most " + MAX_LENGTH);
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new BadDecimalException(BadDecimalException.Reason.NOT_A_NUMBER, quote(s) + " is not a decimal number");
        }
        return check(d, s);
    }

    /**
     * Checks that a decimal is within the bounds, in time bounded by its digits (never by its exponent).
     *
     * @param value the value, not null
     * @return {@code value}
     * @throws BadDecimalException naming the value's magnitude and the bounds ({@link
     *         BadDecimalException.Reason#OUT_OF_RANGE})
     */
    public static BigDecimal check(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        return check(value, null);
    }

    private static BigDecimal check(BigDecimal d, String text) {
        if (d.signum() == 0) {
            return d.scale() < -MAX_SCALE || d.scale() > MAX_SCALE ? BigDecimal.ZERO : d;
        }
        long integerDigits = (long) d.precision() - d.scale();
        // Trailing zeros after the point (1.500) are harmless, but 1E-999999999 is not.
        long scale = d.scale() > MAX_SCALE ? d.stripTrailingZeros().scale() : d.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || scale > MAX_SCALE) {
            String shown = text != null ? quote(text) : d.precision() <= QUOTED && Math.abs(d.scale()) <= QUOTED
                    ? d.toPlainString() : d.round(new java.math.MathContext(12)).toString();
            throw new BadDecimalException(BadDecimalException.Reason.OUT_OF_RANGE, shown + " is out of range: a decimal number has at most "
                    + MAX_INTEGER_DIGITS + " digits before the decimal point and " + MAX_SCALE + " after it");
        }
        return d;
    }

    /**
     * Quotes a value for an error message, so that a hostile megabyte-long cell does not become a megabyte-long
     * message.
     *
     * @param text the value as it was read; not null
     * @return the text in double quotes, cut to its first 40 characters followed by {@code ...} when longer
     */
    public static String quote(String text) {
        return "\"" + (text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "...") + "\"";
    }
}
