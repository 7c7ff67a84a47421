package io.salesops.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Helpers for command groups, which do nothing by themselves. */
final class GroupCommands {
    private GroupCommands() {
    }

    static String missingSubcommand(CommandSpec spec) {
        var names = spec.subcommands().keySet();
        return names.isEmpty()
                ? "'" + spec.qualifiedName() + "' has no subcommands in this build"
                : "missing subcommand for '" + spec.qualifiedName() + "'; expected one of: " + String.join(", ", names);
    }
}
