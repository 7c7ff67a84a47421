package io.salesops.cli;

/**
 * Thrown by a command when the user's input is unusable; the CLI prints the message alone (no stack trace)
 * and exits with {@link ExitCodes#BAD_INPUT}. The message should name the value and the rule it breaks, and
 * for files the file, line and column.
 *
 * <p>Immutable and thread-safe.
 */
public class UserInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the input, naming the value and the rule; not null */
    public UserInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the input, naming the value and the rule; not null
     * @param cause   the underlying failure, or null
     */
    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
