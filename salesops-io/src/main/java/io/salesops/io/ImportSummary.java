package io.salesops.io;

import io.salesops.core.crm.OpportunityStatus;
import io.salesops.core.money.Money;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a lenient check of an opportunities file found, without the rows themselves: how many rows were read and
 * kept, every problem, and the kept rows counted by status, stage and owner, their date ranges and their totals
 * per currency. As with {@link ImportResult}, nothing is dropped silently:
 * {@code rowsRead == opportunities() + rejectedRows()}. Immutable and thread-safe.
 *
 * @param rowsRead      the number of data rows, not counting the header and blank lines
 * @param opportunities the number of valid rows
 * @param problems      every problem, located by file, line and column
 * @param byStatus      valid rows per status, statuses with none left out, in the enum's order
 * @param byStage       valid rows per current stage, in order of first appearance
 * @param byOwner       valid rows per owner, in order of first appearance
 * @param firstCreated  the earliest created date, or null if no row is valid
 * @param lastCreated   the latest created date, or null if no row is valid
 * @param firstClose    the earliest close date, or null if no valid row has one
 * @param lastClose     the latest close date, or null if no valid row has one
 * @param totals        the sum of the valid rows' amounts per currency, in order of first appearance
 * @param deals         valid rows per currency, in the order of {@code totals}
 */
public record ImportSummary(int rowsRead, int opportunities, List<ImportProblem> problems,
                            Map<OpportunityStatus, Long> byStatus, Map<String, Long> byStage,
                            Map<String, Long> byOwner, LocalDate firstCreated, LocalDate lastCreated,
                            LocalDate firstClose, LocalDate lastClose, Map<Currency, Money> totals,
                            Map<Currency, Long> deals) {

    /**
     * Copies the lists and maps, keeping their order.
     *
     * @param rowsRead      the number of data rows, not counting the header and blank lines
     * @param opportunities the number of valid rows, at most {@code rowsRead}
     * @param problems      every problem; not null
     * @param byStatus      valid rows per status; not null
     * @param byStage       valid rows per current stage; not null
     * @param byOwner       valid rows per owner; not null
     * @param firstCreated  the earliest created date, or null if no row is valid
     * @param lastCreated   the latest created date, or null if no row is valid
     * @param firstClose    the earliest close date, or null if no valid row has one
     * @param lastClose     the latest close date, or null if no valid row has one
     * @param totals        the sum of the valid rows' amounts per currency; not null
     * @param deals         valid rows per currency; not null
     * @throws IllegalArgumentException if more rows are valid than were read
     * @throws NullPointerException     if a list or map is null
     */
    public ImportSummary {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        byStatus = ordered(byStatus);
        byStage = ordered(byStage);
        byOwner = ordered(byOwner);
        totals = ordered(totals);
        deals = ordered(deals);
        if (opportunities > rowsRead) {
            throw new IllegalArgumentException(opportunities + " valid rows from only " + rowsRead + " rows read");
        }
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(m, "map")));
    }

    /**
     * Counts the rows of a table read, as {@link OpportunityCsvReader#summarize(java.nio.file.Path)} counts a file
     * without keeping the table.
     *
     * @param read the result of {@link OpportunityCsvReader#readTable(java.nio.file.Path)}; not null
     * @return the summary of {@code read}: its rows counted, its problems
     */
    public static ImportSummary of(TableImportResult read) {
        return SummaryCounts.of(read);
    }

    /** @return true if there are no problems */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** @return the number of data rows that were rejected: {@code rowsRead() - opportunities()} */
    public int rejectedRows() {
        return rowsRead - opportunities;
    }
}
