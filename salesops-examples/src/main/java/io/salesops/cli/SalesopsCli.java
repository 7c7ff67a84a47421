package io.salesops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code salesops} command line. Exit codes: 0 ok, 1 bad input or validation failure, 2 usage error,
 * 3 internal failure. Bad input is reported as a message, never a stack trace.
 */
@Command(name = "salesops", mixinStandardHelpOptions = true, version = "salesops 0.1.0",
        description = "Sales operations: import CRM exports, forecast pipeline, compute commissions.",
        subcommands = {ImportCommand.class})
public final class SalesopsCli {

    /** Exit code for bad input or a failed validation. */
    public static final int BAD_INPUT = 1;
    /** Exit code for an internal failure. */
    public static final int INTERNAL = 3;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command line with salesops' error handling, for running in-process (tests, embedding) */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SalesopsCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof IOException || e instanceof UncheckedIOException) {
                String msg = e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
                commandLine.getErr().println("salesops: " + msg);
                return BAD_INPUT;
            }
            commandLine.getErr().println("salesops: internal error: " + e);
            return INTERNAL;
        });
        return cl;
    }
}
