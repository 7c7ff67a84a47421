package io.salesops.cli;

import io.salesops.planning.territory.AccountBook;
import io.salesops.planning.territory.AlignmentSettings;
import io.salesops.planning.territory.Measure;
import io.salesops.planning.territory.TerritoryFiles;
import io.salesops.planning.territory.TerritoryGrouping;
import io.salesops.planning.territory.TerritoryInputException;
import io.salesops.planning.territory.TerritoryRules;
import io.salesops.planning.territory.WorkloadModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The options {@code territory plan} and {@code territory check} share (a picocli mixin): input files,
 * measures, tolerance and move cap, and how they become an {@link AccountBook} and {@link AlignmentSettings}.
 * Not thread-safe (a picocli option holder).
 */
public final class TerritoryOptions {

    /** Exit code when an assignment was written or checked but a tolerance, the move cap or coverage is not met. */
    public static final int CONSTRAINTS_NOT_MET = 4;

    private static final Pattern PERCENT = Pattern.compile("([0-9]{1,3}(\\.[0-9]{1,6})?)\\s*%?");

    @Option(names = "--accounts", required = true, paramLabel = "FILE",
            description = "CSV: account,lat,lon,potential[,workload] plus attribute columns (segment, country, ...).")
    Path accounts;

    @Option(names = "--reps", required = true, paramLabel = "FILE",
            description = "CSV: rep,lat,lon[,capacity] plus attribute columns.")
    Path reps;

    @Option(names = "--rules", paramLabel = "FILE",
            description = "YAML territory rules: accounts are balanced only among reps of their territory.")
    Path rules;

    @Option(names = "--balance", split = ",", defaultValue = "potential,workload", paramLabel = "MEASURE",
            description = "Measures to balance, comma-separated: potential, workload (default: ${DEFAULT-VALUE}).")
    List<String> balance;

    @Option(names = "--tolerance", defaultValue = "5", paramLabel = "PERCENT",
            description = "Each rep within this percent of its target (group total x capacity share) (default: ${DEFAULT-VALUE}).")
    String tolerance;

    @Option(names = "--max-moves", defaultValue = "20%", paramLabel = "PERCENT",
            description = "At most this percent of accounts may change rep, e.g. 20%% (default: ${DEFAULT-VALUE}).")
    String maxMoves;

    @Option(names = "--workload-model", paramLabel = "FILE",
            description = "CSV: segment,visits_per_year,hours_per_visit: build each account's workload up (hours a year) "
                    + "from its segment instead of the workload column, and report how many reps the book needs.")
    Path workloadModel;

    @Option(names = "--rep-hours", defaultValue = "1600", paramLabel = "HOURS",
            description = "Selling hours a full-time rep has a year, for the coverage model (default: ${DEFAULT-VALUE}).")
    BigDecimal repHours;

    AlignmentSettings settings() {
        Set<Measure> measures = EnumSet.noneOf(Measure.class);
        for (String b : balance) {
            if (!b.isBlank()) {
                measures.add(UserInputException.fromUser("--balance", () -> Measure.parse(b)));
            }
        }
        return AlignmentSettings.defaults().withMeasures(measures)
                .withTolerancePercent(percent("--tolerance", tolerance))
                .withMaxMoveShare(percent("--max-moves", maxMoves).movePointLeft(2));
    }

    static BigDecimal percent(String option, String text) {
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            throw new UserInputException(option + " \"" + text + "\" is not a percentage such as 5 or 20%");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        if (v.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new UserInputException(option + " " + text + " is more than 100%");
        }
        return v;
    }

    AccountBook book(Path current) throws IOException {
        List<io.salesops.planning.territory.Account> read = TerritoryFiles.readAccounts(accounts);
        if (workloadModel != null) {
            read = WorkloadModel.read(workloadModel).apply(read);
        }
        AccountBook book = AccountBook.of(read, TerritoryFiles.readReps(reps));
        if (current != null) {
            TerritoryFiles.AssignmentFile c = TerritoryFiles.readAssignment(current);
            book = book.withCurrent(c.reps(), c.pinned());
        }
        return book;
    }

    /** @return the coverage model's sentence when workloads were built up, else null */
    String coverage(AccountBook book) {
        if (workloadModel == null) {
            return null;
        }
        BigDecimal needed = WorkloadModel.repsNeeded(book.accounts(), repHours);
        BigDecimal capacity = book.reps().stream().map(io.salesops.planning.territory.TerritoryRep::capacity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal hours = book.accounts().stream().map(io.salesops.planning.territory.Account::workload)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return "coverage  " + book.accounts().size() + " accounts need " + hours.stripTrailingZeros().toPlainString()
                + " hours a year: " + needed.toPlainString() + " reps at " + repHours.toPlainString()
                + " hours; the reps file has capacity " + capacity.stripTrailingZeros().toPlainString();
    }

    TerritoryGrouping grouping(AccountBook book) throws IOException {
        return rules == null ? TerritoryGrouping.single(book) : TerritoryRules.read(rules).group(book);
    }

    /** Prints every located problem of {@code e} (at most 20) and returns exit code 1. */
    static int problems(TerritoryInputException e, PrintWriter err) {
        List<String> ps = e.messages();
        for (int i = 0; i < Math.min(20, ps.size()); i++) {
            err.println("salesops: error: " + ps.get(i));
        }
        if (ps.size() > 20) {
            err.println("salesops: error: ... and " + (ps.size() - 20) + " more problems");
        }
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    static String lower(Object o) {
        return o.toString().toLowerCase(Locale.ROOT);
    }
}
