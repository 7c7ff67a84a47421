package io.salesops.io;

import io.salesops.core.crm.Quota;
import io.salesops.core.crm.Quotas;
import io.salesops.core.money.Money;
import io.salesops.core.period.FiscalCalendar;
import io.salesops.core.period.Period;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Reads quotas from a CSV with columns {@code rep, period, amount} (required) and {@code currency} (optional,
 * else the default currency). Periods are read by the {@link Builder#fiscalCalendar(FiscalCalendar) fiscal
 * calendar}: {@code 2026-07} (month), {@code 2026-Q3}, {@code 2026-H1}, {@code FY2026}. Amounts follow the
 * opportunity rules: plain decimals, grouping only when quoted, no more decimals than the currency has, not
 * negative. A second quota for the same rep and period is a problem of its row. Other columns are ignored.
 *
 * <pre>{@code
 * Quotas quotas = QuotaCsvReader.builder()
 *         .fiscalCalendar(FiscalCalendar.startingIn(Month.FEBRUARY)).defaultCurrency("EUR")
 *         .build().readQuotas(Path.of("quotas.csv"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class QuotaCsvReader {

    static final List<Field> FIELDS = List.of(Field.required("rep"), Field.required("period"),
            Field.required("amount"), Field.optional("currency"));

    private final CsvSettings settings;
    private final FiscalCalendar calendar;

    private QuotaCsvReader(Builder b) {
        this.settings = b.settings();
        this.calendar = b.calendar;
    }

    /** @return a builder with the defaults: field names as headers, calendar-year periods, strict, USD */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads quotas from a UTF-8 file (a byte-order mark selects another Unicode encoding).
     *
     * @param path the CSV file, with a header row; not null
     * @return the valid quotas in file order and, in lenient mode, the problems found (empty in strict mode); never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the file cannot be read
     */
    public ImportResult<Quota> read(Path path) throws IOException {
        return read(CsvImport.Input.of(path));
    }

    /**
     * Reads CSV text; {@code name} stands for the file in problems.
     *
     * @param reader the CSV text with a header row, already decoded; read to the end and closed; not null
     * @param name   what problems call the input, e.g. {@code "upload.csv"}; not null
     * @return the valid quotas in input order and, in lenient mode, the problems found; never null
     * @throws CsvImportException if the header lacks required columns, or in strict mode at the first bad row
     * @throws IOException        if the reader fails
     */
    public ImportResult<Quota> read(Reader reader, String name) throws IOException {
        return read(CsvImport.Input.of(reader, name));
    }

    /**
     * Reads the file into {@link Quotas}, whatever the mode.
     *
     * @param path the CSV file, with a header row; not null
     * @return the quotas of every row in the file
     * @throws CsvImportException holding every problem, if there is any
     * @throws IOException        if the file cannot be read
     */
    public Quotas readQuotas(Path path) throws IOException {
        return Quotas.of(read(path).orThrow());
    }

    private ImportResult<Quota> read(CsvImport.Input in) throws IOException {
        return CsvImport.read(in, settings, FIELDS, h -> new Converter(h, settings.defaultCurrency(), calendar),
                new CsvImport.Unique<>("period", q -> q.repId() + "\u0000" + q.period(),
                        k -> "quota for rep " + k.replace("\u0000", " in "), false)).result();
    }

    private static final class Converter implements CsvImport.Converter<Quota> {
        private final Col rep, period, amount, currency;
        private final Currency defaultCurrency;
        private final FiscalCalendar calendar;

        Converter(Header h, Currency defaultCurrency, FiscalCalendar calendar) {
            rep = h.col("rep");
            period = h.col("period");
            amount = h.col("amount");
            currency = h.col("currency");
            this.defaultCurrency = defaultCurrency;
            this.calendar = calendar;
        }

        @Override
        public Quota convert(Cells c) {
            String repV = c.requiredPooled(rep);
            Period p = c.parse(period, calendar::parse);
            if (p == null && !c.failed(period)) {
                c.requiredPooled(period);
            }
            Currency cur = c.currency(currency, defaultCurrency);
            long minor = cur == null ? Cells.NO_AMOUNT : c.minor(amount, cur, true);
            if (c.hasProblems()) {
                return null;
            }
            return new Quota(repV, p, Money.ofMinor(minor, cur));
        }
    }

    /** Builds a {@link QuotaCsvReader}; see {@link ReaderBuilder} for the shared options. Not thread-safe. */
    public static final class Builder extends ReaderBuilder<Builder> {
        private FiscalCalendar calendar = FiscalCalendar.calendarYear();

        private Builder() {
        }

        @Override
        List<Field> fields() {
            return FIELDS;
        }

        /**
         * Reads periods in this fiscal calendar (default: the calendar year): with a February start,
         * {@code 2027-Q1} is February to April 2026.
         *
         * @param calendar the calendar the quota file's periods are named in; not null
         * @return this builder
         */
        public Builder fiscalCalendar(FiscalCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            return this;
        }

        /** @return a reader with the options set so far; the builder stays usable */
        public QuotaCsvReader build() {
            return new QuotaCsvReader(this);
        }
    }
}
