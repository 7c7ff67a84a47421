package io.salesops.cli;

import io.salesops.examples.sample.SampleCompany;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code salesops sample}: the bundled sample data set. Run alone it fails with a usage error listing its
 * subcommands. Not thread-safe (a picocli command object).
 */
@Command(name = "sample",
        description = "Work with the bundled sample company.",
        subcommands = SampleCommand.Export.class)
public final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Always fails with a usage error, since the group does nothing by itself. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), GroupCommands.missingSubcommand(spec));
    }

    /** {@code salesops sample export DIR}: writes the sample CSV files. Not thread-safe. */
    @Command(name = "export",
            description = {"Write the sample company as CSV files into DIR (created if missing).",
                "Files: org.csv, accounts.csv, opportunities.csv, stage_history.csv, quotas.csv, bookings.csv."})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The directory to write to.")
        Path dir;

        @Option(names = "--force", description = "Overwrite files that already exist.")
        boolean force;

        @Override
        public Integer call() {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserInputException("export target " + dir + " exists and is not a directory");
            }
            List<String> existing = new ArrayList<>();
            for (String f : SampleCompany.FILES) {
                if (Files.exists(dir.resolve(f))) {
                    existing.add(f);
                }
            }
            if (!existing.isEmpty() && !force) {
                throw new UserInputException("directory " + dir + " already has " + String.join(", ", existing)
                        + "; pass --force to overwrite");
            }
            SampleCompany company = SampleCompany.get();
            company.writeCsv(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote " + SampleCompany.FILES.size() + " files to " + dir + ": " + String.join(", ", SampleCompany.FILES));
            out.println(company);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
