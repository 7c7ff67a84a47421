package io.salesops.planning.territory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the CSV files of a territory plan: accounts, reps and an assignment (current, or a plan to check).
 * Column names are matched ignoring case; columns the reader does not know become attributes. Every problem
 * in a file is collected before it throws. Stateless and thread-safe.
 */
public final class TerritoryFiles {

    private static final List<String> ACCOUNT_COLUMNS = List.of("account", "lat", "lon", "potential", "workload");
    private static final List<String> REP_COLUMNS = List.of("rep", "lat", "lon", "capacity");
    private static final List<String> ASSIGNMENT_COLUMNS = List.of("account", "rep", "previous_rep", "pinned");

    private TerritoryFiles() {
    }

    /**
     * Reads accounts: {@code account,lat,lon,potential[,workload]} plus attribute columns. Without a workload
     * column every workload is zero (build it up from visits, or balance potential only).
     *
     * @param path the file, not null
     * @return the accounts in file order
     * @throws TerritoryInputException naming file, line and column of every bad value or duplicate id
     * @throws IOException             if the file cannot be read
     */
    public static List<Account> readAccounts(Path path) throws IOException {
        CsvTable t = CsvTable.read(path, AccountBook.MAX_ACCOUNTS, "account", "lat", "lon", "potential");
        boolean hasWorkload = t.columns.containsKey("workload");
        List<Account> out = new ArrayList<>(t.size());
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            int before = t.problems.size();
            String id = t.text(i, "account");
            double lat = t.coordinate(i, "lat", 90);
            double lon = t.coordinate(i, "lon", 180);
            BigDecimal potential = t.decimal(i, "potential", BigDecimal.ZERO, true);
            BigDecimal workload = hasWorkload ? t.decimal(i, "workload", BigDecimal.ZERO, true) : BigDecimal.ZERO;
            if (id != null) {
                Long first = seen.putIfAbsent(id, t.line(i));
                if (first != null) {
                    t.problems.add(t.at(t.line(i), t.columns.get("account")) + "account " + id
                            + " appears twice (first on line " + first + ")");
                }
            }
            if (t.problems.size() == before) {
                out.add(new Account(id, lat, lon, potential, workload, t.attributes(i, ACCOUNT_COLUMNS)));
            }
            if (t.problems.size() >= TerritoryInputException.MAX_PROBLEMS) {
                break;
            }
        }
        t.throwIfProblems();
        return out;
    }

    /**
     * Reads reps: {@code rep,lat,lon[,capacity]} plus attribute columns; a missing capacity column means 1 each.
     *
     * @param path the file, not null
     * @return the reps in file order
     * @throws TerritoryInputException naming file, line and column of every bad value or duplicate id
     * @throws IOException             if the file cannot be read
     */
    public static List<TerritoryRep> readReps(Path path) throws IOException {
        CsvTable t = CsvTable.read(path, AccountBook.MAX_REPS, "rep", "lat", "lon");
        boolean hasCapacity = t.columns.containsKey("capacity");
        List<TerritoryRep> out = new ArrayList<>(t.size());
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            int before = t.problems.size();
            String id = t.text(i, "rep");
            double lat = t.coordinate(i, "lat", 90);
            double lon = t.coordinate(i, "lon", 180);
            BigDecimal capacity = hasCapacity ? t.decimal(i, "capacity", BigDecimal.ZERO, false) : BigDecimal.ONE;
            if (id != null) {
                Long first = seen.putIfAbsent(id, t.line(i));
                if (first != null) {
                    t.problems.add(t.at(t.line(i), t.columns.get("rep")) + "rep " + id
                            + " appears twice (first on line " + first + ")");
                }
            }
            if (t.problems.size() == before) {
                out.add(new TerritoryRep(id, lat, lon, capacity, t.attributes(i, REP_COLUMNS)));
            }
            if (t.problems.size() >= TerritoryInputException.MAX_PROBLEMS) {
                break;
            }
        }
        t.throwIfProblems();
        return out;
    }

    /**
     * An assignment as read from a file: account to rep, the pinned accounts, and the previous rep column when
     * the file has one (as {@code territory plan --format csv} writes it).
     *
     * @param reps     account id to rep id, in file order, unmodifiable
     * @param previous account id to previous rep id (absent or blank cells left out), unmodifiable
     * @param pinned   accounts whose {@code pinned} cell is true, yes or 1, unmodifiable
     */
    public record AssignmentFile(Map<String, String> reps, Map<String, String> previous, Set<String> pinned) {
        /**
         * Copies the fields.
         *
         * @param reps     account id to rep id, in file order, unmodifiable
         * @param previous account id to previous rep id (absent or blank cells left out), unmodifiable
         * @param pinned   accounts whose {@code pinned} cell is true, yes or 1, unmodifiable
         */
        public AssignmentFile {
            reps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reps));
            previous = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previous));
            pinned = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(pinned));
        }
    }

    /**
     * Reads an assignment: {@code account,rep[,previous_rep][,pinned]}; other columns are ignored.
     *
     * @param path the file, not null
     * @return the assignment
     * @throws TerritoryInputException naming file, line and column of a blank cell, a bad pinned flag or an
     *                                 account listed twice
     * @throws IOException             if the file cannot be read
     */
    public static AssignmentFile readAssignment(Path path) throws IOException {
        CsvTable t = CsvTable.read(path, AccountBook.MAX_ACCOUNTS, "account", "rep");
        Map<String, String> reps = new LinkedHashMap<>();
        Map<String, String> previous = new LinkedHashMap<>();
        Set<String> pinned = new LinkedHashSet<>();
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String account = t.text(i, "account");
            String rep = t.text(i, "rep");
            String prev = t.cell(i, "previous_rep");
            String pin = t.cell(i, "pinned").toLowerCase(Locale.ROOT);
            boolean isPinned = switch (pin) {
                case "true", "yes", "1", "y" -> true;
                case "", "false", "no", "0", "n" -> false;
                default -> {
                    t.problems.add(t.at(t.line(i), t.columns.get("pinned")) + "\"" + CsvTable.preview(pin)
                            + "\" is not true/false, yes/no or 1/0");
                    yield false;
                }
            };
            if (account == null || rep == null) {
                continue;
            }
            Long first = seen.putIfAbsent(account, t.line(i));
            if (first != null) {
                t.problems.add(t.at(t.line(i), t.columns.get("account")) + "account " + account
                        + " is assigned twice (first on line " + first + ")");
                continue;
            }
            reps.put(account, rep);
            if (!prev.isEmpty()) {
                previous.put(account, prev);
            }
            if (isPinned) {
                pinned.add(account);
            }
            if (t.problems.size() >= TerritoryInputException.MAX_PROBLEMS) {
                break;
            }
        }
        t.throwIfProblems();
        return new AssignmentFile(reps, previous, pinned);
    }
}
