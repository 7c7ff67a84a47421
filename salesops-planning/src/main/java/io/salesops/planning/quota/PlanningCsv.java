package io.salesops.planning.quota;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.salesops.core.money.BadDecimalException;
import io.salesops.core.money.Money;
import io.salesops.core.money.Percent;
import io.salesops.io.CsvImportException;
import io.salesops.io.ImportProblem;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readers of the small planning files: ramp schedules ({@code month,percent}) and potential
 * ({@code territory,potential[,currency]} or {@code rep,potential[,currency]}). Every problem is reported at
 * once with file, line and column, as {@link CsvImportException}. Stateless and thread-safe.
 */
public final class PlanningCsv {

    /** The most rows a planning file may have. */
    public static final int MAX_ROWS = 1_000_000;

    private PlanningCsv() {
    }

    /** A parsed file: the header's columns (lower case) and the rows with their line numbers. */
    record Table(String file, Map<String, Integer> columns, List<CsvRecord> rows, List<ImportProblem> problems) {
        int col(String... names) {
            for (String n : names) {
                Integer i = columns.get(n);
                if (i != null) {
                    return i;
                }
            }
            return -1;
        }

        String cell(CsvRecord r, int col) {
            return col < 0 || col >= r.getFieldCount() ? "" : r.getField(col).strip();
        }

        void problem(CsvRecord r, int col, String value, String message) {
            problems.add(new ImportProblem(file, r.getStartingLineNumber(), col < 0 ? null : header(col), col + 1,
                    value, message));
        }

        String header(int col) {
            return columns.entrySet().stream().filter(e -> e.getValue() == col).map(Map.Entry::getKey).findFirst().orElse(null);
        }

        void requireColumn(String... names) {
            if (col(names) < 0) {
                problems.add(new ImportProblem(file, 1, null, 0, null, "the header has no " + String.join(" or ", names)
                        + " column; it has " + columns.keySet()));
                throw new CsvImportException(problems);
            }
        }

        void throwIfProblems() {
            if (!problems.isEmpty()) {
                throw new CsvImportException(problems);
            }
        }
    }

    static Table read(Path path) throws IOException {
        String file = path.toString();
        List<CsvRecord> rows = new ArrayList<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true)
                .detectBomHeader(true).ofCsvRecord(path)) {
            for (CsvRecord r : reader) {
                if (columns.isEmpty() && rows.isEmpty()) {
                    for (int i = 0; i < r.getFieldCount(); i++) {
                        columns.putIfAbsent(r.getField(i).strip().toLowerCase(Locale.ROOT), i);
                    }
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    problems.add(new ImportProblem(file, r.getStartingLineNumber(), null, 0, null,
                            "the file has more than " + MAX_ROWS + " rows, the most a planning file may have"));
                    throw new CsvImportException(problems);
                }
                rows.add(r);
            }
        }
        if (columns.isEmpty()) {
            problems.add(new ImportProblem(file, 0, null, 0, null, "the file is empty; it needs a header row"));
            throw new CsvImportException(problems);
        }
        return new Table(file, columns, rows, problems);
    }

    /**
     * Reads a ramp schedule: columns {@code month} (tenure month 1, 2, ...; also {@code tenure_month}) and
     * {@code percent} (also {@code ramp}, {@code productivity}; {@code 50} or {@code 50%}). Months must be
     * 1..120, each once, with no gaps.
     *
     * @param path the UTF-8 CSV file, with a header row; not null
     * @return the schedule; months after the last listed are fully ramped
     * @throws CsvImportException listing every problem with its line and column
     * @throws IOException        if the file cannot be read
     */
    public static RampSchedule readRamp(Path path) throws IOException {
        Table t = read(path);
        t.requireColumn("month", "tenure_month");
        t.requireColumn("percent", "ramp", "productivity");
        int mc = t.col("month", "tenure_month");
        int pc = t.col("percent", "ramp", "productivity");
        Map<Integer, Percent> byMonth = new TreeMap<>();
        for (CsvRecord r : t.rows()) {
            String ms = t.cell(r, mc);
            String ps = t.cell(r, pc);
            Integer month = null;
            try {
                month = Integer.parseInt(ms);
                if (month < 1 || month > 120) {
                    t.problem(r, mc, ms, "tenure month " + month + " is outside 1..120");
                    month = null;
                }
            } catch (NumberFormatException e) {
                t.problem(r, mc, ms, "\"" + ms + "\" is not a tenure month (1, 2, ...)");
            }
            Percent pct = null;
            try {
                pct = Percent.of(ps);
                if (!pct.isProbability()) {
                    t.problem(r, pc, ps, "ramp " + pct + " is outside 0%..100%");
                    pct = null;
                }
            } catch (IllegalArgumentException e) {
                t.problem(r, pc, ps, e.getMessage());
            }
            if (month != null && pct != null && byMonth.put(month, pct) != null) {
                t.problem(r, mc, ms, "tenure month " + month + " appears more than once");
            }
        }
        int expected = 1;
        for (int m : byMonth.keySet()) {
            if (m != expected) {
                t.problems().add(new ImportProblem(t.file(), 0, t.header(mc), mc + 1, null,
                        "tenure month " + expected + " is missing; give every month from 1 to " + byMonth.size()));
                break;
            }
            expected++;
        }
        t.throwIfProblems();
        return new RampSchedule(new ArrayList<>(byMonth.values()));
    }

    /** Potential read from a file: by territory or by rep, as the header says. */
    public record Potential(Map<String, Money> byTerritory, Map<String, Money> byRep) {
    }

    /**
     * Reads potential: {@code territory,potential[,currency]} or {@code rep,potential[,currency]} (also
     * {@code amount} for {@code potential}). Amounts are plain decimals, not negative, with no more decimals
     * than the currency has; the currency defaults to {@code currency}.
     *
     * @param path     the UTF-8 CSV file, with a header row; not null
     * @param currency the currency of rows without a currency cell (the plan's target currency); not null
     * @return the potential by territory or by rep, as the first column says; the other map is empty
     * @throws CsvImportException listing every problem with its line and column
     * @throws IOException        if the file cannot be read
     */
    public static Potential readPotential(Path path, Currency currency) throws IOException {
        Table t = read(path);
        t.requireColumn("territory", "rep");
        t.requireColumn("potential", "amount");
        boolean byRep = t.col("territory") < 0;
        int kc = t.col("territory", "rep");
        int ac = t.col("potential", "amount");
        int cc = t.col("currency");
        Map<String, Money> out = new LinkedHashMap<>();
        for (CsvRecord r : t.rows()) {
            String key = t.cell(r, kc);
            if (key.isEmpty()) {
                t.problem(r, kc, key, (byRep ? "rep" : "territory") + " is blank");
                continue;
            }
            Money m = money(t, r, ac, cc, currency);
            if (m != null && out.put(key, m) != null) {
                t.problem(r, kc, key, (byRep ? "rep " : "territory ") + key + " appears more than once");
            }
        }
        t.throwIfProblems();
        return byRep ? new Potential(Map.of(), out) : new Potential(out, Map.of());
    }

    /**
     * Reads attainment history: {@code rep,period,attainment} (percent: {@code 87.5} or {@code 87.5%}), or
     * {@code rep,period,bookings,quota} from which attainment is computed. Periods are read in {@code calendar}
     * ({@code 2026-Q1}, {@code 2026-03}, {@code 2026-H1}); a row with a quota of zero is skipped when
     * its bookings are zero too (a rep on leave: attainment is undefined and says nothing) and is a problem when
     * they are not. Attainment may not be negative.
     *
     * @param path     the UTF-8 CSV file, with a header row; not null
     * @param calendar the fiscal calendar the periods are named in; not null
     * @return the observations in file order
     * @throws CsvImportException listing every problem with its line and column
     * @throws IOException        if the file cannot be read
     */
    public static List<HistoricalAttainment.Observation> readAttainment(Path path,
            io.salesops.core.period.FiscalCalendar calendar) throws IOException {
        Table t = read(path);
        t.requireColumn("rep");
        t.requireColumn("period");
        int rc = t.col("rep");
        int pc = t.col("period");
        int ac = t.col("attainment");
        int bc = t.col("bookings");
        int qc = t.col("quota");
        if (ac < 0 && (bc < 0 || qc < 0)) {
            t.requireColumn("attainment");
        }
        List<HistoricalAttainment.Observation> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (CsvRecord r : t.rows()) {
            String rep = t.cell(r, rc);
            String ps = t.cell(r, pc);
            if (rep.isEmpty()) {
                t.problem(r, rc, rep, "rep is blank");
                continue;
            }
            io.salesops.core.period.Period period;
            try {
                period = calendar.parse(ps);
            } catch (IllegalArgumentException e) {
                t.problem(r, pc, ps, e.getMessage());
                continue;
            }
            if (period.kind() == io.salesops.core.period.PeriodKind.YEAR) {
                t.problem(r, pc, ps, "period " + ps + " is a year; give months, quarters or halves");
                continue;
            }
            BigDecimal pct;
            if (ac >= 0) {
                String a = t.cell(r, ac);
                pct = number(t, r, ac, a.endsWith("%") ? a.substring(0, a.length() - 1).strip() : a);
                if (pct == null) {
                    continue;
                }
            } else {
                BigDecimal bookings = number(t, r, bc, t.cell(r, bc));
                BigDecimal q = number(t, r, qc, t.cell(r, qc));
                if (bookings == null || q == null) {
                    continue;
                }
                if (q.signum() < 0) {
                    t.problem(r, qc, t.cell(r, qc), "quota " + q.toPlainString() + " is negative");
                    continue;
                }
                if (q.signum() == 0) {
                    if (bookings.signum() != 0) {
                        // Bookings against no quota have no attainment; refused rather than dropped, so the
                        // user decides (give the quota, or drop the row) and nothing is lost in silence.
                        t.problem(r, qc, t.cell(r, qc), "quota is 0 but bookings are " + bookings.toPlainString()
                                + ": attainment is undefined; give the period's quota or drop the row");
                        continue;
                    }
                    // 0 bookings against 0 quota (a rep on leave) says nothing about attainment: skipped, but
                    // still checked for a second row of the same rep and period below.
                    pct = null;
                } else {
                    pct = bookings.multiply(BigDecimal.valueOf(100)).divide(q, java.math.MathContext.DECIMAL64);
                }
            }
            if (pct != null && pct.signum() < 0) {
                t.problem(r, ac >= 0 ? ac : bc, pct.toPlainString(), "attainment " + pct.toPlainString() + "% is negative");
                continue;
            }
            if (!seen.add(rep + "\u0000" + period)) {
                t.problem(r, pc, ps, "rep " + rep + " has a second row for " + period);
                continue;
            }
            if (pct != null) {
                out.add(new HistoricalAttainment.Observation(rep, period, pct));
            }
        }
        t.throwIfProblems();
        if (out.isEmpty()) {
            throw new CsvImportException(List.of(new ImportProblem(t.file(), 0, null, 0, null, "the file has no attainment rows")));
        }
        return out;
    }

    /**
     * A decimal within the project's bounds for input ({@link io.salesops.core.money.Decimals#parse}: 64 characters,
     * so {@code 1e999999999} cannot reach the arithmetic) and the tighter ones money and percentages use here (at
     * most 15 integer digits and 12 decimals, trailing zeros not counted), or null with the problem recorded at the
     * cell.
     */
    private static BigDecimal number(Table t, CsvRecord r, int col, String text) {
        BigDecimal d;
        try {
            d = io.salesops.core.money.Decimals.parse(text);
        } catch (BadDecimalException e) {
            t.problem(r, col, t.cell(r, col), switch (e.reason()) {
                case NOT_A_NUMBER -> io.salesops.core.money.Decimals.quote(t.cell(r, col)) + " is not a number";
                case TOO_LONG -> e.getMessage();
                case OUT_OF_RANGE -> tooLarge(t.cell(r, col));
            });
            return null;
        }
        if (d.signum() != 0 && (d.precision() - d.scale() > 15 || d.stripTrailingZeros().scale() > 12)) {
            t.problem(r, col, t.cell(r, col), tooLarge(t.cell(r, col)));
            return null;
        }
        return d;
    }

    private static String tooLarge(String cell) {
        return io.salesops.core.money.Decimals.quote(cell) + " has more than 15 integer digits or 12 decimals";
    }

    static Money money(Table t, CsvRecord r, int ac, int cc, Currency fallback) {
        String a = t.cell(r, ac);
        Currency cur = fallback;
        String cs = t.cell(r, cc);
        if (!cs.isEmpty()) {
            try {
                cur = Money.currency(cs);
            } catch (IllegalArgumentException e) {
                t.problem(r, cc, cs, e.getMessage());
                return null;
            }
            if (!cur.equals(fallback)) {
                t.problem(r, cc, cs, "currency " + cs + " is not the target's currency " + fallback);
                return null;
            }
        }
        try {
            BigDecimal d = new BigDecimal(a);
            if (d.signum() < 0) {
                t.problem(r, ac, a, "amount " + a + " is negative");
                return null;
            }
            if (d.precision() - d.scale() > 15) {
                t.problem(r, ac, a, "amount " + a + " has more than 15 integer digits");
                return null;
            }
            return Money.of(d, cur);
        } catch (NumberFormatException e) {
            t.problem(r, ac, a, "\"" + a + "\" is not a plain decimal amount such as 1250000.00");
        } catch (ArithmeticException e) {
            t.problem(r, ac, a, e.getMessage());
        }
        return null;
    }
}
