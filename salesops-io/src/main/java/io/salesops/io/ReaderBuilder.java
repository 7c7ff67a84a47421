package io.salesops.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The options every CSV reader's builder shares. Each setter checks its argument at once; building leaves the
 * builder as it was. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class ReaderBuilder<B extends ReaderBuilder<B>> {

    private ColumnMapping mapping = ColumnMapping.NONE;
    private String dateFormat;
    private CsvLimits limits = CsvLimits.DEFAULT;
    private boolean strict = true;
    private Currency defaultCurrency = Currency.getInstance("USD");
    private Charset charset = StandardCharsets.UTF_8;
    private boolean parallel;
    private long parallelMinBytes = 4L << 20;

    ReaderBuilder() {
    }

    /** The fields the reader knows, to check mappings against. */
    abstract List<Field> fields();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Reads columns under the header names {@code mapping} gives (default: the field names).
     *
     * @param mapping the mapping, e.g. {@link ColumnMapping#SALESFORCE}; its date format applies unless
     *                {@link #dateFormat(String)} sets one; not null
     * @return this builder
     * @throws IllegalArgumentException naming a mapped field this reader does not know, and the fields it does
     */
    public B mapping(ColumnMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        List<String> known = Field.names(fields());
        for (String f : mapping.fields().keySet()) {
            if (!known.contains(f)) {
                throw new IllegalArgumentException("column mapping " + mapping.name() + " maps unknown field \"" + f
                        + "\"; this reader knows " + known);
            }
        }
        this.mapping = mapping;
        return self();
    }

    /**
     * Reads columns as {@link ColumnMapping#named(String)} selects them: {@code salesforce}, {@code hubspot}, or
     * {@code field=Header,...}.
     *
     * @param nameOrSpec a shipped mapping's name or a {@code field=Header} list, as the {@code --columns} option
     *                   takes it; not null
     * @return this builder
     * @throws IllegalArgumentException if the text is not a known name or a valid mapping, or maps unknown fields
     */
    public B columns(String nameOrSpec) {
        return mapping(ColumnMapping.named(nameOrSpec));
    }

    /**
     * Parses dates with a {@link java.time.format.DateTimeFormatter} pattern such as {@code MM/dd/yyyy} or
     * {@code dd.MM.yyyy}, strictly (no February 30). Default: the mapping's date format, else {@code yyyy-MM-dd}.
     *
     * @param pattern the pattern, with {@code yyyy} (or {@code uuuu}) for the year; not null
     * @return this builder
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public B dateFormat(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        DateParser.of(pattern);
        this.dateFormat = pattern;
        return self();
    }

    /**
     * Throws {@link CsvImportException} at the first invalid row (the default).
     *
     * @return this builder
     */
    public B strict() {
        this.strict = true;
        return self();
    }

    /**
     * Keeps the valid rows and reports every invalid one in the result's problems, each located by file, line
     * and column. A missing required column and a file beyond {@link CsvLimits#maxRows()} still throw.
     *
     * @return this builder
     */
    public B lenient() {
        this.strict = false;
        return self();
    }

    /**
     * Bounds field length, columns and rows (default {@link CsvLimits#DEFAULT}).
     *
     * @param limits the bounds; not null
     * @return this builder
     */
    public B limits(CsvLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /**
     * The currency of amounts in rows without a currency column or value (default USD).
     *
     * @param currencyCode an ISO 4217 code, any case, e.g. {@code "EUR"}; not null
     * @return this builder
     * @throws IllegalArgumentException if the code is not an ISO 4217 currency with a minor unit
     */
    public B defaultCurrency(String currencyCode) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        Currency c;
        try {
            c = Currency.getInstance(currencyCode.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("default currency \"" + currencyCode + "\" is not an ISO 4217 code");
        }
        if (c.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("default currency " + currencyCode + " has no minor unit");
        }
        this.defaultCurrency = c;
        return self();
    }

    /**
     * The encoding of files read from a path (default UTF-8; a byte-order mark overrides it). Readers passed in
     * are already decoded and ignore it.
     *
     * @param charset the encoding, e.g. {@code windows-1252} for an old Excel export; not null
     * @return this builder
     */
    public B charset(Charset charset) {
        this.charset = Objects.requireNonNull(charset, "charset");
        return self();
    }

    /**
     * Whether to read a large file (4 MiB or more, from a path) on several threads (default false): object reads
     * of UTF-8 or Latin-1 as two halves, {@code readTable} of UTF-8 or ASCII in more chunks than cores. The result
     * is exactly that of a sequential read, in the same order: each split is checked against quoting and line
     * numbers are carried over; where a split cannot be used, or in strict mode on a problem, the file is read
     * again sequentially. Helps only with a spare core.
     *
     * @param parallel true to allow a parallel read of large files
     * @return this builder
     */
    public B parallel(boolean parallel) {
        this.parallel = parallel;
        return self();
    }

    /** Tests lower the file size from which a parallel read splits the file (default 4 MiB). */
    B parallelMinBytes(long bytes) {
        this.parallelMinBytes = bytes;
        return self();
    }

    CsvSettings settings() {
        String df = dateFormat != null ? dateFormat : mapping.dateFormat().orElse(DateParser.ISO);
        return new CsvSettings(mapping, DateParser.of(df), limits, strict, defaultCurrency, charset, parallel, parallelMinBytes);
    }
}
