package io.salesops.cli;

import io.salesops.core.crm.OpportunityTable;
import io.salesops.core.crm.StageModel;
import io.salesops.io.ColumnMapping;
import io.salesops.io.CsvImportException;
import io.salesops.io.ImportProblem;
import io.salesops.io.ImportSummary;
import io.salesops.io.TableImportResult;
import io.salesops.io.OpportunityCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salesops import ...}: reading CRM exports. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import CRM exports.",
        subcommands = {ImportCommand.Check.class})
public final class ImportCommand {

    /**
     * {@code salesops import check FILE}: loads an opportunities CSV leniently and reports what it holds and every
     * problem, one per line as {@code file:line:column (name): message}, checking stages and statuses against the
     * stage model a forecast would use. Exit code 0 if clean, 1 if any problem.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Load an opportunities CSV leniently and report what it holds and every problem.",
                "Exit code 0 if the file is clean, 1 if it has any problem."})
    public static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "the opportunities CSV")
        Path file;

        @Option(names = "--columns", paramLabel = "MAPPING",
                description = "salesforce, hubspot, or field=Header pairs, e.g. amount=close_value,stage=deal_stage")
        String columns;

        @Option(names = "--date-format", paramLabel = "F",
                description = "date pattern such as MM/dd/yyyy or dd.MM.yyyy (default: the mapping's, else yyyy-MM-dd)")
        String dateFormat;

        @Option(names = "--history", paramLabel = "FILE",
                description = "stage history CSV: opportunity_id,date,stage[,amount,close_date]")
        Path history;

        @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD",
                description = "currency of amounts without a currency column (default: ${DEFAULT-VALUE})")
        String currency;

        @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
                description = "encoding of the files, e.g. windows-1252 or ISO-8859-1 (default: ${DEFAULT-VALUE};"
                        + " a byte not valid in it is an error naming line, column and byte offset)")
        Charset encoding;

        @Option(names = "--stages", paramLabel = "FILE",
                description = "stage model CSV the forecast will use (stage,probability,forecast_category,outcome);"
                        + " a stage it lacks is a problem. Without it, stages the built-in B2B model lacks are named"
                        + " (the forecast infers a model from the data)")
        Path stages;

        @Override
        public Integer call() throws IOException {
            StageModel model = stages == null ? StageModel.defaultModel() : OpportunityFiles.readStages(stages);
            OpportunityCsvReader.Builder b = UserInputException.fromUser("--currency", () -> OpportunityCsvReader.builder()
                    .lenient().defaultCurrency(currency)).charset(encoding).stageModel(model);
            if (stages != null) {
                // the user's own model: a stage it lacks is a problem of its row. Without one the forecast commands
                // infer the model from the data, so the check reads stages as they do and says which are new
                b.knownStagesOnly();
            }
            if (columns != null) {
                b.mapping(UserInputException.fromUser("--columns", () -> ColumnMapping.named(columns)));
            } else {
                PrintWriter err = spec.commandLine().getErr();
                ExportShape.configure(b, file, encoding, dateFormat == null, n -> {
                    err.println("salesops: note: " + n);
                    err.flush();
                });
            }
            if (dateFormat != null) {
                UserInputException.fromUser("--date-format", () -> b.dateFormat(dateFormat));
            }
            PrintWriter out = spec.commandLine().getOut();
            ImportSummary r;
            long[] history = null;
            try {
                if (this.history == null) {
                    // counted as it is read: memory grows with the distinct ids, not with a table of every field
                    r = b.build().summarize(file);
                } else {
                    TableImportResult t = b.build().readTable(file, this.history);
                    r = ImportSummary.of(t);
                    history = historyCounts(t.table());
                }
            } catch (CsvImportException e) {
                out.println(file + ": cannot be imported");
                printProblems(out, e.importProblems());
                return ExitCodes.BAD_INPUT;
            }
            summarize(out, r, history);
            if (stages == null) {
                unknownStages(out, r, model);
            }
            printProblems(out, r.problems());
            out.flush();
            return r.isClean() ? 0 : ExitCodes.BAD_INPUT;
        }

        /** @return the number of stage changes and of opportunities with any */
        private static long[] historyCounts(OpportunityTable t) {
            long changes = 0;
            long with = 0;
            for (int i = 0; i < t.size(); i++) {
                int h = t.historyEnd(i) - t.historyStart(i);
                changes += h;
                with += h > 0 ? 1 : 0;
            }
            return new long[] {changes, with};
        }

        private void summarize(PrintWriter out, ImportSummary r, long[] historyCounts) {
            int n = r.opportunities();
            out.printf("%s: %d rows, %d opportunities, %d rows rejected%n", file, r.rowsRead(), n, r.rejectedRows());
            if (n == 0) {
                return;
            }
            StringBuilder status = new StringBuilder();
            r.byStatus().forEach((st, count) -> status.append(status.length() == 0 ? "" : ", ")
                    .append(st.name().toLowerCase(Locale.ROOT)).append(' ').append(count));
            out.println("status:  " + status);
            out.println("stages:  " + counts(r.byStage(), Integer.MAX_VALUE));
            out.println("owners:  " + r.byOwner().size() + " (" + counts(r.byOwner(), 10) + ")");
            out.println("created: " + r.firstCreated() + " .. " + r.lastCreated());
            if (r.firstClose() != null) {
                out.println("closing: " + r.firstClose() + " .. " + r.lastClose());
            }
            Map<Currency, String> amounts = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
            r.totals().forEach((c, total) -> amounts.put(c, total + " (" + r.deals().get(c) + " deals)"));
            out.println("amount:  " + String.join(", ", amounts.values()));
            if (historyCounts != null) {
                out.printf("history: %d stage changes for %d opportunities from %s%n", historyCounts[0], historyCounts[1],
                        history);
            }
        }

        /**
         * Names the stages the built-in model lacks, as the forecast commands would meet them: they infer a stage
         * model from the data instead of refusing the file.
         */
        private static void unknownStages(PrintWriter out, ImportSummary r, StageModel model) {
            List<String> unknown = r.byStage().keySet().stream()
                    .filter(s -> !s.equals(io.salesops.core.crm.Opportunity.UNKNOWN_STAGE) && model.find(s).isEmpty())
                    .sorted().toList();
            if (!unknown.isEmpty()) {
                out.println("note:    " + unknown.size() + (unknown.size() == 1 ? " stage is" : " stages are")
                        + " not in the built-in stage model: " + String.join(", ", unknown) + ". The forecast and KPI"
                        + " commands then infer the model from the data (open stages from open deals, won and lost from"
                        + " each deal's status) and say so; give --stages FILE to check the stages against your own model");
            }
        }

        /** The values with a count above zero, most frequent first (ties by value), at most {@code limit}. */
        private static String counts(Map<String, Long> counts, int limit) {
            Map<String, Long> c = new TreeMap<>(counts);
            String shown = c.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
            return c.size() > limit ? shown + ", ..." : shown;
        }

        private static void printProblems(PrintWriter out, List<ImportProblem> problems) {
            if (problems.isEmpty()) {
                out.println("no problems");
                return;
            }
            out.println(problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
            problems.forEach(out::println);
            out.flush();
        }
    }
}
