package io.salesops.io;

import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Reads what customers paid against deals (collections, invoices paid) from a CSV with columns
 * {@code deal_id, date, amount} (required) and {@code currency} (optional, else the default currency): the payments
 * that release commission paid on collection. Amounts follow the opportunity rules: plain decimals, grouping only
 * when quoted, no more decimals than the currency has, not negative. A deal may have any number of rows (one per
 * payment). Other columns are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class DealPaymentCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("deal_id"), Field.required("date"),
            Field.required("amount"), Field.optional("currency"));

    private final CsvSettings settings;

    private DealPaymentCsvReader(Builder b) {
        this.settings = b.settings();
    }

    /** @return a builder with the defaults: field names as headers, strict, USD */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads payments from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid rows in file order and, in lenient mode, the problems found (empty in strict mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<DealPaymentRow> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input, e.g. {@code "collections.csv"}; not null
     * @return the valid rows in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<DealPaymentRow> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    private ImportResult<DealPaymentRow> read(CsvImport.Input in) throws IOException {
        return CsvImport.read(in, settings, FIELDS, h -> new Converter(h, settings.defaultCurrency()), null).result();
    }

    private static final class Converter implements CsvImport.Converter<DealPaymentRow> {
        private final Col deal, date, amount, currency;
        private final Currency defaultCurrency;

        Converter(Header h, Currency defaultCurrency) {
            deal = h.col("deal_id");
            date = h.col("date");
            amount = h.col("amount");
            currency = h.col("currency");
            this.defaultCurrency = defaultCurrency;
        }

        @Override
        public DealPaymentRow convert(Cells c) {
            String d = c.requiredPooled(deal);
            LocalDate day = c.date(date, true);
            Currency cur = c.currency(currency, defaultCurrency);
            long minor = cur == null ? Cells.NO_AMOUNT : c.minor(amount, cur, true);
            if (c.hasProblems()) {
                return null;
            }
            return new DealPaymentRow(d, day, Money.ofMinor(minor, cur), c.line());
        }
    }

    /** Builds a {@link DealPaymentCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public DealPaymentCsvReader build() {
            return new DealPaymentCsvReader(this);
        }
    }
}
