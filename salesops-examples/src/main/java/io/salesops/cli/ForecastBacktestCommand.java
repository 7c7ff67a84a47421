package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.forecast.backtest.BacktestReport;
import io.salesops.forecast.backtest.BacktestRow;
import io.salesops.forecast.backtest.PipelineBacktest;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Option(names = "--fixed", description = "Use the stage model's fixed probabilities instead of learned ones.")
    boolean fixed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CommandSupport.Format format;

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
                .configure(f -> fixed ? f.stages(model).fixedProbabilities() : f.stages(model).learnedProbabilities());
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
