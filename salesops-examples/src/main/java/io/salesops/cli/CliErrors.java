package io.salesops.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import io.salesops.core.problem.SalesopsInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;
import picocli.CommandLine;

/**
 * The single error-handling strategy of the {@code salesops} CLI: maps exceptions to {@link ExitCodes} and
 * prints one line, {@code salesops: error: <message>}, to the command's error writer. The stack trace is
 * printed as well only when the command line contains {@code --debug} or the environment has
 * {@code SALESOPS_DEBUG=1}.
 *
 * <p>Bad input (exit 1): {@link SalesopsInputException}, the one exception every salesops module and command
 * throws for the user's mistakes (a command that hands a user's value to a library call that checks its arguments
 * turns the call's {@code IllegalArgumentException} into one, naming the option or file); {@link IOException} and
 * {@link UncheckedIOException} (missing or unreadable files); FastCSV's {@link CsvParseException} (malformed CSV).
 * Usage errors, picocli's {@link CommandLine.ParameterException}, exit 2. Anything else, a plain
 * {@code IllegalArgumentException}, {@code NoSuchElementException} or {@code ArithmeticException} included, is a
 * bug: exit 3.
 *
 * <p>Immutable and thread-safe; installed by {@link SalesopsCli#newCommandLine()}.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    /** The environment variable that turns on stack traces. */
    public static final String DEBUG_ENV = "SALESOPS_DEBUG";

    private final Map<String, String> env;

    /** A handler that reads {@code SALESOPS_DEBUG} from the process environment. */
    public CliErrors() {
        this(System.getenv());
    }

    /** A handler that reads {@code SALESOPS_DEBUG} from {@code env}, for tests. */
    CliErrors(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * The exit code for a failure.
     *
     * @param t the failure, not null
     * @return {@link ExitCodes#BAD_INPUT}, {@link ExitCodes#USAGE} or {@link ExitCodes#INTERNAL}
     */
    public static int exitCodeOf(Throwable t) {
        if (t instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            return exitCodeOf(t.getCause());
        }
        if (isBadInput(t)) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    private static boolean isBadInput(Throwable t) {
        return t instanceof SalesopsInputException
                || t instanceof IOException
                || t instanceof UncheckedIOException
                || t instanceof CsvParseException;
    }

    /**
     * The one-line message shown to the user for a failure: the exception's message, with file-system
     * failures spelled out (a bare {@link NoSuchFileException} message is only the path).
     *
     * @param t the failure, not null
     * @return the message, never null or blank
     */
    public static String messageOf(Throwable t) {
        if (t instanceof UncheckedIOException && t.getCause() != null) {
            return messageOf(t.getCause());
        }
        String m = t.getMessage();
        if (t instanceof NoSuchFileException) {
            return "file not found: " + m;
        }
        if (t instanceof FileNotFoundException) {
            return "file not found: " + m;
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied: " + m;
        }
        if (t instanceof FileAlreadyExistsException) {
            return "file already exists: " + m;
        }
        if (t instanceof NotDirectoryException) {
            return "not a directory: " + m;
        }
        if (t instanceof CsvParseException && t.getCause() instanceof CsvParseException c && c.getMessage() != null) {
            // FastCSV wraps the reason ("Maximum number of fields exceeded: 16384") in where it happened
            // ("Exception when reading first record"); either alone leaves the user guessing.
            return m + ": " + c.getMessage();
        }
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        // A user never needs more than the first line; later lines are for developers.
        return m.strip().lines().findFirst().orElse(m);
    }

    /**
     * Reports running out of memory or stack, anywhere in a command, as one line and {@link ExitCodes#INTERNAL}:
     * the advice a user can act on, not a trace.
     *
     * @param err   where to print, not null
     * @param error the error, not null
     * @param debug true to print the stack trace as well
     * @return {@link ExitCodes#INTERNAL}
     */
    public static int fatal(PrintWriter err, VirtualMachineError error, boolean debug) {
        if (error instanceof OutOfMemoryError) {
            long max = Runtime.getRuntime().maxMemory() >> 20;
            err.println("salesops: internal error: out of memory (" + String.format(java.util.Locale.ROOT, "%,d", max) + " MiB of heap); run it with more,"
                    + " e.g. java -Xmx4g -jar salesops.jar ..., or give it less input");
        } else if (error instanceof StackOverflowError) {
            err.println("salesops: internal error: stack overflow; the input may be nested too deeply");
        } else {
            err.println("salesops: internal error: " + error.getClass().getSimpleName() + ": " + messageOf(error));
        }
        if (debug) {
            error.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /** @return the out-of-memory or stack-overflow error among {@code t} and its causes, or null */
    static VirtualMachineError vmError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof VirtualMachineError v) {
                return v;
            }
        }
        return null;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        VirtualMachineError vm = vmError(ex);
        if (vm != null) {
            return fatal(err, vm, debug(parseResult));
        }
        int code = exitCodeOf(ex);
        if (code == ExitCodes.INTERNAL) {
            err.println("salesops: internal error: " + ex.getClass().getName() + ": " + messageOf(ex)
                    + (debug(parseResult) ? "" : " (run with --debug for details)"));
        } else {
            err.println("salesops: error: " + withPath(messageOf(ex), parseResult));
        }
        if (debug(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * The JDK says only "Is a directory" when a directory is read as a file: name the option that gave it.
     */
    static String withPath(String message, CommandLine.ParseResult parseResult) {
        if (parseResult == null || !message.contains("Is a directory")) {
            return message;
        }
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            for (CommandLine.Model.ArgSpec arg : r.matchedArgs()) {
                Object v = arg.getValue();
                if (v instanceof java.nio.file.Path p && java.nio.file.Files.isDirectory(p)) {
                    String name = arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() + " " : "";
                    return name + p + " is a directory, not a file";
                }
            }
        }
        return message;
    }

    @Override
    public int getExitCode(Throwable exception) {
        return exitCodeOf(exception);
    }

    private boolean debug(CommandLine.ParseResult parseResult) {
        if ("1".equals(env.get(DEBUG_ENV)) || "true".equalsIgnoreCase(env.get(DEBUG_ENV))) {
            return true;
        }
        return parseResult != null && parseResult.originalArgs().contains("--debug");
    }
}
