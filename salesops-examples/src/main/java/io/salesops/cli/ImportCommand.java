package io.salesops.cli;

import io.salesops.core.crm.Opportunity;
import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.crm.StageModel;
import io.salesops.core.money.Money;
import io.salesops.io.ColumnMapping;
import io.salesops.io.CsvImportException;
import io.salesops.io.ImportProblem;
import io.salesops.io.ImportResult;
import io.salesops.io.OpportunityCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
                        + " default: the built-in B2B model. Stages it lacks are problems.")
        Path stages;

        @Override
        public Integer call() throws IOException {
            StageModel model = stages == null ? StageModel.defaultModel() : OpportunityFiles.readStages(stages);
            OpportunityCsvReader.Builder b = OpportunityCsvReader.builder().lenient().defaultCurrency(currency)
                    .charset(encoding).stageModel(model).knownStagesOnly();
            if (columns != null) {
                b.mapping(ColumnMapping.named(columns));
            }
            if (dateFormat != null) {
                b.dateFormat(dateFormat);
            }
            PrintWriter out = spec.commandLine().getOut();
            ImportResult<Opportunity> r;
            try {
                r = history == null ? b.build().read(file) : b.build().read(file, history);
            } catch (CsvImportException e) {
                out.println(file + ": cannot be imported");
                printProblems(out, e.importProblems());
                return ExitCodes.BAD_INPUT;
            }
            summarize(out, r);
            printProblems(out, r.problems());
            out.flush();
            return r.isClean() ? 0 : ExitCodes.BAD_INPUT;
        }

        private void summarize(PrintWriter out, ImportResult<Opportunity> r) {
            List<Opportunity> opps = r.records();
            out.printf("%s: %d rows, %d opportunities, %d rows rejected%n", file, r.rowsRead(), opps.size(), r.rejectedRows());
            if (opps.isEmpty()) {
                return;
            }
            Map<OpportunityStatus, Long> byStatus = new EnumMap<>(OpportunityStatus.class);
            opps.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
            out.println("status:  " + byStatus.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).collect(Collectors.joining(", ")));
            out.println("stages:  " + counts(opps.stream().map(Opportunity::stage).toList(), Integer.MAX_VALUE));
            Map<String, Long> owners = opps.stream().collect(Collectors.groupingBy(Opportunity::ownerId, Collectors.counting()));
            out.println("owners:  " + owners.size() + " (" + counts(opps.stream().map(Opportunity::ownerId).toList(), 10) + ")");
            LocalDate firstCreated = opps.stream().map(Opportunity::createdDate).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate lastCreated = opps.stream().map(Opportunity::createdDate).max(Comparator.naturalOrder()).orElseThrow();
            out.println("created: " + firstCreated + " .. " + lastCreated);
            opps.stream().map(Opportunity::closeDate).filter(d -> d != null).min(Comparator.naturalOrder()).ifPresent(min ->
                    out.println("closing: " + min + " .. " + opps.stream().map(Opportunity::closeDate)
                            .filter(d -> d != null).max(Comparator.naturalOrder()).orElseThrow()));
            Map<Currency, Money> totals = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
            Map<Currency, Long> deals = new LinkedHashMap<>();
            for (Opportunity o : opps) {
                totals.merge(o.amount().currency(), o.amount(), Money::plus);
                deals.merge(o.amount().currency(), 1L, Long::sum);
            }
            out.println("amount:  " + totals.entrySet().stream()
                    .map(e -> e.getValue() + " (" + deals.get(e.getKey()) + " deals)").collect(Collectors.joining(", ")));
            if (history != null) {
                long changes = opps.stream().mapToLong(o -> o.history().size()).sum();
                long with = opps.stream().filter(o -> !o.history().isEmpty()).count();
                out.printf("history: %d stage changes for %d opportunities from %s%n", changes, with, history);
            }
        }

        private static String counts(List<String> values, int limit) {
            Map<String, Long> c = values.stream().collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
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
