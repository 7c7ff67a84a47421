package io.salesops.io;

import io.salesops.core.money.Money;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;

/**
 * Reads targets set per payee for commission plan components (a bonus or MBO target that differs by rep) from a
 * CSV with columns {@code payee, component, target} (required) and {@code currency} (optional, else the default
 * currency). Amounts follow the opportunity rules: plain decimals, grouping only when quoted, no more decimals than
 * the currency has, not negative. A second target for the same payee and component is a problem of its row.
 * Other columns are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class PayeeTargetCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("payee"), Field.required("component"),
            Field.required("target"), Field.optional("currency"));

    private final CsvSettings settings;

    private PayeeTargetCsvReader(Builder b) {
        this.settings = b.settings();
    }

    /** @return a builder with the defaults: field names as headers, strict, USD */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads targets from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid rows in file order and, in lenient mode, the problems found (empty in strict mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<PayeeTargetRow> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input, e.g. {@code "targets.csv"}; not null
     * @return the valid rows in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<PayeeTargetRow> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    private ImportResult<PayeeTargetRow> read(CsvImport.Input in) throws IOException {
        return CsvImport.read(in, settings, FIELDS, h -> new Converter(h, settings.defaultCurrency()),
                new CsvImport.Unique<>("component", r -> r.payee() + "\u0000" + r.component(),
                        k -> "target for payee " + k.replace("\u0000", " and component "), false)).result();
    }

    private static final class Converter implements CsvImport.Converter<PayeeTargetRow> {
        private final Col payee, component, target, currency;
        private final Currency defaultCurrency;

        Converter(Header h, Currency defaultCurrency) {
            payee = h.col("payee");
            component = h.col("component");
            target = h.col("target");
            currency = h.col("currency");
            this.defaultCurrency = defaultCurrency;
        }

        @Override
        public PayeeTargetRow convert(Cells c) {
            String p = c.requiredPooled(payee);
            String comp = c.requiredPooled(component);
            Currency cur = c.currency(currency, defaultCurrency);
            long minor = cur == null ? Cells.NO_AMOUNT : c.minor(target, cur, true);
            if (c.hasProblems()) {
                return null;
            }
            return new PayeeTargetRow(p, comp, Money.ofMinor(minor, cur), c.line());
        }
    }

    /** Builds a {@link PayeeTargetCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public PayeeTargetCsvReader build() {
            return new PayeeTargetCsvReader(this);
        }
    }
}
