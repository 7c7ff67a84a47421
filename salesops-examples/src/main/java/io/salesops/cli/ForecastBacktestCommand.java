package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.forecast.backtest.BacktestReport;
import io.salesops.forecast.backtest.BacktestRow;
import io.salesops.forecast.backtest.PipelineBacktest;
import io.salesops.forecast.pipeline.PipelineForecast;
import io.salesops.forecast.pipeline.PipelineMethod;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops forecast backtest}: forecasts each period of a range as of its first day and compares it
 * with what was booked, next to a run-rate baseline. Not thread-safe (a picocli command object).
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Forecast past periods as of their first day; compare with actual bookings and a run-rate baseline.")
public final class ForecastBacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OpportunityFiles files;

    @Option(names = "--from", required = true, paramLabel = "PERIOD", description = "First period, e.g. 2017-Q2.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PERIOD", description = "Last period, e.g. 2017-Q4.")
    String to;

    @Option(names = "--by", paramLabel = "DIMENSION", defaultValue = "owner", description = "Groups compared (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "The forecast backtested: auto (the default, as forecast pipeline), time_to_event, or"
                    + " stage_weighted (learned probabilities; the default with --fixed).")
    String method;

    @Option(names = "--fixed", description = "Stage-weighted with the stage model's fixed probabilities instead of learned ones.")
    boolean fixed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CommandSupport.Format format;

    /**
     * What each backtested period's forecast is, shared with the server's backtest so that both measure the
     * forecast {@code forecast pipeline} makes with the same options.
     *
     * @param method the method; for stage-weighted, {@code fixed} chooses fixed or learned probabilities
     * @param fixed  true for the stage model's fixed probabilities
     * @param stages the user's stage model, or null to let the forecast use the built-in one or infer one from
     *               the data, as {@code forecast pipeline} does without {@code --stages}
     * @return the configuration for {@link PipelineBacktest#configure}
     */
    public static UnaryOperator<PipelineForecast> configure(PipelineMethod method, boolean fixed, StageModel stages) {
        return f -> {
            PipelineForecast g = stages == null ? f : f.stages(stages);
            if (method == PipelineMethod.STAGE_WEIGHTED) {
                g = fixed ? g.fixedProbabilities() : g.learnedProbabilities();
            }
            return g.method(method);
        };
    }

    /** The method of {@code --method}; without it auto, or stage-weighted with {@code --fixed}. */
    private PipelineMethod method() {
        PipelineMethod m = ForecastPipelineCommand.method(spec, method, fixed);
        if (fixed && m != PipelineMethod.STAGE_WEIGHTED) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--fixed sets the stage-weighted method's probabilities; it cannot go with --method " + method);
        }
        return m;
    }

    /** Runs the backtest and prints it. @return the exit code */
    @Override
    public Integer call() {
        return CommandSupport.run(spec, this::backtest);
    }

    private int backtest() throws Exception {
        FiscalCalendar cal = files.calendar();
        StageModel model = files.stageModel();
        OpportunityTable opps = files.readTable(model);
        files.checkDimensions(opps, false, by);
        PipelineBacktest b = PipelineBacktest.of(opps).periods(
                UserInputException.fromUser("--from", () -> cal.parse(from)), UserInputException.fromUser("--to", () -> cal.parse(to))).by(by)
                .configure(configure(method(), fixed, files.hasStages() ? model : null));
        BacktestReport r = b.run();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case JSON -> {
                Map<String, Object> m = JsonViews.backtest(r);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
            }
            case CSV -> {
                out.println("period,group,actual,forecast,runRate");
                for (BacktestRow row : r.rows()) {
                    out.println(String.join(",", CommandSupport.csv(row.period()), CommandSupport.csv(row.group()),
                            CommandSupport.decimal(row.actual()), CommandSupport.decimal(row.forecast()), CommandSupport.decimal(row.runRate())));
                }
            }
            default -> out.print(r.summary());
        }
        out.flush();
        return CommandSupport.OK;
    }
}
