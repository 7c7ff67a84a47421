package io.salesops.io;

import io.salesops.core.money.Decimals;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Reads exchange rates from a CSV with columns {@code from, to, rate, effective_date} (all required):
 * {@code EUR,USD,1.0850,2026-01-01} says one euro is worth 1.0850 dollars from that day. Rates are positive
 * decimals with at most 12 decimal places; a second rate for the same pair and day is a problem of its row.
 * Other columns are ignored. Immutable and thread-safe.
 */
public final class ExchangeRateCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("from"), Field.required("to"), Field.required("rate"),
            Field.required("effective_date"));

    private final CsvSettings settings;

    private ExchangeRateCsvReader(Builder b) {
        this.settings = b.settings();
    }

    /** @return a builder with the defaults: field names as headers, ISO dates, strict */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads exchange rates from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid rates in file order and, in lenient mode, the problems found (empty in strict mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<ExchangeRateRow> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input, e.g. {@code "upload.csv"}; not null
     * @return the valid rates in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<ExchangeRateRow> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    private ImportResult<ExchangeRateRow> read(CsvImport.Input in) throws IOException {
        return CsvImport.read(in, settings, FIELDS, Converter::new,
                new CsvImport.Unique<>("effective_date", r -> r.from() + "->" + r.to() + " on " + r.effectiveDate(),
                        k -> "rate " + k, false)).result();
    }

    private static final class Converter implements CsvImport.Converter<ExchangeRateRow> {
        private final Col from, to, rate, date;

        Converter(Header h) {
            from = h.col("from");
            to = h.col("to");
            rate = h.col("rate");
            date = h.col("effective_date");
        }

        @Override
        public ExchangeRateRow convert(Cells c) {
            Currency f = c.currency(from, null);
            Currency t = c.currency(to, null);
            if (f == null && !c.failed(from)) {
                c.required(from);
            }
            if (t == null && !c.failed(to)) {
                c.required(to);
            }
            BigDecimal r = c.has(rate) ? c.parse(rate, ExchangeRateCsvReader::rate) : null;
            if (r == null && !c.failed(rate)) {
                c.required(rate);
            }
            LocalDate d = c.date(date, true);
            if (f != null && f.equals(t)) {
                c.problem(to, "rate from " + f + " to itself; from and to must differ");
            }
            if (c.hasProblems()) {
                return null;
            }
            return new ExchangeRateRow(f, t, r, d);
        }
    }

    static BigDecimal rate(String text) {
        BigDecimal r;
        try {
            r = text.length() > 30 ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            r = null;
        }
        if (r == null || r.scale() > 12 || r.precision() - r.scale() > 12) {
            throw new IllegalArgumentException(Decimals.quote(text) + " is not a rate; expected a decimal such as 1.0850"
                    + " with at most 12 digits before and after the point");
        }
        if (r.signum() <= 0) {
            throw new IllegalArgumentException("rate " + text + " is not positive");
        }
        return r;
    }

    /** Builds an {@link ExchangeRateCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public ExchangeRateCsvReader build() {
            return new ExchangeRateCsvReader(this);
        }
    }
}
