package io.salesops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.salesops.core.money.Decimals;
import io.salesops.forecast.regression.Coefficient;
import io.salesops.forecast.regression.LinearRegression;
import io.salesops.forecast.regression.RegressionResult;
import io.salesops.forecast.timeseries.IntervalLevels;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code salesops regress}: least-squares regression of one CSV column on others, printing the
 * coefficient table and fit statistics as a text table or JSON.
 *
 * <p>Bad input (missing file or column, a non-numeric cell, a rank-deficient design) is reported
 * naming the file, line and column, with exit code 1. Not thread-safe (picocli fills the fields).
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = {"Fit a linear regression by least squares (Householder QR with refinement)",
                "and print coefficients, standard errors, t, p-values, R-squared and F."},
        footer = {"", "Example:", "  salesops regress --data deals.csv --y revenue --x calls,demos --poly tenure:2"})
public final class RegressCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header line; lines starting with # are skipped.")
    Path data;

    @Option(names = "--y", required = true, paramLabel = "COL", description = "The response column.")
    String y;

    @Option(names = "--x", split = ",", paramLabel = "COL", description = "Regressor columns, comma-separated.")
    List<String> x = new ArrayList<>();

    @Option(names = "--no-intercept", description = "Fit through the origin (R-squared is then uncentered).")
    boolean noIntercept;

    @Option(names = "--poly", paramLabel = "COL:DEGREE",
            description = "Add COL, COL^2, ..., COL^DEGREE as regressors; repeatable.")
    List<String> poly = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "COL", description = "Weighted least squares with these positive weights.")
    String weights;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--level", defaultValue = "95", paramLabel = "LEVEL",
            description = "Confidence level of the coefficient intervals, in percent (default: ${DEFAULT-VALUE}).")
    double level;

    /** Runs the regression; returns the exit code (0 ok, 1 bad input). */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            RegressionResult fit = fit();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(JsonViews.regression(fit, level)));
            } else {
                out.print(fit.summary());
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            err.println("salesops: error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private RegressionResult fit() throws IOException {
        try {
            IntervalLevels.check(level);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--level: " + e.getMessage());
        }
        Set<String> needed = new LinkedHashSet<>();
        needed.add(y);
        needed.addAll(x);
        for (String spec : poly) {
            needed.add(polyColumn(spec));
        }
        if (weights != null) {
            needed.add(weights);
        }
        List<Long> lines = new ArrayList<>();
        Map<String, double[]> columns = readColumns(data, new ArrayList<>(needed), lines);
        if (weights != null) {
            double[] w = columns.get(weights);
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] > 0)) {
                    throw new UserInputException(data + ", line " + lines.get(i) + ", column '" + weights
                            + "': weight " + w[i] + " must be positive");
                }
            }
        }
        return fit(columns, y, x, poly, weights, !noIntercept);
    }

    /**
     * Fits {@code y} on the {@code x} columns and the {@code poly} terms ({@code COL:DEGREE}), optionally
     * weighted; shared by the command and the HTTP server.
     *
     * @param columns the data by column name
     * @throws IllegalArgumentException naming a missing column, a bad {@code poly} term, or a rank-deficient design
     */
    public static RegressionResult fit(Map<String, double[]> columns, String y, List<String> x, List<String> poly,
                                       String weights, boolean intercept) {
        LinearRegression model = LinearRegression.of(y, column(columns, y)).withIntercept(intercept);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String name : x) {
            if (java.util.Objects.equals(name, y)) {
                throw new UserInputException("column " + name + " is the response (y) and cannot also be a regressor (x)");
            }
            if (!seen.add(name)) {
                throw new UserInputException("column " + name + " is given twice in x; a regressor appears once");
            }
        }
        java.util.Set<String> polySeen = new java.util.HashSet<>();
        for (String spec : poly) {
            String name = polyColumn(spec);
            if (java.util.Objects.equals(name, y)) {
                throw new UserInputException("column " + name + " is the response (y) and cannot also be a polynomial"
                        + " regressor (" + spec + ")");
            }
            if (!polySeen.add(name)) {
                throw new UserInputException("column " + name + " has two polynomial terms; give one, COL:DEGREE with"
                        + " the highest degree (it includes the lower ones)");
            }
        }
        for (String name : x) {
            model = model.regressor(name, column(columns, name));
        }
        for (String spec : poly) {
            String name = polyColumn(spec);
            int degree = Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1).trim());
            if (x.contains(name)) {
                throw new UserInputException("column " + name + " is given both in --x and in --poly " + name
                        + ":" + degree + "; --poly already includes the linear term");
            }
            model = model.polynomial(name, column(columns, name), degree);
        }
        if (weights != null) {
            model = model.weights(column(columns, weights));
        }
        return model.fit();
    }

    private static double[] column(Map<String, double[]> columns, String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new UserInputException("no column named '" + name + "'; the data has " + columns.keySet());
        }
        return c;
    }

    /** @return the column of a {@code COL:DEGREE} term; throws if the term does not have that form */
    static String polyColumn(String spec) {
        int colon = spec.lastIndexOf(':');
        int degree;
        try {
            degree = colon < 0 ? -1 : Integer.parseInt(spec.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
            degree = -1;
        }
        if (colon <= 0 || degree < 1 || degree > 20) {
            throw new UserInputException("--poly " + spec + " must be COL:DEGREE with DEGREE from 1 to 20, e.g. price:2");
        }
        return spec.substring(0, colon).trim();
    }

    /**
     * Reads the named numeric columns; errors name the file, line and column. {@code lines}
     * receives the line number of each data row.
     */
    static Map<String, double[]> readColumns(Path file, List<String> names, List<Long> lines) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int[] index = new int[names.size()];
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
                .commentStrategy(CommentStrategy.SKIP).ofCsvRecord(file)) {
            List<String> header = null;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields().stream().map(String::trim).toList();
                    for (int k = 0; k < names.size(); k++) {
                        index[k] = header.indexOf(names.get(k));
                        if (index[k] < 0) {
                            throw new UserInputException(file + ", line " + record.getStartingLineNumber()
                                    + ": no column named '" + names.get(k) + "' in the header " + header);
                        }
                    }
                    continue;
                }
                double[] row = new double[names.size()];
                for (int k = 0; k < names.size(); k++) {
                    if (index[k] >= record.getFieldCount()) {
                        throw new UserInputException(file + ", line " + record.getStartingLineNumber()
                                + ", column '" + names.get(k) + "': the line has only " + record.getFieldCount()
                                + " fields but the header has " + header.size());
                    }
                    String cell = record.getField(index[k]).trim();
                    try {
                        row[k] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        row[k] = Double.NaN;
                    }
                    if (!Double.isFinite(row[k])) {
                        throw new UserInputException(file + ", line " + record.getStartingLineNumber()
                                + ", column '" + names.get(k) + "': " + Decimals.quote(cell) + " is not a finite number");
                    }
                }
                rows.add(row);
                lines.add(record.getStartingLineNumber());
            }
            if (header == null) {
                throw new UserInputException(file + ": the file is empty; expected a header line");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserInputException(file + ": no such file", e);
        } catch (UncheckedIOException | CsvParseException e) {
            throw new UserInputException(file + ": " + CliErrors.messageOf(e), e);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            double[] col = new double[rows.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = rows.get(i)[k];
            }
            columns.put(names.get(k), col);
        }
        return columns;
    }

}
