package io.salesops.comp.file;

import io.salesops.core.problem.Problem;
import io.salesops.core.problem.SalesopsInputException;
import java.util.List;

/**
 * A commission ledger refused a read or a commit: a damaged (torn or edited) journal entry, a period already
 * committed (calculating it again would pay twice), a skipped period that was not allowed, or a concurrent
 * run. The message, also the single {@link #problems() problem}, names the file or period, the rule, and how
 * to resume. Immutable and thread-safe.
 */
public final class LedgerException extends SalesopsInputException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused, why, and how to resume
     */
    public LedgerException(String message) {
        super(message, List.of(Problem.of(message)));
    }

    /**
     * @param message what was refused, why, and how to resume
     * @param cause   the underlying failure, e.g. a JSON syntax error
     */
    public LedgerException(String message, Throwable cause) {
        this(message);
        initCause(cause);
    }
}
