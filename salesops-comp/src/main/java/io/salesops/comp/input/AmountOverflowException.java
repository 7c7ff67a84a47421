package io.salesops.comp.input;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * An amount of a calculation passed what a {@code long} of minor units holds (92,233,720,368,547,758.07 in a
 * two-decimal currency): the input's amounts or rates are far out of range. Names the payee and the plan
 * component (or the payee-wide step) where it happened, never only "long overflow". Immutable and thread-safe.
 */
public final class AmountOverflowException extends SalesopsInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param payeeId the payee being calculated
     * @param where   the component or step, e.g. {@code component "Bookings"} or {@code the draw}
     * @param cause   the arithmetic failure
     */
    public AmountOverflowException(String payeeId, String where, ArithmeticException cause) {
        super(List.of(Problem.at("payee[" + payeeId + "]", "calculating " + where + " for payee " + payeeId + ": "
                + (String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("overflow")
                        ? "an amount passed the largest salesops can hold (" + Long.MAX_VALUE + " minor units)"
                        : "arithmetic failed (" + cause.getMessage() + ")")
                + "; check the credits' amounts and this component's rates, multipliers and targets")));
        initCause(cause);
    }
}
