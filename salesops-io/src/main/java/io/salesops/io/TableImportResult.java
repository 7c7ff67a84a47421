package io.salesops.io;

import io.salesops.core.crm.OpportunityTable;
import java.util.List;
import java.util.Objects;

/**
 * What a lenient columnar import found: the valid rows as an {@link OpportunityTable}, every problem, and how many
 * data rows were read. As with {@link ImportResult}, nothing is dropped silently:
 * {@code rowsRead == table().size() + rejectedRows()}. Immutable and thread-safe.
 *
 * @param table    the valid rows, in file order, with their stage history
 * @param problems every problem, in the order found, located by file, line and column
 * @param rowsRead the number of data rows in the main file, not counting the header and blank lines
 */
public record TableImportResult(OpportunityTable table, List<ImportProblem> problems, int rowsRead) {

    /**
     * Copies the problems.
     *
     * @param table    the valid rows, in file order; not null
     * @param problems every problem, in the order found; not null, no null element
     * @param rowsRead the number of data rows in the main file, at least {@code table.size()}
     * @throws IllegalArgumentException if the table has more rows than were read
     * @throws NullPointerException     if the table, the list or an element is null
     */
    public TableImportResult {
        Objects.requireNonNull(table, "table");
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (table.size() > rowsRead) {
            throw new IllegalArgumentException(table.size() + " rows kept from only " + rowsRead + " rows read");
        }
    }

    /** @return true if there are no problems */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** @return the number of data rows that were rejected: {@code rowsRead - table().size()} */
    public int rejectedRows() {
        return rowsRead - table.size();
    }

    /**
     * @return the table if there are no problems
     * @throws CsvImportException holding the problems otherwise
     */
    public OpportunityTable orThrow() {
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        return table;
    }
}
