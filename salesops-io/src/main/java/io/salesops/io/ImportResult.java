package io.salesops.io;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a lenient import found: the valid records, every problem, and how many data rows were read.
 *
 * <p>Nothing is dropped silently: every data row (blank lines aside) either became a record or has at least one
 * problem, so {@code rowsRead == records().size() + rejectedRows()}. Problems may also concern a second file
 * (a stage history), which does not count towards {@code rowsRead}. Immutable and thread-safe if {@code T} is.
 *
 * @param records  the valid records, in file order
 * @param problems every problem, in the order found
 * @param rowsRead the number of data rows in the main file, not counting the header and blank lines
 * @param <T> the record type
 */
public record ImportResult<T>(List<T> records, List<ImportProblem> problems, int rowsRead) {

    /**
     * Copies the lists.
     *
     * @param records  the valid records, in file order; not null, no null element
     * @param problems every problem, in the order found; not null, no null element
     * @param rowsRead the number of data rows in the main file, at least {@code records.size()}
     * @throws IllegalArgumentException if there are more records than rows
     * @throws NullPointerException     if a list or an element is null
     */
    public ImportResult {
        records = List.copyOf(Objects.requireNonNull(records, "records"));
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        if (records.size() > rowsRead) {
            throw new IllegalArgumentException(records.size() + " records from only " + rowsRead + " rows");
        }
    }

    /** @return true if there are no problems */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** @return the number of data rows that were rejected: {@code rowsRead - records().size()} */
    public int rejectedRows() {
        return rowsRead - records.size();
    }

    /** @return the distinct (file, line) pairs that have a problem, as {@code "file:line"} strings */
    public Set<String> problemLines() {
        Set<String> lines = new HashSet<>();
        for (ImportProblem p : problems) {
            lines.add(p.file() + ":" + p.line());
        }
        return lines;
    }

    /**
     * @return the records if there are no problems
     * @throws CsvImportException holding the problems otherwise
     */
    public List<T> orThrow() {
        if (!problems.isEmpty()) {
            throw new CsvImportException(problems);
        }
        return records;
    }
}
