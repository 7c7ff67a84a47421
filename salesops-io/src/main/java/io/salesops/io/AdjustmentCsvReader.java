package io.salesops.io;

import io.salesops.core.money.Decimals;
import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;

/**
 * Reads managers' forecast adjustments from a CSV with columns {@code group, amount, who, when} (required) and
 * {@code why}, {@code currency} (optional, else the default currency). {@code when} is a date
 * ({@code 2026-07-15}, read as the start of that day in UTC) or a date-time with an offset
 * ({@code 2026-07-15T09:30:00Z}). Amounts follow the opportunity rules (plain decimals, not negative). A group
 * may be adjusted more than once; the forecast keeps all and uses the latest. Other columns are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class AdjustmentCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("group"), Field.required("amount"), Field.required("who"),
            Field.required("when"), Field.optional("why"), Field.optional("currency"));

    private final CsvSettings settings;

    private AdjustmentCsvReader(Builder b) {
        this.settings = b.settings();
    }

    /** @return a builder with the defaults: field names as headers, strict, USD */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads adjustments from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid adjustments in file order and, in lenient mode, the problems found (empty in strict mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<AdjustmentRow> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input, e.g. {@code "upload.csv"}; not null
     * @return the valid adjustments in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<AdjustmentRow> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    private ImportResult<AdjustmentRow> read(CsvImport.Input in) throws IOException {
        return CsvImport.read(in, settings, FIELDS, h -> new Converter(h, settings.defaultCurrency()), null).result();
    }

    /** A date (start of day, UTC) or an ISO date-time with offset. @throws IllegalArgumentException otherwise */
    static Instant when(String text) {
        try {
            return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(Decimals.quote(text) + " is not a time; expected a date such as 2026-07-15"
                    + " or a date-time with offset such as 2026-07-15T09:30:00Z");
        }
    }

    private static final class Converter implements CsvImport.Converter<AdjustmentRow> {
        private final Col group, amount, who, when, why, currency;
        private final Currency defaultCurrency;

        Converter(Header h, Currency defaultCurrency) {
            group = h.col("group");
            amount = h.col("amount");
            who = h.col("who");
            when = h.col("when");
            why = h.col("why");
            currency = h.col("currency");
            this.defaultCurrency = defaultCurrency;
        }

        @Override
        public AdjustmentRow convert(Cells c) {
            String g = c.required(group);
            Currency cur = c.currency(currency, defaultCurrency);
            long minor = cur == null ? Cells.NO_AMOUNT : c.minor(amount, cur, true);
            String w = c.required(who);
            Instant t = c.parse(when, AdjustmentCsvReader::when);
            if (t == null && !c.failed(when)) {
                c.required(when);
            }
            String reason = c.text(why);
            if (c.hasProblems()) {
                return null;
            }
            return new AdjustmentRow(g, Money.ofMinor(minor, cur), w, t, reason);
        }
    }

    /** Builds an {@link AdjustmentCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public AdjustmentCsvReader build() {
            return new AdjustmentCsvReader(this);
        }
    }
}
