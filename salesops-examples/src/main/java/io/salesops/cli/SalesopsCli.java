package io.salesops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code salesops} command-line tool. Exit codes: 0 ok, 1 bad input, 2 usage error, 3 internal failure.
 */
@Command(name = "salesops", mixinStandardHelpOptions = true,
        description = "Sales operations from the command line.",
        subcommands = {RegressCommand.class})
public final class SalesopsCli {

    /**
     * Runs the tool and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: an unexpected exception is reported in one line with exit code 3
     * (bad input is handled by each command, with exit code 1).
     *
     * @return a new command line, not shared
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SalesopsCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("salesops: internal error: " + e);
            commandLine.getErr().flush();
            return 3;
        });
        return cli;
    }
}
