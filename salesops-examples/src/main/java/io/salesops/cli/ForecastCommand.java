package io.salesops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops forecast} group. Its subcommands ({@code pipeline}, {@code trend}, {@code backtest}) are
 * listed in the {@code subcommands} attribute of its {@code @Command}; run alone, the group fails with a usage
 * error (exit 2) listing them. Not thread-safe (a picocli command object).
 */
@Command(name = "forecast",
        description = "Forecast bookings: from the open pipeline, from the bookings trend, and backtests of both.",
        subcommands = {ForecastPipelineCommand.class, ForecastTrendCommand.class, ForecastBacktestCommand.class})
public final class ForecastCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Always fails with a usage error, since the group does nothing by itself. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), GroupCommands.missingSubcommand(spec));
    }
}
