package io.salesops.core.money;

import java.util.Objects;

/**
 * Thrown by {@link Decimals} when text or a value is not a decimal number within the bounds for input. The
 * {@link #reason() reason} says which rule it broke, so a reader that words its own message (a CSV cell, a
 * percentage, an amount) chooses by reason and never by the message's text.
 *
 * <p>Immutable and thread-safe.
 */
public final class BadDecimalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which rule a decimal broke. */
    public enum Reason {
        /** The text is not a decimal number at all, such as {@code "12,5"} or {@code "n/a"}. */
        NOT_A_NUMBER,
        /** The text has more than {@link Decimals#MAX_LENGTH} characters. */
        TOO_LONG,
        /**
         * The number has more than {@link Decimals#MAX_INTEGER_DIGITS} digits before the decimal point or more than
         * {@link Decimals#MAX_SCALE} after it, such as {@code 1e999999999}.
         */
        OUT_OF_RANGE
    }

    /** The rule the decimal broke (part of the serialized form). */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  the rule broken, not null
     * @param message the message naming the value and the rule, not null
     */
    public BadDecimalException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the rule the decimal broke, never null */
    public Reason reason() {
        return reason;
    }
}
