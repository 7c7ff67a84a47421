package io.salesops.cli;

import picocli.CommandLine.Command;

/** The {@code salesops forecast} command group. */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Forecasts.",
        subcommands = {ForecastTrendCommand.class})
public final class ForecastCommand {
}
