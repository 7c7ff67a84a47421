package io.salesops.io;

import io.salesops.core.org.Org;
import io.salesops.core.org.Rep;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the sales org from a CSV with columns {@code rep} (required, the rep id), {@code name, manager, team,
 * territory, start_date, end_date} (optional). Other columns are ignored.
 *
 * <p>Besides the cell rules (dates, a rep who is their own manager, an end before the start, a repeated rep id),
 * the org as a whole is checked as {@link Org#of} would: a rep whose manager is not among the valid reps, and
 * every rep in a management cycle, is a problem of its row and is left out, so the records of a lenient result
 * always form a valid org ({@code Org.of(result.records())}).
 *
 * <pre>{@code
 * Org org = OrgCsvReader.builder().build().readOrg(Path.of("org.csv"));     // throws on any problem
 * ImportResult<Rep> r = OrgCsvReader.builder().lenient().build().read(Path.of("org.csv"));
 * r.problems().forEach(System.out::println);                               // org.csv:7:3 (manager): ...
 * Org valid = Org.of(r.records());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class OrgCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("rep"), Field.optional("name"), Field.optional("manager"),
            Field.optional("team"), Field.optional("territory"), Field.optional("start_date"),
            Field.optional("end_date"));

    private final CsvSettings settings;

    private OrgCsvReader(Builder b) {
        this.settings = b.settings();
    }

    /** @return a builder with the defaults: field names as headers, ISO dates, strict */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the reps from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid reps, in file order, and the problems found; the reps always form a valid org
     * @throws CsvImportException if the header lacks the rep column, or in strict mode at the first problem
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<Rep> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input; not null
     * @return the valid reps, in input order, and the problems found; the reps always form a valid org
     * @throws CsvImportException if the header lacks the rep column, or in strict mode at the first problem
     * @throws IOException        if the reader fails
     */
    public ImportResult<Rep> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    /**
     * Reads the file into an {@link Org}, whatever the mode.
     *
     * @param path the CSV file, with a header row; not null
     * @return the org of every rep in the file
     * @throws CsvImportException holding every problem, if there is any
     * @throws IOException        if the file cannot be read
     */
    public Org readOrg(Path path) throws IOException {
        return Org.of(read(path).orThrow());
    }

    private ImportResult<Rep> read(CsvImport.Input in) throws IOException {
        CsvImport.Outcome<Rep> out = CsvImport.read(in, settings, FIELDS, Converter::new,
                new CsvImport.Unique<>("rep", Rep::id, k -> "rep id \"" + k + "\"", true));
        List<ImportProblem> found = checkHierarchy(out);
        if (!found.isEmpty() && settings.strict()) {
            throw new CsvImportException(found);
        }
        out.problems.addAll(found);
        return out.result();
    }

    /** Leaves out, with a problem, reps whose manager is missing or who are in a cycle, until none are left. */
    private static List<ImportProblem> checkHierarchy(CsvImport.Outcome<Rep> out) {
        Col manager = out.header.col("manager");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < out.records.size(); i++) {
            index.put(out.records.get(i).id(), i);
        }
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                Rep rep = out.records.get(e.getValue());
                String m = rep.managerId();
                if (removed.contains(rep.id()) || m == null || (index.containsKey(m) && !removed.contains(m))) {
                    continue;
                }
                removed.add(rep.id());
                changed = true;
                problems.add(problem(out, e.getValue(), manager, m, index.containsKey(m)
                        ? "manager \"" + m + "\" is left out of the org (see line " + out.lines[index.get(m)] + ")"
                        : "manager \"" + m + "\" is not a rep in this file"));
            }
            Set<String> done = new HashSet<>();
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                if (removed.contains(e.getKey()) || done.contains(e.getKey())) {
                    continue;
                }
                List<String> path = new ArrayList<>();
                Map<String, Integer> pos = new HashMap<>();
                for (String cur = e.getKey(); cur != null && !removed.contains(cur) && !done.contains(cur);
                     cur = out.records.get(index.get(cur)).managerId()) {
                    if (pos.containsKey(cur)) {
                        List<String> cycle = path.subList(pos.get(cur), path.size());
                        String chain = String.join(" -> ", cycle) + " -> " + cur;
                        for (String r : cycle) {
                            int i = index.get(r);
                            problems.add(problem(out, i, manager, out.records.get(i).managerId(),
                                    "rep " + r + " is in a management cycle: " + chain));
                        }
                        removed.addAll(cycle);
                        changed = true;
                        break;
                    }
                    pos.put(cur, path.size());
                    path.add(cur);
                }
                done.addAll(path);
            }
        }
        if (!removed.isEmpty()) {
            List<Rep> kept = new ArrayList<>();
            int[] lines = new int[out.records.size()];
            for (int i = 0; i < out.records.size(); i++) {
                if (!removed.contains(out.records.get(i).id())) {
                    lines[kept.size()] = out.lines[i];
                    kept.add(out.records.get(i));
                }
            }
            out.records.clear();
            out.records.addAll(kept);
            out.lines = lines;
        }
        problems.sort((a, b) -> Long.compare(a.line(), b.line()));
        return problems;
    }

    private static ImportProblem problem(CsvImport.Outcome<Rep> out, int i, Col col, String value, String message) {
        return new ImportProblem(out.header.file, out.lines[i], col.header, col.index + 1, value, message);
    }

    private static final class Converter implements CsvImport.Converter<Rep> {
        private final Col rep, name, manager, team, territory, start, end;

        Converter(Header h) {
            rep = h.col("rep");
            name = h.col("name");
            manager = h.col("manager");
            team = h.col("team");
            territory = h.col("territory");
            start = h.col("start_date");
            end = h.col("end_date");
        }

        @Override
        public Rep convert(Cells c) {
            String id = c.required(rep);
            String m = c.pooled(manager);
            LocalDate s = c.date(start, false);
            LocalDate e = c.date(end, false);
            if (id != null && id.equals(m)) {
                c.problem(manager, "rep " + id + " cannot be their own manager");
            }
            if (s != null && e != null && e.isBefore(s)) {
                c.problem(end, "end date " + e + " is before the start date " + s);
            }
            if (c.hasProblems()) {
                return null;
            }
            return new Rep(id, c.text(name), m, c.pooled(team), c.pooled(territory), s, e);
        }
    }

    /** Builds an {@link OrgCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public OrgCsvReader build() {
            return new OrgCsvReader(this);
        }
    }
}
