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

    /** Whether the refused period is one the ledger already holds (part of the serialized form). */
    private final boolean repeatsCommittedPeriod;

    /**
     * @param message what was refused, why, and how to resume
     */
    public LedgerException(String message) {
        this(message, false);
    }

    /**
     * @param message what was refused, why, and how to resume
     * @param cause   the underlying failure, e.g. a JSON syntax error; when it is itself a {@code LedgerException},
     *                this one {@link #repeatsCommittedPeriod() repeats a committed period} exactly when the cause does
     */
    public LedgerException(String message, Throwable cause) {
        this(message, cause instanceof LedgerException l && l.repeatsCommittedPeriod);
        initCause(cause);
    }

    private LedgerException(String message, boolean repeatsCommittedPeriod) {
        super(message, List.of(Problem.of(message)));
        this.repeatsCommittedPeriod = repeatsCommittedPeriod;
    }

    /**
     * The refusal of a period the ledger already holds, whole or in part: calculating it would pay it twice.
     *
     * @param message what was refused, why, and how to resume
     * @return the exception, for which {@link #repeatsCommittedPeriod()} is true
     */
    static LedgerException repeatingCommittedPeriod(String message) {
        return new LedgerException(message, true);
    }

    /**
     * Whether the refused period is one the ledger already holds, so that a caller can say how to recalculate it
     * (resume from the state before it) rather than how to repair the ledger.
     *
     * @return true when calculating the period would pay (part of) it twice
     */
    public boolean repeatsCommittedPeriod() {
        return repeatsCommittedPeriod;
    }
}
