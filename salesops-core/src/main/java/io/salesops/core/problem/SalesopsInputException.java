package io.salesops.core.problem;

import java.util.List;

/**
 * The input is wrong, not the code: a file that does not parse, a plan that breaks a rule, a missing exchange
 * rate, an org chart with a cycle. Carries every {@link Problem} found, not only the first, each located as
 * precisely as the input allows.
 *
 * <p>Every salesops module throws its input errors as a subclass of this exception (for example
 * {@code CsvImportException}, {@code PlanFileException}, {@code PlanValidationException},
 * {@code MissingRateException}), so an application tells the user's mistakes from its own bugs with one
 * {@code catch}: the salesops command line exits with 1 for it and the server answers 400; any other exception
 * is a bug (exit 3, HTTP 500). It extends {@link IllegalArgumentException}, so code that already catches that
 * keeps working.
 *
 * <p>Immutable and thread-safe. The problems are not serialized (they are {@code transient}).
 */
public class SalesopsInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** How many problems the default message lists before it summarises the rest. */
    private static final int LISTED = 20;

    private final transient List<Problem> problems;

    /**
     * An exception whose message lists the problems, one per line (at most 20, then how many more).
     *
     * @param problems every problem found, at least one; copied
     * @throws IllegalArgumentException if {@code problems} is empty
     * @throws NullPointerException     if {@code problems} or one of them is null
     */
    public SalesopsInputException(List<Problem> problems) {
        this(listing(problems), problems);
    }

    /**
     * An exception with a message of its own, for subclasses whose message has a fixed form.
     *
     * @param message  the message, a summary of the problems
     * @param problems every problem found, at least one; copied
     * @throws IllegalArgumentException if {@code problems} is empty
     * @throws NullPointerException     if {@code problems} or one of them is null
     */
    public SalesopsInputException(String message, List<Problem> problems) {
        super(message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an input exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * An exception with one problem about the input as a whole (no file or path to point at), for an input check
     * that finds its problem in the middle of a computation: a method with no figure for any rep, an adjustment
     * naming no group of the forecast.
     *
     * @param message what is wrong, naming the value and the rule; not blank
     * @return the exception, whose message and only problem are {@code message}
     * @throws IllegalArgumentException if the message is blank
     */
    public static SalesopsInputException of(String message) {
        return new SalesopsInputException(message, List.of(Problem.of(message)));
    }

    /**
     * Every problem found, in input order.
     *
     * @return the problems; unmodifiable, never empty
     */
    public final List<Problem> problems() {
        return problems;
    }

    /**
     * The problems one per line (at most 20), then how many more there are.
     *
     * @param problems the problems, at least one
     * @return the listing
     */
    private static String listing(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            sb.append("\n... and ").append(problems.size() - LISTED).append(" more problems");
        }
        return sb.toString();
    }
}
