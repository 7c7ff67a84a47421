package io.salesops.comp.file;

/**
 * A commission ledger refused a read or a commit: a damaged (torn or edited) journal entry, a period already
 * committed (calculating it again would pay twice), a skipped period that was not allowed, or a concurrent
 * run. The message names the file or period, the rule, and how to resume.
 */
public final class LedgerException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was refused, why, and how to resume
     */
    public LedgerException(String message) {
        super(message);
    }

    /**
     * @param message what was refused, why, and how to resume
     * @param cause   the underlying failure, e.g. a JSON syntax error
     */
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
