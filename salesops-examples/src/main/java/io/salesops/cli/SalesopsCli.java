package io.salesops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code salesops} command-line tool. Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal failure.
 */
@Command(name = "salesops", mixinStandardHelpOptions = true, version = "salesops 0.1.0",
        description = "Sales operations from the command line.",
        subcommands = {ForecastCommand.class})
public final class SalesopsCli {

    /**
     * Runs the tool and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the tool without exiting, for tests and embedding.
     *
     * @param args command-line arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** @return a configured picocli command line */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SalesopsCli());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("internal error: " + ex);
            return 3;
        });
        return cl;
    }
}
