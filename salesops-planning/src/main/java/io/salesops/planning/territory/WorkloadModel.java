package io.salesops.planning.territory;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workload build-up method: an account's workload is its segment's visits a year times the hours a visit
 * takes; the book's total over the hours a rep has a year says how many reps it needs (the coverage model).
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkloadModel {

    /**
     * How one segment is covered.
     *
     * @param visitsPerYear calls or visits a year, not negative
     * @param hoursPerVisit hours per call or visit, including travel and preparation, not negative
     */
    public record Coverage(BigDecimal visitsPerYear, BigDecimal hoursPerVisit) {
        /**
         * Validates the fields.
         *
         * @param visitsPerYear calls or visits a year, not negative
         * @param hoursPerVisit hours per call or visit, including travel and preparation, not negative
         */
        public Coverage {
            Account.requireNotNegative("coverage", "visits per year", visitsPerYear);
            Account.requireNotNegative("coverage", "hours per visit", hoursPerVisit);
        }

        /** @return hours a year one account of the segment takes */
        public BigDecimal hoursPerYear() {
            return visitsPerYear.multiply(hoursPerVisit);
        }
    }

    private final String attribute;
    private final Map<String, Coverage> bySegment;

    private WorkloadModel(String attribute, Map<String, Coverage> bySegment) {
        this.attribute = Account.requireId(attribute, "attribute");
        this.bySegment = Collections.unmodifiableMap(new LinkedHashMap<>(bySegment));
    }

    /**
     * @param attribute the account attribute that names the segment, e.g. {@code segment}
     * @param bySegment segment value to its coverage, at least one
     * @return the model
     * @throws IllegalArgumentException if there are no segments
     */
    public static WorkloadModel of(String attribute, Map<String, Coverage> bySegment) {
        if (bySegment.isEmpty()) {
            throw new IllegalArgumentException("a workload model needs at least one segment");
        }
        return new WorkloadModel(attribute, bySegment);
    }

    /**
     * Reads {@code segment,visits_per_year,hours_per_visit}; the first column's name is the account attribute
     * it matches.
     *
     * @param path the CSV file, not null
     * @return the model
     * @throws TerritoryInputException naming file, line and column of every bad value or repeated segment
     * @throws IOException             if the file cannot be read
     */
    public static WorkloadModel read(Path path) throws IOException {
        CsvTable t = CsvTable.read(path, 10_000, "visits_per_year", "hours_per_visit");
        String attribute = t.header.get(0);
        Map<String, Coverage> out = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            int before = t.problems.size();
            String segment = t.text(i, attribute);
            BigDecimal visits = t.decimal(i, "visits_per_year", BigDecimal.ZERO, true);
            BigDecimal hours = t.decimal(i, "hours_per_visit", BigDecimal.ZERO, true);
            if (t.problems.size() == before) {
                if (out.putIfAbsent(segment, new Coverage(visits, hours)) != null) {
                    t.problem(i, attribute, attribute + " " + segment + " appears twice");
                }
            }
        }
        if (out.isEmpty() && t.problems.isEmpty()) {
            t.problems.add(path + ": no segments; expected rows like Enterprise,12,3");
        }
        t.throwIfProblems();
        return new WorkloadModel(attribute, out);
    }

    /**
     * The accounts with their workload built up (hours a year).
     *
     * @param accounts the accounts, not null
     * @return copies with {@code workload} replaced, in the same order
     * @throws TerritoryInputException listing accounts whose segment the model does not cover
     */
    public List<Account> apply(List<Account> accounts) {
        List<Account> out = new ArrayList<>(accounts.size());
        List<String> problems = new ArrayList<>();
        for (Account a : accounts) {
            String s = a.attribute(attribute);
            Coverage c = s == null ? null : bySegment.get(s);
            if (c == null) {
                if (problems.size() < TerritoryInputException.MAX_PROBLEMS) {
                    problems.add("account " + a.id() + ": " + attribute + " " + (s == null ? "is missing" : "\"" + s
                            + "\" is not in the workload model") + " (segments: " + String.join(", ", bySegment.keySet()) + ")");
                }
                continue;
            }
            out.add(a.withWorkload(c.hoursPerYear()));
        }
        if (!problems.isEmpty()) {
            throw new TerritoryInputException(problems);
        }
        return out;
    }

    /**
     * The coverage model: how many reps the accounts need.
     *
     * @param accounts    accounts with their workload (hours a year), not null
     * @param hoursPerRep selling hours a full-time rep has a year, greater than zero
     * @return total hours over hours per rep, to 2 places, rounded up (a fraction of a rep is still needed)
     * @throws IllegalArgumentException if {@code hoursPerRep} is not positive
     */
    public static BigDecimal repsNeeded(List<Account> accounts, BigDecimal hoursPerRep) {
        Objects.requireNonNull(hoursPerRep, "hoursPerRep");
        if (hoursPerRep.signum() <= 0) {
            throw new IllegalArgumentException("hours per rep " + hoursPerRep.toPlainString() + " is not greater than zero");
        }
        BigDecimal total = accounts.stream().map(Account::workload).reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.divide(hoursPerRep, 2, RoundingMode.CEILING);
    }

    /** @return the account attribute that names the segment */
    public String attribute() {
        return attribute;
    }

    /** @return segment to coverage, in file order, unmodifiable */
    public Map<String, Coverage> segments() {
        return bySegment;
    }
}
