package io.salesops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops territory} group: {@code plan} aligns accounts to reps, {@code check} reports the balance
 * of an existing assignment. Run alone, it fails with a usage error listing them. Not thread-safe (a picocli
 * command object).
 */
@Command(name = "territory",
        description = "Territories: assign accounts to reps by rules, balance potential and workload, check an assignment.",
        subcommands = {TerritoryPlanCommand.class, TerritoryCheckCommand.class})
public final class TerritoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Always fails with a usage error, since the group does nothing by itself. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), GroupCommands.missingSubcommand(spec));
    }
}
