package io.salesops.cli;

import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.AlignmentSettings;
import io.salesops.planning.territory.BalanceReport;
import io.salesops.planning.territory.TerritoryFiles;
import io.salesops.planning.territory.TerritoryGrouping;
import io.salesops.planning.territory.TerritoryInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops territory check}: the balance, moves, coverage and compactness of an existing assignment,
 * without changing it. On {@code territory plan --format csv} output it reports what the plan reported.
 * Not thread-safe (a picocli command object).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Report the balance of an existing assignment (account,rep[,previous_rep]) without changing it.",
        footer = {"", "Exit code 4: a tolerance, the move cap or coverage is not met."})
public final class TerritoryCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TerritoryOptions options;

    @Mixin
    OutputFormatOption format;

    @Option(names = "--assignment", required = true, paramLabel = "FILE",
            description = "CSV: account,rep[,previous_rep]; moves count against previous_rep, or --current if given.")
    Path assignment;

    @Option(names = "--current", paramLabel = "FILE",
            description = "CSV: account,rep: the previous assignment moves are counted against (instead of previous_rep).")
    Path current;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            AlignmentSettings settings = options.settings();
            TerritoryFiles.AssignmentFile a = TerritoryFiles.readAssignment(assignment);
            AccountBook book = options.book(current);
            Map<String, String> previous = current != null ? book.current() : a.previous();
            TerritoryGrouping grouping = options.grouping(book);
            BalanceReport r = BalanceReport.of(book, a.reps(), previous, grouping.repGroup(), settings);
            TerritoryOutput.report(format.format(), out, err, r, List.copyOf(settings.measures()),
                    o -> TerritoryOutput.repTable(r).print(o, OutputFormat.CSV), json -> { }, o -> { });
            return TerritoryOutput.exitCode(r, out, err);
        } catch (TerritoryInputException e) {
            return TerritoryOptions.problems(e, err);
        }
    }
}
