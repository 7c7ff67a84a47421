package io.salesops.cli;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.time.DateTimeException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Thrown by a command when the user's input is unusable: a {@link SalesopsInputException} with one problem, so the
 * CLI prints the message alone (no stack trace) and exits with {@link ExitCodes#BAD_INPUT}. The message should
 * name the value and the rule it breaks, and for files the file, line and column.
 *
 * <p>Immutable and thread-safe.
 */
public class UserInputException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the input, naming the value and the rule; not null */
    public UserInputException(String message) {
        super(message, List.of(Problem.of(message)));
    }

    /**
     * @param message what is wrong with the input, naming the value and the rule; not null
     * @param cause   the underlying failure, or null
     */
    public UserInputException(String message, Throwable cause) {
        this(message);
        initCause(cause);
    }

    /**
     * Runs a library call that takes values the user typed, turning the call's own argument checks into the user's
     * problem: an {@code IllegalArgumentException}, {@code ArithmeticException} or {@code DateTimeException} from it
     * becomes a {@code UserInputException} naming {@code what}. Only for calls whose arguments all come from the
     * user; the computation that follows stays outside, so that its exceptions remain bugs (exit 3).
     *
     * @param what the option or file the values come from, e.g. {@code "--target"}; not null
     * @param call the call, not null
     * @param <T>  what the call returns
     * @return what the call returned
     * @throws SalesopsInputException the call's input exception as it is, or its argument check as the user's
     */
    public static <T> T fromUser(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SalesopsInputException e) {
            throw e;
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw new UserInputException(what + ": " + e.getMessage(), e);
        }
    }
}
