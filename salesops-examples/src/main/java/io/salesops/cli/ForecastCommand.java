package io.salesops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code salesops forecast} group, minimal: {@code pipeline} and {@code backtest}. Run alone it fails with
 * a usage error (exit 2). Not thread-safe (a picocli command object).
 */
@Command(name = "forecast", description = "Forecast bookings from the open pipeline, and backtest the forecast.",
        subcommands = {ForecastPipelineCommand.class, ForecastBacktestCommand.class})
public final class ForecastCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Always a usage error: the group does nothing by itself. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: pipeline or backtest");
    }
}
