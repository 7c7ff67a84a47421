package io.salesops.cli;

/**
 * The exit codes of every {@code salesops} command. Constants only.
 */
public final class ExitCodes {
    /** The command succeeded. */
    public static final int OK = 0;
    /** The input was bad: a missing file, a value that does not parse, data that fails validation. */
    public static final int BAD_INPUT = 1;
    /** The command line was wrong: an unknown option, a missing parameter (picocli's default). */
    public static final int USAGE = 2;
    /** A bug or an unexpected failure inside salesops. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
