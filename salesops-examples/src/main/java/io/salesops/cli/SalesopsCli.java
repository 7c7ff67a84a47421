package io.salesops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops} command, minimal: the full main class lives on the CLI branch; this one exists so the
 * pipeline commands run on their own. Not thread-safe (a picocli command object).
 */
@Command(name = "salesops", mixinStandardHelpOptions = true, version = "salesops 0.1.0-SNAPSHOT",
        description = "Sales operations on the command line.",
        subcommands = {ForecastCommand.class, KpiCommand.class})
public final class SalesopsCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * Runs {@code salesops} and exits with its code.
     *
     * @param args the arguments, not null
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** @return a command line for {@code salesops} with case-insensitive enum values */
    public static CommandLine newCommandLine() {
        return new CommandLine(new SalesopsCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Without a subcommand: prints the usage and succeeds. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
