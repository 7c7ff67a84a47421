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
        this(Problem.at("payee[" + payeeId + "]", "calculating " + where + " for payee " + payeeId + ": " + why(cause)
                + "; check the credits' amounts and this component's rates, multipliers and targets"), cause);
    }

    private AmountOverflowException(Problem problem, ArithmeticException cause) {
        super(List.of(problem));
        initCause(cause);
    }

    /**
     * An overflow while crediting one credit, before any payee is calculated: converting its amount to the plan
     * currency, or splitting it between its payees.
     *
     * @param creditId  the credit (the row's id)
     * @param component the component being credited
     * @param step      what was being done, e.g. {@code converting its amount EUR 1.00 to USD}
     * @param cause     the arithmetic failure
     * @return the exception, located at {@code credits[creditId]}
     */
    public static AmountOverflowException inCredit(String creditId, String component, String step,
                                                   ArithmeticException cause) {
        return new AmountOverflowException(Problem.at("credits[" + creditId + "]", "crediting credit " + creditId
                + " to component \"" + component + "\", " + step + ": " + why(cause)
                + "; check the credit's amount and the exchange rate"), cause);
    }

    private static String why(ArithmeticException cause) {
        String m = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("overflow") || m.contains("outside the range")
                ? "an amount passed the largest salesops can hold (" + Long.MAX_VALUE + " minor units)"
                : "arithmetic failed (" + cause.getMessage() + ")";
    }
}
